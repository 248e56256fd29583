/**
 * Calibrate the model to an imported group (issue 19): a seeded local search
 * over the population and rhythm parameters — the archetype posting rates,
 * the rhythm-profile mix, and (with a roster) the leaving hazard — that runs
 * the real simulation (engine/run.ts `replay`, the engine behind ensemble.ts)
 * and measures each simulated run's chat exactly as the export was measured
 * (measure.ts over simulated-chat.ts), so the fit compares like with like.
 *
 * Every trial uses the same run indices (common random numbers, MODEL §9), so
 * the loss is a deterministic, smooth-ish function of the parameters and the
 * same import gives the same fit. Method and tolerance: docs/import.md.
 */
import seedrandom from 'seedrandom';
import { replay } from '../engine/run.ts';
import { PARAMETERS, resolveParameters, type ParameterKey } from '../parameters.ts';
import type { Positioning } from '../playbook.ts';
import { defaultScenario, parseScenario, SCHEMA_VERSION, WEEKDAYS, type Scenario } from '../scenario.ts';
import { measureChat, type ChatMeasures, type MeasureKey } from './measure.ts';
import { simulatedChatTable } from './simulated-chat.ts';
import { MINUTES_PER_DAY, weekdayOf } from './time.ts';

/** The parameters fitted: what a chat log can tell apart. */
export const FITTED_PARAMETERS = ['rateMedianCore', 'rateMedianActive', 'rateMedianOrdinary', 'profileEveningShare', 'profileOfficeShare', 'leaveHazardBase'] as const satisfies readonly ParameterKey[];
export type FittedParameter = (typeof FITTED_PARAMETERS)[number];
/** Fitted only when a roster tells who left (authors missing from it). */
const NEEDS_ROSTER: readonly FittedParameter[] = ['leaveHazardBase'];
const SHARE_PARAMETERS: readonly FittedParameter[] = ['profileEveningShare', 'profileOfficeShare'];

/**
 * The metrics the loss reads, and how a miss is scaled: shares by an absolute
 * miss of `scale`, counts by their log ratio over ln(1 + scale).
 */
const TARGETS: readonly { key: MeasureKey; kind: 'share' | 'count'; scale: number; roster?: boolean }[] = [
  { key: 'dailyMessages', kind: 'count', scale: 0.15 },
  { key: 'messagesPerPoster', kind: 'count', scale: 0.2 },
  { key: 'top10ShareOfPosters', kind: 'share', scale: 0.05 },
  { key: 'eveningShare', kind: 'share', scale: 0.05 },
  { key: 'officeShare', kind: 'share', scale: 0.05 },
  { key: 'speakingRate30d', kind: 'share', scale: 0.05, roster: true },
  { key: 'weeklyParticipation', kind: 'share', scale: 0.05, roster: true },
  { key: 'top10MessageShare', kind: 'share', scale: 0.05, roster: true },
  { key: 'top30MessageShare', kind: 'share', scale: 0.05, roster: true },
  { key: 'leftShare', kind: 'share', scale: 0.05, roster: true },
];

export interface FitOptions {
  readonly positioning?: Positioning;
  /** Simulated runs per trial (same run indices every trial). */
  readonly runs?: number;
  /** Search steps after the initial scaling. */
  readonly steps?: number;
  /** Seed of the search's own moves and of the simulated runs. */
  readonly seed?: number;
  readonly onProgress?: (fraction: number) => void;
}

export interface FitRow {
  readonly key: MeasureKey;
  readonly measured: number | null;
  readonly fitted: number | null;
  readonly atDefaults: number | null;
  readonly used: boolean;
}

export interface FitResult {
  readonly parameters: Partial<Record<FittedParameter, number>>;
  readonly loss: number;
  readonly lossAtDefaults: number;
  readonly rows: readonly FitRow[];
  readonly scenario: Scenario;
  readonly runs: number;
  readonly steps: number;
}

