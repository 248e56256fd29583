/**
 * Reply cascades (MODEL §3.4): every message may draw Poisson(m · mood) replies
 * after Exp(τ) delays from members online at that minute, each reply may draw
 * replies of its own (a self-exciting, Hawkes-like process with m < 1), and
 * every reply credits its target and forms a tie.
 */
import { exponential, poisson } from '../rng.ts';
import { EventType } from '../events.ts';
import { chatEffective, credit, pickMember, post } from './actions.ts';
import type { GroupState } from './state.ts';

/** Self-exciting replies (MODEL §3.4): Poisson(m · mood · factor) replies after Exp(τ) delays. */
export function spawnReplies(g: GroupState, message: number, author: number, time: number, factor: number): void {
  const u = g.rng.cascade;
  const n = poisson(u, g.params.branchingRatio * g.mood * factor);
  for (let r = 0; r < n; r++) {
    const at = time + exponential(u, g.params.replyDelayMinutes);
    const responder = pickMember(g, u, at, author, false);
    if (responder >= 0) g.queue.push(at, EventType.Reply, responder, message);
  }
}

/** A reply in a cascade: credits its target and may draw replies of its own. */
export function onReply(g: GroupState, i: number, message: number, time: number): void {
  const k = post(g, i, 'reply', chatEffective(g, i), false, time);
  credit(g, message, i, time);
  spawnReplies(g, k, i, time, 1);
}
