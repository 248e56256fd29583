/**
 * The team's plan for the day (MODEL §3.1, PLAYBOOK §5): content posts in the
 * posting window by the content mix, the weekly theme day, the monthly party,
 * needs polls, a KOL founder's 干货, promotions and red packets, chains, the points
 * competition, and the notices and costs of scheduled rule changes.
 */
import { EventType } from '../events.ts';
import { WEEKDAYS } from '../scenario.ts';
import { dayOfWeek, teamAuthor, work } from './actions.ts';
import { MINUTES_PER_DAY, MONTH_DAYS, NEVER, TopicKind, type GroupState } from './state.ts';

/** Operator actions due today, placed in the posting window (MODEL §3.1). */
export function planTeamActions(g: GroupState): void {
  const s = g.scenario;
  const p = g.params;
  const d = g.day;
  const u = g.rng.topics;
  const dow = dayOfWeek(g, d);
  const week = Math.floor(d / 7);
  const dayInWeek = d % 7;
  const [from, to] = s.content.window;
  const inWindow = () => (from + u() * (to - from)) * 60 + d * MINUTES_PER_DAY;
  const anyTime = () => (p.anyTimeFromHour + u() * (p.anyTimeToHour - p.anyTimeFromHour)) * 60 + d * MINUTES_PER_DAY;

  for (let k = postsOnDay(s.content.postsPerWeek, week, dayInWeek); k > 0; k--) {
    const x = u();
    const mix = s.content.mix;
    const kind = x < mix.news ? TopicKind.news : x < mix.news + mix.tips ? TopicKind.tips : TopicKind.spotlight;
    scheduleTopic(g, kind, inWindow());
    work(g, 'contentPost');
  }
  if (s.content.themeDay !== 'none' && WEEKDAYS[dow] === s.content.themeDay) {
    scheduleTopic(g, TopicKind.themeDay, inWindow());
    work(g, 'topic');
  }
  if (s.content.monthlyEvent && d % MONTH_DAYS === p.monthlyEventDay) {
    scheduleTopic(g, TopicKind.event, from * 60 + d * MINUTES_PER_DAY);
    work(g, 'event');
  }
  const poll = s.content.needsPollEveryDays;
  if (poll > 0 && d > 0 && d % poll === 0) {
    scheduleTopic(g, TopicKind.poll, inWindow());
    work(g, 'poll');
    g.pollBoostUntil = d + p.pollBoostDays;
  }
  if (s.founder === 'kol') {
    for (let k = postsOnDay(p.kolFounderSharesPerWeek, week, dayInWeek); k > 0; k--) scheduleTopic(g, TopicKind.tips, anyTime());
  }
  for (let k = postsOnDay(s.content.promoPerWeek, week, dayInWeek); k > 0; k--) {
    g.queue.push(anyTime(), EventType.Promo, 0, 0);
    work(g, 'promo');
    if (s.content.promoHook !== 'none') work(g, 'redPacket');
  }
  for (let k = postsOnDay(s.content.redPacketsPerWeek, week, dayInWeek); k > 0; k--) {
    g.queue.push(inWindow(), EventType.RedPacket, 0, 0);
    work(g, 'redPacket');
  }
  if (s.incentives.chainRewards) {
    for (let k = postsOnDay(p.chainsPerWeek, week, dayInWeek); k > 0; k--) {
      g.queue.push(inWindow(), EventType.ChainStart, 0, 0);
      work(g, 'chain');
    }
  }
  if (s.incentives.teamCompetition && dayInWeek === 0) work(g, 'competitionWeek');
  for (const change of s.ruleChanges) {
    const noticeDay = change.day - change.noticeDays;
    if (change.noticeDays > 0 && noticeDay === d) {
      // A chain vote (接龙投票) on the notice day; otherwise a plain notice.
      g.queue.push(inWindow(), change.vote ? EventType.ChainStart : EventType.TeamNotice, 0, 0);
      work(g, 'topic');
    }
    if (change.day === d) {
      // §4: three days' notice and a chain vote make a change cheap; none makes it costly and some leave.
      const announced = change.noticeDays >= p.ruleChangeNoticeDays;
      const cost = announced && change.vote ? p.ruleChangeCostVote : announced || change.vote ? p.ruleChangeCostNotice : p.ruleChangeCostNone;
      g.today.ruleCost += cost;
      if (!announced && !change.vote) g.today.leaveShock *= p.ruleChangeLeaveShock;
    }
  }
}

function scheduleTopic(g: GroupState, kind: TopicKind, time: number): void {
  const topics = g.topics;
  const index = topics.time.length;
  const [from, to] = g.scenario.content.window;
  const hour = Math.floor(time / 60) % 24;
  topics.time.push(time);
  topics.kind.push(kind);
  topics.inWindow.push(hour >= from && hour < to);
  topics.firstReply.push(NEVER);
  g.queue.push(time, EventType.Topic, teamAuthor(g), index);
}

/** Posts on this day of the week so that each week carries `perWeek` (fractions accumulate across weeks). */
export function postsOnDay(perWeek: number, week: number, dayInWeek: number): number {
  if (perWeek <= 0) return 0;
  const thisWeek = Math.floor(perWeek * (week + 1) + 1e-9) - Math.floor(perWeek * week + 1e-9);
  // Spread the week's posts evenly: post j falls on day floor(j·7/n).
  let n = 0;
  for (let j = 0; j < thisWeek; j++) if (Math.floor((j * 7) / thisWeek) === dayInWeek) n++;
  return n;
}