/** The scenario a fit runs: the export's span and size, the lab's defaults for what a log cannot show. */
export function scenarioFor(measured: ChatMeasures, positioning: Positioning, parameters: Partial<Record<ParameterKey, number>>, seed: number, runs = 200): Scenario {
  const base = defaultScenario();
  const team = 1 + base.team.admins;
  const p = resolveParameters(parameters);
  const acceptance = Math.min(1, p.acceptBase + p.acceptWordingGain * base.growth.inviteWording);
  const members = measured.values.members ?? 0;
  // members at the end are those who joined less those who left: authors missing from the roster tell how many left
  const joined = members / (1 - Math.min(0.9, measured.values.leftShare ?? 0));
  const invites = Math.max(1, Math.min(2000, Math.round(Math.max(0, joined - team) / acceptance)));
  const draft = {
    schemaVersion: SCHEMA_VERSION,
    name: 'Imported group (calibrated)',
    description: `Calibrated to an imported chat export: ${members} members, ${measured.days} days, ${measured.messages} messages. Operations not visible in a log (content plan, incentives, rules) keep the lab's defaults.`,
    zh: { name: '导入的群（已校准）', description: `按导入的聊天记录校准：${members} 名成员，${measured.days} 天，${measured.messages} 条消息。聊天记录看不出的运营设置（内容计划、激励、规则）采用默认值。` },
    seed, runs,
    horizonDays: Math.max(1, Math.min(365, measured.days)),
    startWeekday: WEEKDAYS[weekdayOf(measured.firstDay * MINUTES_PER_DAY)],
    group: { positioning, platform: 'personal', capacity: Math.min(500, Math.max(team + invites, 5)) },
    growth: { initialInvites: invites },
    parameters: Object.fromEntries(Object.entries(parameters).map(([k, v]) => [k, Number((v as number).toPrecision(4))])),
  };
  const parsed = parseScenario(draft);
  if (!parsed.ok) throw new Error(`calibrated scenario does not validate: ${parsed.problems.map((x) => `${x.path}: ${x.en}`).join('; ')}`);
  return parsed.scenario;
}

/** Mean of each metric over `runs` simulated runs of the scenario, measured like the export. */
export function simulatedMeasures(scenario: Scenario, runs: number, like: { firstDay: number; hasRoster: boolean; hasReplyLinks: boolean }): Record<MeasureKey, number | null> {
  return simulate(scenario, runs, like).values;
}

/** The runs' mean metrics and mean hourly profile (speaking messages by hour). */
function simulate(scenario: Scenario, runs: number, like: { firstDay: number; hasRoster: boolean; hasReplyLinks: boolean }): { values: Record<MeasureKey, number | null>; hourly: number[] } {
  const sums = new Map<MeasureKey, { sum: number; n: number }>();
  const hourly = new Array<number>(24).fill(0);
  let profiled = 0;
  for (let r = 0; r < runs; r++) {
    const { chat } = replay(scenario, r);
    const table = simulatedChatTable(chat, scenario.group.positioning, like.firstDay, like.hasRoster, like.hasReplyLinks);
    const measured = measureChat(table, scenario.group.positioning);
    for (const [key, value] of Object.entries(measured.values) as [MeasureKey, number | null][]) {
      if (value === null) continue;
      const s = sums.get(key) ?? { sum: 0, n: 0 };
      s.sum += value;
      s.n++;
      sums.set(key, s);
    }
    if (measured.hourlyProfile.every(Number.isFinite)) {
      measured.hourlyProfile.forEach((v, h) => { hourly[h] += v; });
      profiled++;
    }
  }
  return {
    values: Object.fromEntries([...sums].map(([k, s]) => [k, s.sum / s.n])) as Record<MeasureKey, number | null>,
    hourly: hourly.map((v) => (profiled ? v / profiled : NaN)),
  };
}

/**
 * The rhythm mix that best reproduces the export's hourly profile: the
 * group is simulated once with every member of each rhythm (evening, office,
 * night), and since a group's hourly profile is close to the mix of its
 * members' rhythms, the shares are the mix of those three profiles nearest
 * (least squares, on a 1 % grid of the simplex) to the export's.
 */
function rhythmMix(real: readonly number[], pure: readonly (readonly number[])[]): { evening: number; office: number } {
  let best = { evening: 0, office: 0, error: Infinity };
  for (let e = 0; e <= 100; e++) {
    for (let o = 0; e + o <= 100; o++) {
      const [we, wo] = [e / 100, o / 100];
      let error = 0;
      for (let h = 0; h < 24; h++) {
        const d = we * pure[0][h] + wo * pure[1][h] + (1 - we - wo) * pure[2][h] - real[h];
        error += d * d;
      }
      if (error < best.error) best = { evening: we, office: wo, error };
    }
  }
  return best;
}

function lossOf(measured: ChatMeasures, simulated: Record<MeasureKey, number | null>): number {
  let loss = 0;
  for (const t of TARGETS) {
    if (t.roster && !measured.hasRoster) continue;
    const real = measured.values[t.key];
    if (real === null) continue;
    const sim = simulated[t.key];
    if (sim === null || sim === undefined) { loss += 25; continue; }
    const miss = t.kind === 'share' ? (sim - real) / t.scale : Math.log((sim + 0.01) / (real + 0.01)) / Math.log(1 + t.scale);
    loss += miss * miss;
  }
  return loss;
}

