/**
 * The member model (docs/model.md §1–§7): one run is one WeChat group from its
 * creation to the horizon. Each day reads like the specification:
 *
 *   growth and admission (§5) → the morning roll call → the team's plan for
 *   the day (§3.1) → members' own messages (§3.2) → the day's events in time
 *   order: topics and their replies (§3.3), reply cascades (§3.4), message
 *   kinds (§3.5), questions and answers (§3.6), violations and the ladder
 *   (§3.7), promotions (§3.8) → DMs, engagement, do-not-disturb, leaving and
 *   win-back (§4) → the day's metrics (§7).
 *
 * Each mechanism lives in its own file as free functions over one GroupState.
 */
import { EventType } from '../events.ts';
import { PRESENT } from '../members.ts';
import type { RunResult } from '../metrics.ts';
import type { Scenario } from '../scenario.ts';
import { weekendOf } from './actions.ts';
import { sendDirectMessages } from './activation.ts';
import { admitNewcomers, foundGroup } from './admission.ts';
import { onReply } from './cascades.ts';
import { planTeamActions } from './content-plan.ts';
import { fadeDeterrence, onViolation } from './enforcement.ts';
import { feelAnnoyance, groupCostTonight, overloadOf, updateAttention, updateEngagement } from './engagement.ts';
import { onOrganicMessage, planMemberMessages } from './messages.ts';
import { onBurstMessage, onMarketerAd, onPromo, onRedPacket } from './promotions.ts';
import { onAutoAnswer, onMemberAnswer, onTeamAnswer, teamAnswersInstead } from './questions.ts';
import { recordDay, finishRun } from './record.ts';
import { decideLeaving, winBack } from './retention.ts';
import { rollCall } from './roll-call.ts';
import { onChainEntry, onChainStart, onTeamNotice, onTopic, onTopicReply } from './topics.ts';
import { GroupState, MINUTES_PER_DAY } from './state.ts';
import { ChatRecorder, type ChatLog, type ChatRole } from './chat.ts';

export function simulate(scenario: Scenario, runIndex: number): RunResult {
  return finishRun(runGroup(scenario, runIndex));
}

/** One run with its chat log (a replay): the same numbers as `simulate`, and who said what when. */
export function replay(scenario: Scenario, runIndex: number): { result: RunResult; chat: ChatLog } {
  const recorder = new ChatRecorder();
  const g = runGroup(scenario, runIndex, recorder);
  const a = g.members.a;
  const roles = Array.from({ length: g.members.count }, (_, i): ChatRole =>
    a.isTeam[i] ? 'team' : a.marketer[i] ? 'marketer' : a.archetype[i] === 0 ? 'core' : a.archetype[i] === 1 ? 'active' : 'ordinary');
  return { result: finishRun(g), chat: recorder.finish(g.horizon, roles) };
}

/** One run to the horizon, its final state kept (for inspection: who spoke, who left); `chat` records its log. */
export function runGroup(scenario: Scenario, runIndex: number, chat: ChatRecorder | null = null): GroupState {
  const g = new GroupState(scenario, runIndex);
  g.chat = chat;
  foundGroup(g);
  for (let d = 0; d < g.horizon; d++) {
    beginDay(g, d);
    admitNewcomers(g);
    rollCall(g);
    planTeamActions(g);
    planMemberMessages(g);
    runEvents(g, (d + 1) * MINUTES_PER_DAY);
    sendDirectMessages(g);
    overnight(g);
    winBack(g);
    fadeDeterrence(g);
    recordDay(g);
  }
  g.dayFirstMessage[g.horizon] = g.messages.count;
  return g;
}

/**
 * When things without a time of their own happen, for the chat log: admission
 * comes before the day's events (so a newcomer may speak at 00:30 of the day
 * they join), the night's changes late.
 */
const DAY_START_MINUTE = 0;
const NIGHT_MINUTE = 23 * 60 + 30;

function beginDay(g: GroupState, d: number): void {
  g.day = d;
  if (g.chat) g.chat.now = d * MINUTES_PER_DAY + DAY_START_MINUTE;
  g.weekend = weekendOf(g, d);
  g.dayFirstMessage[d] = g.messages.count;
  const today = g.today;
  today.messages = 0;
  today.unwanted = 0;
  today.valuable = 0;
  today.notices = 0;
  today.ruleCost = 0;
  today.leaveShock = 1;
}

/** Every present member's night: engagement, attention, then the leaving draw (MODEL §4). */
function overnight(g: GroupState): void {
  if (g.chat) g.chat.now = g.day * MINUTES_PER_DAY + NIGHT_MINUTE;
  const groupCost = groupCostTonight(g);
  const presence = g.members.a.presence;
  for (let k = 0; k < g.presentCount; k++) {
    const i = g.present[k];
    if (presence[i] !== PRESENT) continue;
    const overload = overloadOf(g, i);
    const annoyance = feelAnnoyance(g, i);
    updateEngagement(g, i, groupCost, overload, annoyance);
    updateAttention(g, i, overload, annoyance);
    decideLeaving(g, i, overload, annoyance);
  }
}

type Handler = (g: GroupState, author: number, ref: number, time: number) => void;

interface EventSpec {
  readonly handle: Handler;
  /** A member's own act: void if by then they are gone, muted or on probation. */
  readonly byMember: boolean;
  /** What happens instead when a member's act is void. */
  readonly ifVoid?: Handler;
}

/** What each event does, indexed by EventType. */
const EVENTS: Record<EventType, EventSpec> = {
  [EventType.Organic]: { handle: onOrganicMessage, byMember: true },
  [EventType.MarketerAd]: { handle: onMarketerAd, byMember: true },
  [EventType.Topic]: { handle: onTopic, byMember: false },
  [EventType.Promo]: { handle: onPromo, byMember: false },
  [EventType.TopicReply]: { handle: onTopicReply, byMember: true },
  [EventType.Reply]: { handle: onReply, byMember: true },
  [EventType.MemberAnswer]: { handle: onMemberAnswer, byMember: true, ifVoid: (g, _author, question, time) => teamAnswersInstead(g, question, time) },
  [EventType.TeamAnswer]: { handle: onTeamAnswer, byMember: false },
  [EventType.AutoAnswer]: { handle: onAutoAnswer, byMember: false },
  [EventType.ChainStart]: { handle: onChainStart, byMember: false },
  [EventType.ChainEntry]: { handle: onChainEntry, byMember: true },
  [EventType.TeamNotice]: { handle: onTeamNotice, byMember: false },
  [EventType.RedPacket]: { handle: onRedPacket, byMember: false },
  [EventType.Burst]: { handle: onBurstMessage, byMember: true },
  [EventType.Violation]: { handle: onViolation, byMember: true },
};
const EVENT_TABLE: readonly EventSpec[] = Object.values(EventType).map((type) => EVENTS[type]);

/** The day's events in time order, until `until` (absolute minutes). */
function runEvents(g: GroupState, until: number): void {
  const q = g.queue;
  const a = g.members.a;
  while (q.length && q.peekTime() < until) {
    const id = q.pop();
    const time = q.timeOf(id);
    const author = q.authorOf(id);
    const ref = q.refOf(id);
    const event = EVENT_TABLE[q.typeOf(id)];
    if (g.chat) g.chat.now = time;
    if (event.byMember && (a.presence[author] !== PRESENT || time < a.mutedUntil[author] || g.day < a.probationUntil[author])) {
      event.ifVoid?.(g, author, ref, time);
      continue;
    }
    event.handle(g, author, ref, time);
  }
}
