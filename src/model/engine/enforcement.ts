/**
 * Violations and the ladder (MODEL §3.7, PLAYBOOK §3–§4): how likely a message
 * breaks the covenant, whether the team notices (keyword monitoring helps on
 * enterprise accounts), warn → timed mute → removal on the n-th strike, and the
 * deterrence of an @all removal notice, which fades day by day.
 */
import { poisson } from '../rng.ts';
import { EventType } from '../events.ts';
import { drawMinute, keywordMonitored, post, work } from './actions.ts';
import { remove } from './retention.ts';
import { MINUTES_PER_DAY, type GroupState } from './state.ts';

/** The announcement and a recent @all notice make every offence less likely (MODEL §3.7). */
export function offenceDamping(g: GroupState): number {
  const announcement = g.scenario.content.announcement ? g.params.announcementViolationFactor : 1;
  return announcement * (1 - g.params.publicNoticeDeterrence * g.deterrence);
}

/** A violator's violations for the day, at minutes drawn by their rhythm; fewer once warned or deterred. */
export function planViolations(g: GroupState, i: number, rhythmRow: number, offenceDamping: number): void {
  const u = g.rng.activity;
  const a = g.members.a;
  const n = poisson(u, a.violationRate[i] * offenceDamping * (a.warned[i] ? g.params.warnedOffenceFactor : 1));
  for (let m = 0; m < n; m++) g.queue.push(g.day * MINUTES_PER_DAY + drawMinute(u, g.rhythms.hourCdf, rhythmRow * 24), EventType.Violation, i, 0);
}

export function onViolation(g: GroupState, author: number, _ref: number, time: number): void {
  post(g, author, 'violation', false, false, time);
  offence(g, author, time);
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
