/**
 * Ads (MODEL §3.5, §3.8, PLAYBOOK §5 over-marketing): the team's own
 * promotions, and marketer members' ads, which are offences the ladder may
 * catch. Both count in the day's ad share that members feel (engagement.ts).
 */
import { poisson } from '../rng.ts';
import { EventType } from '../events.ts';
import { drawMinute, post } from './actions.ts';
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
  post(g, author, 'ad', false, false);
  offence(g, author, time);
}

/** A team promotion (operator ad). */
export function onPromo(g: GroupState, author: number): void {
  post(g, author, 'promo', false, false);
}
