/**
 * Violations and the ladder (MODEL §3.7, PLAYBOOK §3–§4): how likely a message
 * breaks the covenant, whether the team notices (keyword monitoring helps on
 * enterprise accounts), warn → timed mute → removal on the n-th strike, and the
 * deterrence of an @all removal notice, which fades day by day.
 */
import { keywordMonitored, work } from './actions.ts';
import { remove } from './retention.ts';
import type { GroupState } from './state.ts';

/** The announcement and a recent @all notice make every offence less likely (MODEL §3.7). */
export function offenceDamping(g: GroupState): number {
  const announcement = g.scenario.content.announcement ? g.params.announcementViolationFactor : 1;
  return announcement * (1 - g.params.publicNoticeDeterrence * g.deterrence);
}

/** The chance a member's message breaks the covenant: ∝ 1 − values fit, less after a warning. */
export function offenceChance(g: GroupState, i: number): number {
  const a = g.members.a;
  const p = g.params;
  return p.violationBase * (1 - a.valuesFit[i]) * offenceDamping(g) * (a.warned[i] ? p.warnedOffenceFactor : 1);
}

/** A violation or an ad: warn → timed mute → removal on the n-th strike, if the team notices. */
export function offence(g: GroupState, i: number, time: number): void {
  const { penalties } = g.scenario;
  const a = g.members.a;
  if (!penalties.enabled) return;
  const detection = keywordMonitored(g) ? 1 - (1 - penalties.detection) * (1 - g.params.keywordMonitoringDetection) : penalties.detection;
  if (g.rng.enforcement() >= detection) return;
  work(g, 'enforcement');
  a.strikes[i]++;
  a.penalisedToday[i] = 1;
  if (a.strikes[i] >= penalties.strikesToRemove) {
    remove(g, i);
    if (penalties.publicNotice) {
      g.deterrence = 1;
      g.today.notices++;
    }
  } else if (a.strikes[i] === 1) {
    a.warned[i] = 1;
    g.chat?.system(i, 'warned', time);
  } else {
    a.mutedUntil[i] = time + penalties.muteHours * 60;
    g.chat?.system(i, 'muted', time);
  }
}

/** Deterrence fades overnight. */
export function fadeDeterrence(g: GroupState): void {
  g.deterrence *= g.params.deterrenceDecayPerDay;
}
