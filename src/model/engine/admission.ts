/**
 * Growth and admission (MODEL §5, PLAYBOOK §2–§3): the founding team, the day's
 * invitations by channel (batches and the anti-spam block, the QR code's
 * validity and 200 limit, the capacity), each candidate's traits, and the
 * filters a candidate must pass before joining.
 */
import { exp } from '../detmath.ts';
import { kumaraswamy, standardNormal } from '../rng.ts';
import { EventType } from '../events.ts';
import { LEFT, PRESENT } from '../members.ts';
import { capacityOf, clamp01, setPresence, work } from './actions.ts';
import { spellFactors } from './roll-call.ts';
import type { GroupState } from './state.ts';

/** The owner and admins are present from day 0; the announcement goes out that morning (§2). */
export function foundGroup(g: GroupState): void {
  const a = g.members.a;
  for (let k = 0; k < g.teamSize; k++) {
    const i = g.members.add();
    a.isTeam[i] = 1;
    a.presence[i] = LEFT; // not yet present: setPresence counts the join
    setPresence(g, i, PRESENT);
    g.chat?.system(i, 'joined');
    a.archetype[i] = 0;
    a.engagement[i] = 1;
    a.relevance[i] = 1;
    a.valuesFit[i] = 1;
    a.tolerance[i] = Infinity;
    a.profile[i] = 0;
    a.lastSpoke[i] = -1;
    a.joinDay[i] = 0;
    a.cohortDay[i] = 0;
  }
  if (g.scenario.content.announcement) {
    work(g, 'announcement');
    g.queue.push(g.params.announcementHour * 60, EventType.TeamNotice, 0, 0);
  }
}

/** Invitations and admission for today (MODEL §5). */
export function admitNewcomers(g: GroupState): void {
  const { growth, group, admission } = g.scenario;
  const d = g.day;
  const p = g.params;
  const todays = d === 0 ? growth.initialInvites : d <= growth.inviteDays ? growth.invitesPerDay : 0;
  if (d <= g.restrictedUntil) {
    g.heldInvites += todays; // the account is restricted: today's invitations wait
    return;
  }
  // today's invitations, and those an anti-spam block held back (sent again once it lifts)
  const reached = todays + g.heldInvites;
  g.heldInvites = 0;
  if (reached === 0) return;
  const enterprise = group.platform === 'enterprise';
  const cap = capacityOf(g);
  if (growth.channel === 'qr') {
    const qrValid = growth.qrRefreshDays > 0 || d < p.qrValidDays;
    if (!qrValid) return;
  }

  // Personal accounts invite by hand in batches; big batches risk the anti-spam block (§2).
  // Once blocked, the operator keeps to batches the system accepts.
  let allowed = reached;
  if (growth.channel === 'direct') {
    const batchSize = g.cautious ? Math.min(growth.batchSize, p.antiSpamBatchLimit) : growth.batchSize;
    const batches = Math.ceil(reached / batchSize);
    for (let b = 0; b < batches; b++) {
      const batch = Math.min(batchSize, reached - b * batchSize);
      work(g, 'inviteBatch');
      const excess = batch - p.antiSpamBatchLimit;
      if (!enterprise && excess > 0 && g.rng.growth() < Math.min(1, p.antiSpamRiskPerExtra * excess)) {
        // The block voids the rest of today's invitations and restricts the account tomorrow;
        // the operator sends them again after that, and some are lost (MODEL §5).
        allowed = b * batchSize;
        g.restrictedUntil = d + 1;
        g.cautious = true;
        g.heldInvites = Math.round((reached - allowed) * (1 - p.antiSpamLossShare));
        break;
      }
    }
  }
  g.invitedTotal += allowed;

  const screened = admission.questionnaire || admission.activityScreen || admission.valuesTest || admission.identityCheck;
  const acceptance = acceptanceChance(g);
  for (let c = 0; c < allowed; c++) {
    const qrClosed = growth.channel === 'qr' && g.groupSize >= p.qrMemberLimit;
    if (g.groupSize >= cap || qrClosed) break;
    const candidate = drawCandidate(g);
    if (candidate.accept >= acceptance) continue;
    if (screened) work(g, 'screening');
    if (admission.questionnaire && candidate.relevance < admission.relevanceCutoff) continue;
    if (admission.activityScreen && candidate.elsewhereWeekly <= p.activityScreenMinWeekly) continue;
    if (admission.valuesTest && candidate.valuesFit < p.valuesTestCutoff) continue;
    if (admission.identityCheck && candidate.marketer && candidate.identityBlock < p.identityMarketerBlock) continue;
    admit(g, candidate);
  }
}

