/**
 * Recording (MODEL §7): each night a roll of present members is tallied once
 * and every daily series reads it through its recorder (metrics.ts); when the
 * run ends its logs are assembled and the after-run series and the summary at
 * the horizon read them.
 */
import { LEFT, REMOVED, WEEK_MASK, daysSpoken, windowMask } from '../members.ts';
import {
  RETENTION_DAYS, SERIES, SERIES_KEYS, SETTLED_DAYS, SPOKE_WITHIN_DAYS, SUMMARY, SUMMARY_KEYS,
  type DayTally, type RunLog, type RunResult, type SeriesKey, type Summary,
} from '../metrics.ts';
import { RETURN_MINUTES } from './actions.ts';
import { MINUTES_PER_DAY, type GroupState } from './state.ts';

const DAILY_KEYS = SERIES_KEYS.filter((k) => SERIES[k].recorded === 'daily');
const AFTER_RUN_KEYS = SERIES_KEYS.filter((k) => SERIES[k].recorded === 'afterRun');

/** Members with at least this many messages have their over-dispersion measured (MODEL v3 §3.2). */
const FANO_MIN_MESSAGES = 20;

/** Tonight's tally, then every daily recorder. */
export function recordDay(g: GroupState): void {
  const t = tallyDay(g);
  for (const key of DAILY_KEYS) {
    const spec = SERIES[key] as { record: (t: DayTally, out: Float64Array) => void };
    spec.record(t, g.series[key]);
  }
}

function tallyDay(g: GroupState): DayTally {
  const a = g.members.a;
  const d = g.day;
  const core = g.scenario.goals.coreActive;
  const coreMask = windowMask(core.windowDays);
  let members = 0, present = 0, spoke30 = 0, spokeThisWeek = 0, spokeToday = 0, coreActive = 0;
  let lurkers = 0, neverPosted = 0, dnd = 0, left = 0, removed = 0, engagementSum = 0;
  const levels: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  for (let i = 0; i < g.members.count; i++) {
    const presence = a.presence[i];
    if (presence === LEFT) { if (!a.isTeam[i]) left++; continue; }
    if (presence === REMOVED) { removed++; continue; }
    members++;
    if (a.isTeam[i]) continue;
    present++;
    engagementSum += a.engagement[i];
    const mask = a.spokeMask[i];
    const week = mask & WEEK_MASK;
    const isCore = daysSpoken(mask & coreMask) >= core.minDays;
    const spokeIn30 = a.lastSpoke[i] >= 0 && a.lastSpoke[i] > d - SPOKE_WITHIN_DAYS;
    const settled = d - a.joinDay[i] >= SETTLED_DAYS;
    if (spokeIn30) spoke30++;
    if (week) spokeThisWeek++;
    if (mask & 1) spokeToday++;
    if (isCore) coreActive++;
    if (!spokeIn30 && settled) lurkers++;
    if (a.messagesTotal[i] === 0 && settled) neverPosted++;
    if (a.dnd[i]) { dnd++; levels[4]++; }
    else if (isCore) levels[0]++;
    else if (week) levels[1]++;
    else if (spokeIn30) levels[2]++;
    else levels[3]++;
  }
  const teamMinutesToday = g.teamMinutes - g.teamMinutesBefore;
  g.teamMinutesBefore = g.teamMinutes;
  // the team's removals are not churn: a cohort is who joined that day less who was removed (MODEL §7)
  const cohort = (day: number) => ({ size: g.cohortSize[day] - g.cohortRemoved[day], present: g.cohortPresent[day] });
  return {
    day: d, members, present, spoke30, spokeThisWeek, spokeToday, coreActive, lurkers, neverPosted, dnd, engagementSum, left, removed, levels,
    day0Cohort: cohort(0),
    cohort30DaysAgo: d >= RETENTION_DAYS ? cohort(d - RETENTION_DAYS) : null,
    teamMinutesToday,
    series: g.series,
  };
}

/** The run's logs, the after-run series, and the summary at the horizon. */
export function finishRun(g: GroupState): RunResult {
  const log = runLog(g);
  for (const key of AFTER_RUN_KEYS) {
    const spec = SERIES[key] as { record: (log: RunLog, out: Float64Array) => void };
    spec.record(log, g.series[key as SeriesKey]);
  }
  const summary = {} as Record<string, number | null>;
  for (const key of SUMMARY_KEYS) summary[key] = SUMMARY[key].record(log);
  let memberMessages = 0;
  for (const n of g.hourly) memberMessages += n;
  const hourlyProfile = Float64Array.from(g.hourly, (n) => (memberMessages ? n / memberMessages : NaN));
  return { runIndex: g.runIndex, horizonDays: g.horizon, series: g.series, summary: summary as Summary, hourlyProfile };
}

function runLog(g: GroupState): RunLog {
  const a = g.members.a;
  const memberMessages: number[] = [];
  const posterMessages: number[] = [];
  const fanoOfPosters: number[] = [];
  const firstMessages = { replied: 0, repliedReturned: 0, ignored: 0, ignoredReturned: 0 };
  const end = g.horizon * MINUTES_PER_DAY;
  for (let i = 0; i < g.members.count; i++) {
    if (a.isTeam[i]) continue;
    memberMessages.push(a.messagesTotal[i]);
    if (a.messagesTotal[i] === 0) continue;
    posterMessages.push(a.messagesTotal[i]);
    const days = a.daysPresent[i];
    if (a.messagesTotal[i] >= FANO_MIN_MESSAGES && days > 1) {
      const mean = a.messagesTotal[i] / days;
      fanoOfPosters.push((a.dailySquares[i] / days - mean * mean) / mean);
    }
    if (a.firstMessageAt[i] + RETURN_MINUTES > end) continue; // its 30 days have not passed
    if (a.firstReplied[i]) { firstMessages.replied++; firstMessages.repliedReturned += a.postedAgain[i]; }
    else { firstMessages.ignored++; firstMessages.ignoredReturned += a.postedAgain[i]; }
  }
  const messages = g.messages;
  let threadStarters = 0, unrepliedStarters = 0;
  for (let k = 0; k < messages.count; k++) {
    if (!messages.starter[k]) continue;
    threadStarters++;
    if (!messages.replied[k]) unrepliedStarters++;
  }
  return {
    horizonDays: g.horizon,
    series: g.series,
    teamSize: g.teamSize,
    topics: { day: g.topics.time.map((t) => Math.floor(t / MINUTES_PER_DAY)), inWindow: g.topics.inWindow, firstReply: g.topics.firstReply },
    answers: { day: g.questions.day, minutes: g.questions.firstAnswerMinutes },
    answerMinutesSorted: Float64Array.from(g.questions.firstAnswerMinutes).sort(),
    memberMessages: Float64Array.from(memberMessages),
    posterMessages: Float64Array.from(posterMessages),
    fanoOfPosters: Float64Array.from(fanoOfPosters),
    firstMessages,
    threadStarters,
    unrepliedStarters,
    invited: g.invitedTotal,
    joined: g.joinedTotal,
    teamMinutes: g.teamMinutes,
  };
}
