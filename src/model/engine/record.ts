/**
 * Recording (MODEL §7): each night a roll of present members is tallied once
 * and every daily series reads it through its recorder (metrics.ts); when the
 * run ends its logs are assembled and the after-run series and the summary at
 * the horizon read them.
 */
import { LEFT, REMOVED, popcount7 } from '../members.ts';
import {
  SERIES, SERIES_KEYS, SUMMARY, SUMMARY_KEYS,
  type DayTally, type RunLog, type RunResult, type SeriesKey, type Summary,
} from '../metrics.ts';
import { MINUTES_PER_DAY, type GroupState } from './state.ts';

const DAILY_KEYS = SERIES_KEYS.filter((k) => SERIES[k].recorded === 'daily');
const AFTER_RUN_KEYS = SERIES_KEYS.filter((k) => SERIES[k].recorded === 'afterRun');

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
  let members = 0, present = 0, spoke30 = 0, spokeThisWeek = 0, spokeToday = 0, coreActive = 0;
  let lurkers = 0, dnd = 0, left = 0, removed = 0, engagementSum = 0;
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
    const daysSpoken = popcount7(mask);
    const spokeIn30 = a.lastSpoke[i] >= 0 && a.lastSpoke[i] >= d - 29;
    if (spokeIn30) spoke30++;
    if (mask) spokeThisWeek++;
    if (mask & 1) spokeToday++;
    if (daysSpoken >= 4) coreActive++;
    if (!spokeIn30 && d - a.joinDay[i] >= 7) lurkers++;
    if (a.dnd[i]) { dnd++; levels[4]++; }
    else if (daysSpoken >= 4) levels[0]++;
    else if (mask) levels[1]++;
    else if (spokeIn30) levels[2]++;
    else levels[3]++;
  }
  const teamMinutesToday = g.teamMinutes - g.teamMinutesBefore;
  g.teamMinutesBefore = g.teamMinutes;
  const cohort = (day: number) => ({ size: g.cohortSize[day], present: g.cohortPresent[day] });
  return {
    day: d, members, present, spoke30, spokeThisWeek, spokeToday, coreActive, lurkers, dnd, engagementSum, left, removed, levels,
    day0Cohort: cohort(0),
    cohort30DaysAgo: d >= 30 ? cohort(d - 30) : null,
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
  return { runIndex: g.runIndex, horizonDays: g.horizon, series: g.series, summary: summary as Summary };
}

function runLog(g: GroupState): RunLog {
  const a = g.members.a;
  const memberMessages: number[] = [];
  for (let i = 0; i < g.members.count; i++) if (!a.isTeam[i]) memberMessages.push(a.messagesTotal[i]);
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
    threadStarters,
    unrepliedStarters,
    invited: g.invitedTotal,
    joined: g.joinedTotal,
    teamMinutes: g.teamMinutes,
  };
}