/** P(accept) = base + gain · wording, less each filter's friction (MODEL §5). */
function acceptanceChance(g: GroupState): number {
  const { admission, growth } = g.scenario;
  const p = g.params;
  let acceptance = p.acceptBase + p.acceptWordingGain * growth.inviteWording;
  if (admission.questionnaire) acceptance *= p.frictionQuestionnaire;
  if (admission.identityCheck) acceptance *= p.frictionIdentity;
  if (admission.activityScreen) acceptance *= p.frictionOther;
  if (admission.valuesTest) acceptance *= p.frictionOther;
  if (admission.probationDays > 0) acceptance *= p.frictionOther;
  return acceptance;
}

type Candidate = ReturnType<typeof drawCandidate>;

/**
 * One candidate's traits (MODEL §2). Always the same number of draws from the
 * population stream, whatever the scenario, so that two scenarios with the
 * same seed see the same people (common random numbers, MODEL §9).
 */
function drawCandidate(g: GroupState) {
  const u = g.rng.population;
  const p = g.params;
  const { population, growth, group } = g.scenario;
  const mix = population.mix;
  const channel = growth.channel;
  const ua = listPosition(g, u());
  const archetype = ua < mix.core ? 0 : ua < mix.core + mix.active ? 1 : 2;
  const median = archetype === 0 ? p.rateMedianCore : archetype === 1 ? p.rateMedianActive : p.rateMedianOrdinary;
  // Traders trade: in a resource-matching group core and active members post far more.
  const positioningRate = group.positioning === 'resource_matching' ? (archetype < 2 ? p.rateFactorResource : p.rateFactorResourceOrdinary)
    : group.positioning === 'customer_service' ? p.rateFactorService : 1;
  const rate = median * positioningRate * exp(p.rateSigma * standardNormal(u));
  const [ra, rb] = channel === 'qr' ? [p.relevanceQrA, p.relevanceQrB]
    : channel === 'enterprise' ? [p.relevanceEnterpriseA, p.relevanceEnterpriseB] : [p.relevanceDirectA, p.relevanceDirectB];
  const relevance = kumaraswamy(u, ra, rb);
  const valuesFit = kumaraswamy(u, p.valuesFitA, p.valuesFitB);
  const responsive = u() < p.incentiveResponsiveShare;
  // Heavy posters read more before they feel overloaded (the traders of a busy group).
  const tolerance = p.toleranceMedian * exp(p.toleranceSigma * standardNormal(u)) * (1 + p.toleranceRateGain * rate);
  const up = u();
  const profile = up < p.profileEveningShare ? 0 : up < p.profileEveningShare + p.profileOfficeShare ? 1 : 2;
  const marketerShare = channel === 'qr' ? p.marketerShareQr : channel === 'enterprise' ? p.marketerShareEnterprise : p.marketerShareDirect;
  const marketer = u() < marketerShare;
  const startNoise = p.engagementStartNoise * standardNormal(u);
  const accept = u();
  const elsewhereWeekly = rate * p.elsewhereActivityScale * exp(p.elsewhereActivitySigma * standardNormal(u));
  const identityBlock = u();
  const tieKey = u();
  return { archetype, rate, relevance, valuesFit, responsive, tolerance, profile, marketer, startNoise, accept, elsewhereWeekly, identityBlock, tieKey };
}

