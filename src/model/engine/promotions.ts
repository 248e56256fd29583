/**
 * Ads, red packets and giveaways (MODEL §3.5, §3.8; PLAYBOOK §5 over-marketing,
 * 活跃度虚高): the team's promotions, and marketer members' ads, which are
 * offences the ladder may catch. Both count in the day's ad share as they are
 * posted (engagement.ts). A promotion may carry a hook — a red packet (红包)
 * or a giveaway (抽奖/福利) — and the team may send plain red packets: either
 * draws a burst of low-value messages ("1", thanks, grab notices) from online
 * members within minutes, which count as messages and as speaking, are never
 * effective, and give a short posting blip. Marketers answer promotions with
 * ads of their own (copycats).
 */
import { exponential, poisson } from '../rng.ts';
import { EventType } from '../events.ts';
import { PRESENT } from '../members.ts';
import { drawMinute, onlineChance, post } from './actions.ts';
import { offence } from './enforcement.ts';
import { MINUTES_PER_DAY, type GroupState } from './state.ts';

/** A marketer's ads for the day, at minutes drawn by their rhythm; fewer once warned or deterred. */
export function planMarketerAds(g: GroupState, i: number, rhythmRow: number, offenceDamping: number): void {
  const u = g.rng.activity;
  const p = g.params;
  const warned = g.members.a.warned[i] ? p.warnedOffenceFactor : 1;
  const ads = poisson(u, p.marketerAdsPerDay * offenceDamping * warned);
  for (let m = 0; m < ads; m++) g.queue.push(g.day * MINUTES_PER_DAY + drawMinute(u, g.rhythms.hourCdf, rhythmRow * 24), EventType.MarketerAd, i, 0);
}

export function onMarketerAd(g: GroupState, author: number, _ref: number, time: number): void {
  post(g, author, 'ad', false, false, time);
  offence(g, author, time);
}

/** A team promotion (an operator ad), with its hook if it carries one; marketers copy it. */
export function onPromo(g: GroupState, author: number, _ref: number, time: number): void {
  post(g, author, 'promo', false, false, time);
  const hook = g.scenario.content.promoHook;
  if (hook !== 'none') {
    g.series.redPackets[g.day]++;
    burst(g, time, hook === 'redPacket' ? g.params.hookStrengthRedPacket : g.params.hookStrengthGiveaway);
  }
  copycatAds(g, time);
}

/** A plain red packet to warm the group: the same burst, no ad. */
export function onRedPacket(g: GroupState, author: number, _ref: number, time: number): void {
  post(g, author, 'redPacket', false, false, time);
  g.series.redPackets[g.day]++;
  burst(g, time, g.params.hookStrengthRedPacket);
}

/**
 * Who answers a hook: each present member who can speak, with chance
 * strength · online(h) · attention · talkativeness, a few minutes later.
 */
function burst(g: GroupState, time: number, strength: number): void {
  const a = g.members.a;
  const p = g.params;
  const u = g.rng.hooks;
  for (let k = 0; k < g.presentCount; k++) {
    const i = g.present[k];
    if (a.presence[i] !== PRESENT || g.day < a.probationUntil[i] || time < a.mutedUntil[i]) continue;
    const attention = a.dnd[i] ? p.dndReadFactor : 1;
    const chance = strength * onlineChance(g, i, time) * attention * a.talkativeness[i];
    if (u() < chance) g.queue.push(time + exponential(u, p.hookReplyMinutes), EventType.Burst, i, 0);
  }
}

/** A member's "1", thanks or grab notice: speaking, never effective, and a short blip in their posting. */
export function onBurstMessage(g: GroupState, author: number, _ref: number, time: number): void {
  post(g, author, 'burst', false, false, time);
  g.members.a.hookBoost[author] += g.params.hookBoostLift;
}

/** Marketers seize a promotion to post ads of their own. */
function copycatAds(g: GroupState, time: number): void {
  const a = g.members.a;
  const p = g.params;
  const u = g.rng.hooks;
  for (let k = 0; k < g.presentCount; k++) {
    const i = g.present[k];
    if (!a.marketer[i] || a.presence[i] !== PRESENT || g.day < a.probationUntil[i]) continue;
    if (u() < p.copycatAdChance) g.queue.push(time + exponential(u, p.hookReplyMinutes), EventType.MarketerAd, i, 0);
  }
}