export function fitToChat(measured: ChatMeasures, hasReplyLinks: boolean, options: FitOptions = {}): FitResult {
  const positioning = options.positioning ?? 'knowledge_sharing';
  const runs = options.runs ?? 8;
  const steps = options.steps ?? 60;
  const seed = options.seed ?? 1;
  const like = { firstDay: measured.firstDay, hasRoster: measured.hasRoster, hasReplyLinks };
  const fitted = FITTED_PARAMETERS.filter((k) => measured.hasRoster || !NEEDS_ROSTER.includes(k));
  const evaluate = (set: Partial<Record<ParameterKey, number>>) => {
    const { values: simulated, hourly } = simulate(scenarioFor(measured, positioning, set, seed, runs), runs, like);
    return { simulated, hourly, loss: lossOf(measured, simulated) };
  };
  const total = steps + 8;
  let done = 0;
  const tick = () => options.onProgress?.(++done / total);

  const defaults = evaluate({});
  tick();
  let best: Partial<Record<ParameterKey, number>> = {};
  let current = defaults;
  /** Scale every rate together until the volume is right (twice: the response is not linear). */
  const scaleRates = (from: Partial<Record<ParameterKey, number>>, at: ReturnType<typeof evaluate>) => {
    let set = from;
    let result = at;
    for (let k = 0; k < 2; k++) {
      const real = measured.values.dailyMessages ?? 0;
      const sim = result.simulated.dailyMessages ?? 0;
      if (real > 0 && sim > 0) {
        const factor = Math.min(20, Math.max(0.05, real / sim));
        const scaled = { ...set };
        for (const key of ['rateMedianCore', 'rateMedianActive', 'rateMedianOrdinary'] as const) scaled[key] = clampTo(key, (set[key] ?? PARAMETERS[key].default) * factor);
        const trial = evaluate(scaled);
        if (trial.loss < result.loss) { set = scaled; result = trial; }
      }
      tick();
    }
    return { set, result };
  };
  ({ set: best, result: current } = scaleRates(best, current));
  // the rhythm mix from the hourly profile: simulate the group with every member on one rhythm
  // (evening, office, night); a group's profile is close to the mix of its members' rhythms
  if (measured.hourlyProfile.every(Number.isFinite)) {
    const pure = ([[1, 0], [0, 1], [0, 0]] as const).map(([evening, office]) => {
      const profile = evaluate({ ...best, profileEveningShare: evening, profileOfficeShare: office }).hourly;
      tick();
      return profile;
    });
    if (pure.every((profile) => profile.every(Number.isFinite))) {
      const mix = rhythmMix(measured.hourlyProfile, pure);
      const mixed = { ...best, profileEveningShare: mix.evening, profileOfficeShare: mix.office };
      const rescaled = scaleRates(mixed, evaluate(mixed));
      if (rescaled.result.loss < current.loss) ({ set: best, result: current } = rescaled);
    }
  }
  const random = seedrandom.alea(`import-fit:${seed}`);
  for (let step = 0; step < steps; step++) {
    const trialSet = { ...best };
    const changes = 1 + Math.floor(random() * 2);
    for (let c = 0; c < changes; c++) {
      const key = fitted[Math.floor(random() * fitted.length)];
      const value = trialSet[key] ?? PARAMETERS[key].default;
      trialSet[key] = SHARE_PARAMETERS.includes(key)
        ? clampTo(key, value + (random() * 2 - 1) * 0.15)
        : clampTo(key, value * Math.exp((random() * 2 - 1) * 0.4));
    }
    const evening = trialSet.profileEveningShare ?? PARAMETERS.profileEveningShare.default;
    const office = trialSet.profileOfficeShare ?? PARAMETERS.profileOfficeShare.default;
    if (evening + office > 1) { tick(); continue; } // the night-owl share would be negative
    const trial = evaluate(trialSet);
    if (trial.loss < current.loss) { best = trialSet; current = trial; }
    tick();
  }
  const rows = TARGETS.map((t): FitRow => ({
    key: t.key, measured: measured.values[t.key], fitted: current.simulated[t.key] ?? null, atDefaults: defaults.simulated[t.key] ?? null,
    used: !(t.roster && !measured.hasRoster) && measured.values[t.key] !== null,
  }));
  const parameters = Object.fromEntries(fitted.map((k) => [k, Number((best[k] ?? PARAMETERS[k].default).toPrecision(4))])) as Partial<Record<FittedParameter, number>>;
  return { parameters, loss: current.loss, lossAtDefaults: defaults.loss, rows, scenario: scenarioFor(measured, positioning, parameters, seed), runs, steps };
}

function clampTo(key: ParameterKey, value: number): number {
  const spec = PARAMETERS[key];
  return Number(Math.min(spec.max, Math.max(spec.min, value)).toPrecision(4));
}
