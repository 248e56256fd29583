/**
 * Operator topics and chains (MODEL §3.3, PLAYBOOK §5): a topic draws replies
 * from present members who are online and attentive, with probability
 * ρ₀ · appeal(kind, positioning) · relevance · engagement · online(h) ·
 * rate/(rate + rate½) (the evening window matters because more members are
 * online then; a member's own talkativeness keeps lurkers quiet); a spotlight
 * recognises one member, the monthly party everyone who joins in, and a needs
 * poll raises the appeal of the following weeks' topics. A chain (接龙) draws
 * one-line entries over the next hours.
 */
import { exponential } from '../rng.ts';
import { EventType } from '../events.ts';
import { PRESENT } from '../members.ts';
import { chatEffective, onlineChance, post } from './actions.ts';
import { spawnReplies } from './cascades.ts';
import { TopicKind, type GroupState } from './state.ts';
import { TEAM_POSTS } from './chat.ts';

/** An operator topic goes out and draws replies (MODEL §3.3). */
export function onTopic(g: GroupState, author: number, index: number, time: number): void {
  const a = g.members.a;
  const p = g.params;
  const kind = g.topics.kind[index];
  post(g, author, 'team', true, false, time);
  g.chat?.teamPost(TEAM_POSTS[kind], index);
  if (kind === TopicKind.news || kind === TopicKind.tips) {
    g.today.valuable++;
    g.series.valuablePosts[g.day]++;
  }
  const u = g.rng.topics;
  if (kind === TopicKind.spotlight && g.presentCount > 0) {
    const featured = g.present[Math.floor(u() * g.presentCount)];
    a.recognitionToday[featured] += p.recognitionLift;
  }
  const pollBoost = g.day <= g.pollBoostUntil && kind !== TopicKind.poll ? 1 + p.pollAppealBoost : 1;
  const base = p.topicReplyBase * g.tables.topicAppeal[kind] * pollBoost;
  for (let k = 0; k < g.presentCount; k++) {
    const i = g.present[k];
    if (a.presence[i] !== PRESENT || g.day < a.probationUntil[i] || time < a.mutedUntil[i]) continue;
    const chance = base * a.relevance[i] * a.engagement[i] * a.talkativeness[i] * onlineChance(g, i, time) * (a.dnd[i] ? p.dndReadFactor : 1);
    if (u() < chance) g.queue.push(time + exponential(u, p.topicReplyDelayMinutes), EventType.TopicReply, i, index);
  }
}

/** A member replies to a topic: the topic's first reply time, recognition at the party, and a cascade. */
export function onTopicReply(g: GroupState, i: number, index: number, time: number): void {
  const topics = g.topics;
  const delay = time - topics.time[index];
  if (delay < topics.firstReply[index]) topics.firstReply[index] = delay;
  if (topics.kind[index] === TopicKind.event) g.members.a.recognitionToday[i] += g.params.recognitionLift;
  const k = post(g, i, 'topicReply', chatEffective(g, i), false, time);
  g.chat?.replyToTopic(index);
  spawnReplies(g, k, i, time, 1);
}

/** A chain (接龙): members add one-line entries over the next hours (MODEL §4 chain rewards, §4 votes). */
export function onChainStart(g: GroupState, _author: number, _ref: number, time: number): void {
  const a = g.members.a;
  const p = g.params;
  const u = g.rng.chains;
  post(g, 0, 'team', true, false, time);
  g.chat?.teamPost('chain');
  for (let k = 0; k < g.presentCount; k++) {
    const i = g.present[k];
    if (a.presence[i] !== PRESENT || g.day < a.probationUntil[i]) continue;
    const chance = p.chainJoinBase * (p.chainJoinEngagementFloor + (1 - p.chainJoinEngagementFloor) * a.engagement[i]) * a.talkativeness[i] * (a.dnd[i] ? p.dndReadFactor : 1);
    if (u() < chance) g.queue.push(time + exponential(u, p.chainEntryDelayMinutes), EventType.ChainEntry, i, 0);
  }
}

/** A topic chain's entry is a member's own line on the topic: worth reading as often as their chat (MODEL v3 §3.5). */
export function onChainEntry(g: GroupState, author: number, _ref: number, time: number): void {
  post(g, author, 'chain', chatEffective(g, author), false, time);
}

/** The announcement or a rule-change notice. */
export function onTeamNotice(g: GroupState, author: number, _ref: number, time: number): void {
  post(g, author, 'team', true, false, time);
  g.chat?.teamPost('announcement');
}