/** The golden-ratio step of a Weyl sequence: any run of consecutive positions covers [0, 1) evenly. */
const WEYL_STEP = 0.6180339887498949;

/**
 * Where a candidate falls in the invited mix (MODEL §5). A public QR code or the
 * enterprise API brings whoever comes: the position is the candidate's own
 * uniform draw. An operator who invites people by name picks them to the mix
 * (the playbook's 10/20/70, §2): candidate k sits at start + k · φ⁻¹ (mod 1), a
 * low-discrepancy sequence, so any 40 invitations hold 4 core members ± 1, not
 * the binomial's 4 ± 2. The start is the first candidate's draw, and every
 * candidate still makes the draw: the number of draws never changes (MODEL §9).
 */
function listPosition(g: GroupState, draw: number): number {
  const k = g.candidatesDrawn++;
  if (g.scenario.growth.channel !== 'direct') return draw;
  if (k === 0) g.inviteListStart = draw;
  const x = g.inviteListStart + k * WEYL_STEP;
  return x - Math.floor(x);
}

/**
 * Rule-breaking is a trait (MODEL v3 §3.7): only a member whose values fit is
 * below the cutoff breaks the covenant, at a rate rising as the fit falls, so
 * the ladder finds the few who do it, not the members who post most.
 */
export function violationRateOf(p: GroupState['params'], valuesFit: number): number {
  return valuesFit < p.violatorFitCutoff ? p.violationsPerDay * (1 - valuesFit / p.violatorFitCutoff) : 0;
}

/** Starting engagement by archetype (MODEL §2). */
export function startEngagement(g: GroupState, archetype: number): number {
  const p = g.params;
  return archetype === 0 ? p.engagementStartCore : archetype === 1 ? p.engagementStartActive : p.engagementStartOrdinary;
}

function admit(g: GroupState, c: Candidate): void {
  const i = g.members.add();
  const a = g.members.a;
  const p = g.params;
  const d = g.day;
  a.archetype[i] = c.archetype;
  a.rate[i] = c.rate;
  a.relevance[i] = c.relevance;
  a.valuesFit[i] = c.valuesFit;
  a.responsive[i] = c.responsive ? 1 : 0;
  a.tolerance[i] = c.tolerance;
  a.profile[i] = c.profile;
  a.marketer[i] = c.marketer ? 1 : 0;
  a.tieKey[i] = c.tieKey;
  a.talkativeness[i] = c.rate / (c.rate + p.replyRateHalf);
  a.violationRate[i] = violationRateOf(p, c.valuesFit);
  // the spell a newcomer arrives in, from the activity stream (the population stream keeps its fixed draws)
  a.activeSpell[i] = g.rng.activity() < p.activeOnShare ? 1 : 0;
  const spell = spellFactors(p, c.rate);
  a.spellOn[i] = spell.on;
  a.spellOff[i] = spell.off;
  let e = startEngagement(g, c.archetype) + c.startNoise;
  if (g.scenario.content.announcement) e += p.announcementEngagement;
  if (g.scenario.founder === 'kol') e += p.kolFounderEngagement;
  a.engagement[i] = clamp01(e);
  a.baseline[i] = clamp01(p.baselineIntercept + p.baselineRelevance * c.relevance + p.baselineValues * c.valuesFit);
  a.joinDay[i] = d;
  a.cohortDay[i] = d;
  a.presence[i] = LEFT; // not yet present: setPresence counts the join
  setPresence(g, i, PRESENT);
  g.chat?.system(i, 'joined');
  a.probationUntil[i] = d + g.scenario.admission.probationDays;
  a.lastSpoke[i] = -1;
  a.lastDm[i] = -1_000_000;
  a.dmBoostUntil[i] = -1;
  a.leftDay[i] = -1;
  a.mutedUntil[i] = 0;
  a.firstMessageAt[i] = -1;
  g.joinedTotal++;
  g.series.joins[d]++;
  g.cohortSize[d]++;
}
