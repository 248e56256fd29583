/**
 * Questions and the first answer (MODEL §3.6, PLAYBOOK §1 customer service):
 * the fastest of keyword auto-reply (enterprise, a share of questions, < 1 min),
 * a team member on duty (off duty: from the next duty hour) and an online
 * member who knows. The first answer's minutes are recorded when the question
 * is asked; if the member due to answer is muted or gone by then, the team
 * answers instead and that time is recorded.
 */
import { exponential } from '../rng.ts';
import { log } from '../detmath.ts';
import { EventType } from '../events.ts';
import { credit, pickMember, post, teamAuthor, weekendOf, work } from './actions.ts';
import { spawnReplies } from './cascades.ts';
import { MINUTES_PER_DAY, type GroupState } from './state.ts';

/** The first answer to a question: fastest of auto-reply, team on duty, a member (MODEL §3.6). */
export function scheduleAnswer(g: GroupState, question: number, asker: number, time: number): void {
  const s = g.scenario;
  const u = g.rng.answers;
  const autoReply = s.automation.autoReply && s.group.platform === 'enterprise' && u() < s.automation.autoReplyCoverage
    ? u() * g.params.autoReplyMaxMinutes : Infinity;
  const team = teamAnswerDelay(g, time);
  let memberDelay = memberAnswerDelay(g, time);
  let answerer = -1;
  if (memberDelay < Math.min(autoReply, team)) {
    answerer = pickMember(g, u, time + memberDelay, asker, true);
    if (answerer < 0) memberDelay = Infinity;
  }
  const first = Math.min(autoReply, team, memberDelay);
  if (first === Infinity) return;
  const asked = g.questions;
  asked.firstAnswerMinutes.push(first);
  asked.day.push(g.day);
  asked.askedAt.push(time);
  if (first === autoReply) g.queue.push(time + first, EventType.AutoAnswer, 0, question);
  else if (first === team) g.queue.push(time + first, EventType.TeamAnswer, teamAuthor(g), question);
  else {
    asked.dueFromMember.set(question, asked.firstAnswerMinutes.length - 1);
    g.queue.push(time + first, EventType.MemberAnswer, answerer, question);
  }
}

/** The member due to answer was muted or gone: the team answers when it can, and that is the first answer. */
export function teamAnswersInstead(g: GroupState, question: number, time: number): void {
  const asked = g.questions;
  const record = asked.dueFromMember.get(question);
  if (record === undefined) return;
  asked.dueFromMember.delete(question);
  const at = time + teamAnswerDelay(g, time);
  asked.firstAnswerMinutes[record] = at - asked.askedAt[record];
  g.queue.push(at, EventType.TeamAnswer, teamAuthor(g, g.rng.answers), question);
}

/** Minutes until a team member answers: wait for the next duty hour, then Exp(mean replyMinutes). */
function teamAnswerDelay(g: GroupState, time: number): number {
  const [from, to] = g.scenario.team.dutyHours;
  const minuteOfDay = time % MINUTES_PER_DAY;
  const hour = Math.floor(minuteOfDay / 60);
  const wait = hour >= from && hour < to ? 0
    : hour < from ? from * 60 - minuteOfDay : MINUTES_PER_DAY - minuteOfDay + from * 60;
  return wait + exponential(g.rng.answers, g.scenario.team.replyMinutes);
}

/** Piecewise-exponential wait for a member answer, hour by hour, at the rate of who is online (one uniform). */
function memberAnswerDelay(g: GroupState, time: number): number {
  let budget = -log(1 - g.rng.answers());
  const rate = g.params.memberAnswerRate;
  const online = g.rhythms.online;
  const picker = g.answerPicker;
  const cap0 = picker.total(0);
  const cap1 = picker.total(1);
  const cap2 = picker.total(2);
  let t = time;
  for (let step = 0; step < g.params.memberAnswerHorizonHours; step++) {
    const hour = Math.floor(t / 60) % 24;
    const weekend = weekendOf(g, Math.floor(t / MINUTES_PER_DAY));
    const perMinute = rate * (cap0 * online[weekend * 24 + hour] + cap1 * online[(2 + weekend) * 24 + hour] + cap2 * online[(4 + weekend) * 24 + hour]);
    const hourEnd = (Math.floor(t / 60) + 1) * 60;
    const span = hourEnd - t;
    if (perMinute * span >= budget) return t + budget / perMinute - time;
    budget -= perMinute * span;
    t = hourEnd;
  }
  return Infinity;
}

export function onMemberAnswer(g: GroupState, author: number, question: number, time: number): void {
  g.questions.dueFromMember.delete(question);
  const k = post(g, author, 'answer', true, false, time);
  credit(g, question, author, time);
  spawnReplies(g, k, author, time, 1);
}

export function onTeamAnswer(g: GroupState, author: number, question: number, time: number): void {
  post(g, author, 'answer', true, false, time);
  credit(g, question, author, time);
  work(g, 'answer');
}

/** Keyword auto-reply answers in the owner's name. */
export function onAutoAnswer(g: GroupState, _author: number, question: number, time: number): void {
  post(g, 0, 'answer', true, false, time);
  credit(g, question, 0, time);
}
