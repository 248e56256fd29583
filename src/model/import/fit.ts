/**
 * Calibrate the model to an imported group (issue 19), so that the lab, once
 * it opens the saved scenario, shows the group the export showed.
 *
 * The lab reports a run's figures at its horizon (metrics.ts SUMMARY: daily
 * messages and weekly participation over the last 7 days, core actives over
 * the last 14). So the fit simulates a group for the export's last days (at
 * most FIT_HORIZON_MAX_DAYS, the saved scenario's horizon) and matches the
 * lab's own figures of each simulated run to the export's figures over the
 * same windows. What the lab does not report (shape of the posting, rhythm,
 * who left) is matched on the simulated run's chat measured exactly as the
 * export was (measure.ts over simulated-chat.ts).
 *
 * The search is seeded and uses the same run indices in every trial (common
 * random numbers, MODEL §9), so the same import gives the same fit. It runs
 * as a generator that yields after every simulated run: the worker drives it
 * a slice at a time and can stop it between runs (import.worker.ts). Method,
 * tolerances and measured figures: docs/import.md.
 */
import seedrandom from 'seedrandom';
import { replay } from '../engine/run.ts';
import { PARAMETERS, resolveParameters, type ParameterKey } from '../parameters.ts';
import type { Positioning } from '../playbook.ts';
import { serialiseScenario } from '../files.ts';
import { defaultScenario, parseScenario, SCHEMA_VERSION, WEEKDAYS, type Scenario } from '../scenario.ts';
import { quantileSorted } from '../stats.ts';
import { lastDays, MEASURE_INFO, measureChat, type ChatMeasures, type ChatTable, type MeasureKey } from './measure.ts';
import { simulatedChatTable } from './simulated-chat.ts';
import { MINUTES_PER_DAY, weekdayOf } from './time.ts';

/** The parameters fitted: what a chat log can tell apart. */
export const FITTED_PARAMETERS = ['rateMedianCore', 'rateMedianActive', 'rateMedianOrdinary', 'rateSigma', 'profileEveningShare', 'profileOfficeShare', 'leaveHazardBase'] as const satisfies readonly ParameterKey[];
export type FittedParameter = (typeof FITTED_PARAMETERS)[number];
/**
 * Fitted only with a roster: who left (authors missing from it), and the
 * spread of posting rates, which sets how many members never speak (silent
 * members are in the roster only).
 */
const NEEDS_ROSTER: readonly FittedParameter[] = ['leaveHazardBase', 'rateSigma'];
/**
 * The rate spreads tried by the silent-members stage (lognormal σ; the
 * default 0.357 makes members of one archetype much alike, so either all
 * ordinary members speak in a month or none does; σ 1.2–1.8 gives a group
 * where a third never speak while the others post every week).
 */
const SIGMA_GRID = [0.357, 1, 1.6] as const;
/** Trials of the ordinary rate's bisection on the speaking rate, per spread. */
const SILENT_STEPS = 6;
const SHARE_PARAMETERS: readonly FittedParameter[] = ['profileEveningShare', 'profileOfficeShare'];
const RATES = ['rateMedianCore', 'rateMedianActive', 'rateMedianOrdinary'] as const;

/**
 * The longest stretch simulated: the export's last 60 days at most. Time per
 * run grows with the horizon (a 180-day run of a 300-member group took 3.5 s,
 * a 60-day one 0.8 s), while every figure the lab reports reads the last 30
 * days or fewer; 60 days also lets the simulated group settle after its
 * creation (engagement drifts to its baseline within weeks, MODEL §4).
 */
export const FIT_HORIZON_MAX_DAYS = 60;
/**
 * The figures compared read the last 30 days or fewer, on both sides: the
 * lab's reads at the horizon (7, 14, 30 days) and the chat measures
 * (posting shape, rhythm, who left) over the last 30 days, so the simulated
 * group's first weeks after its creation are a warm-up, not compared.
 */
export const COMPARED_DAYS = 30;
/** Runs per trial in the early stages (volume, rhythm, first search): enough to steer, a quarter of the cost. */
const QUICK_RUNS = 2;
/** The verdict's runs, at least: a median over 8 runs of a group near critical mass can sit 10 points from the lab's over 200. */
const VERDICT_RUNS = 24;
/** Trials of the volume bisection again at the verdict's runs, when daily messages are off there. */
const RECHECK_STEPS = 4;
/** Trials of the volume bisection. */
const VOLUME_STEPS = 6;
/** A search stage stops after this many steps without a better fit. */
const PATIENCE = 8;

/**
 * How close the lab's figure must come to the export's to count as
 * reproduced: a share within `points` (absolute), a count within a factor
 * `ratio` or `count` apart, whichever is looser. Wide enough for one
 * export's chance (a group's week varies run to run, docs/import.md).
 */
export interface Tolerance { readonly points?: number; readonly ratio?: number; readonly count?: number }

/**
 * What the fit matches. `lab`: the lab's own summary of a simulated run (what
 * it shows once the scenario is opened); `chat`: the run's chat measured like
 * the export. A miss in the loss is scaled by `scale`: shares by their
 * absolute miss, counts by their log ratio over ln(1 + scale). The lab's
 * figures weigh more (smaller scales): they are what the user checks.
 */
const TARGETS: readonly { key: MeasureKey; from: 'lab' | 'chat'; kind: 'share' | 'count'; scale: number; tolerance: Tolerance; roster?: boolean }[] = [
  { key: 'dailyMessages', from: 'lab', kind: 'count', scale: 0.1, tolerance: { ratio: 1.25 } },
  { key: 'weeklyParticipation', from: 'lab', kind: 'share', scale: 0.03, tolerance: { points: 0.08 }, roster: true },
  { key: 'coreActiveUsers', from: 'lab', kind: 'count', scale: 0.15, tolerance: { ratio: 1.3, count: 2 } },
  { key: 'speakingRate30d', from: 'lab', kind: 'share', scale: 0.03, tolerance: { points: 0.08 }, roster: true },
  { key: 'lurkerShare', from: 'lab', kind: 'share', scale: 0.03, tolerance: { points: 0.08 }, roster: true },
  { key: 'firstAnswerMinutesMedian', from: 'lab', kind: 'count', scale: 0.3, tolerance: { ratio: 1.5, count: 2 } },
  { key: 'messagesPerPoster', from: 'chat', kind: 'count', scale: 0.3, tolerance: { ratio: 1.3 } },
  { key: 'top10ShareOfPosters', from: 'chat', kind: 'share', scale: 0.08, tolerance: { points: 0.08 } },
  { key: 'eveningShare', from: 'chat', kind: 'share', scale: 0.08, tolerance: { points: 0.08 } },
  { key: 'officeShare', from: 'chat', kind: 'share', scale: 0.08, tolerance: { points: 0.08 } },
  { key: 'top10MessageShare', from: 'chat', kind: 'share', scale: 0.08, tolerance: { points: 0.08 }, roster: true },
  { key: 'top30MessageShare', from: 'chat', kind: 'share', scale: 0.08, tolerance: { points: 0.08 }, roster: true },
  { key: 'leftShare', from: 'chat', kind: 'share', scale: 0.08, tolerance: { points: 0.08 }, roster: true },
];
export const FIT_TOLERANCES = Object.fromEntries(TARGETS.map((t) => [t.key, t.tolerance])) as Partial<Record<MeasureKey, Tolerance>>;

/**
 * Why a metric was not fitted. needsRoster: without a member list the
 * export's members are its authors while the lab counts silent members too;
 * spanTooShort: the export is shorter than the metric's window; noQuestions:
 * no message ends in a question mark; modelNoAnswers: no simulated question
 * was answered; estimateOnly: the effective ratio is an estimate a log cannot
 * pin (docs/import.md), so the lab's own is not compared with it.
 */
export type NotFittedReason = 'needsRoster' | 'spanTooShort' | 'noQuestions' | 'modelNoAnswers' | 'noData' | 'estimateOnly';
export type Verdict =
  | { readonly status: 'within' | 'off'; readonly ratio: number | null; readonly points: number | null }
  | { readonly status: 'notFitted'; readonly reason: NotFittedReason };

export type FitStatus = 'within' | 'partial' | 'poor';
/**
 * A next step for a partial or poor fit. roster: no member list, so the
 * silent members and the shares over all members are not fitted; moreRuns:
 * the group sits near critical mass (the quietest tenth of the fitted runs
 * has under half the export's daily messages), so few runs judge it
 * unevenly; answerTime: the first-answer time is off, and a log does not
 * mark the team's answers.
 */
export type NextStep =
  | { readonly kind: 'roster' }
  | { readonly kind: 'moreRuns'; readonly p10: number; readonly measured: number }
  | { readonly kind: 'answerTime'; readonly replyMinutes: number };

export interface FitRow {
  readonly key: MeasureKey;
  /** The export over the fit's window (its last `horizonDays` days). */
  readonly measured: number | null;
  /** The fitted model: median over the verdict's runs (24 at least) of the lab's figure (or of the measured chat). */
  readonly fitted: number | null;
  readonly atDefaults: number | null;
  /** p10–p90 of the fitted model over the verdict's runs (the lab shows the same band over its runs). */
  readonly band: readonly [number, number] | null;
  readonly from: 'lab' | 'chat';
  readonly tolerance: Tolerance | null;
  readonly verdict: Verdict;
}

export interface FitResult {
  readonly parameters: Partial<Record<FittedParameter, number>>;
  /** The team's mean minutes to answer (scenario team.replyMinutes), fitted to the first-answer time when the export has questions. */
  readonly replyMinutes: number;
  readonly loss: number;
  readonly lossAtDefaults: number;
  readonly rows: readonly FitRow[];
  /** within: every fitted metric in tolerance; partial: daily messages and most others are; poor: otherwise. */
  readonly overall: { readonly status: FitStatus; readonly within: number; readonly fitted: number };
  /** Fitted metrics within tolerance at the lab's defaults (of overall.fitted): the CLI's "2 of 13 → 11 of 13". */
  readonly withinAtDefaults: number;
  /** The metrics the lab will get wrong (verdict off), in table order: what the view names beside Save/Open. */
  readonly labWillMiss: readonly MeasureKey[];
  /** What to do next, one per common cause; empty when the verdict is within. */
  readonly nextSteps: readonly NextStep[];
  readonly scenario: Scenario;
  readonly horizonDays: number;
  readonly runs: number;
  readonly steps: number;
  /** Runs behind the verdict (and the fitted column). */
  readonly verdictRuns: number;
  /** Search steps actually taken (the search stops early once every metric is in tolerance or nothing improves). */
  readonly stepsTaken: number;
  /** Simulated runs, for the figures in docs/import.md. */
  readonly simulatedRuns: number;
}

export interface FitOptions {
  readonly positioning?: Positioning;
  /** Simulated runs per trial in the final stages (same run indices every trial). */
  readonly runs?: number;
  /** Runs behind the verdict, at least `runs` (default 24). */
  readonly verdictRuns?: number;
  /** Search steps at most, after the volume and rhythm stages. */
  readonly steps?: number;
  /** Seed of the search's own moves and of the simulated runs. */
  readonly seed?: number;
  readonly onProgress?: (fraction: number) => void;
}

type Trial = { readonly set: Partial<Record<ParameterKey, number>>; readonly replyMinutes: number };
interface Evaluation {
  readonly values: Partial<Record<MeasureKey, number | null>>;
  /** p10 and p90 over the runs, per target. */
  readonly bands: Partial<Record<MeasureKey, readonly [number, number] | null>>;
  readonly hourly: number[];
  readonly loss: number;
}

/** The scenario a fit runs and saves: the export's last days, its size, the lab's defaults for what a log cannot show. */
export function scenarioFor(window: ChatMeasures, positioning: Positioning, parameters: Partial<Record<ParameterKey, number>>, seed: number, runs = 200, replyMinutes?: number, verdict?: DescribedVerdict): Scenario {
  const base = defaultScenario();
  const team = 1 + base.team.admins;
  const p = resolveParameters(parameters);
  const acceptance = Math.min(1, p.acceptBase + p.acceptWordingGain * base.growth.inviteWording);
  const members = window.values.members ?? 0;
  // members at the end are those who joined less those who left: authors missing from the roster tell how many left
  const joined = members / (1 - Math.min(0.9, window.values.leftShare ?? 0));
  const invites = Math.max(1, Math.min(2000, Math.round(Math.max(0, joined - team) / acceptance)));
  const days = Math.max(1, Math.min(365, window.days));
  const draft = {
    schemaVersion: SCHEMA_VERSION,
    name: 'Imported group (calibrated)',
    description: `Calibrated to an imported chat export: ${members} members, its last ${days} days (${window.messages} messages). ${verdictSentence('en', days, verdict)} The group is simulated from its creation, so its first weeks are not the export's. Operations not visible in a log (content plan, incentives, rules) keep the lab's defaults.`,
    zh: { name: '导入的群（已校准）', description: `按导入的聊天记录校准：${members} 名成员，取其最后 ${days} 天（${window.messages} 条消息）。${verdictSentence('zh', days, verdict)}模拟从建群开始，前几周并非记录中的情形。聊天记录看不出的运营设置（内容计划、激励、规则）采用默认值。` },
    seed, runs,
    horizonDays: days,
    startWeekday: WEEKDAYS[weekdayOf(window.firstDay * MINUTES_PER_DAY)],
    group: { positioning, platform: 'personal', capacity: Math.min(500, Math.max(team + invites, 5)) },
    growth: { initialInvites: invites },
    ...(replyMinutes === undefined ? {} : { team: { replyMinutes: Number(replyMinutes.toPrecision(3)) } }),
    parameters: Object.fromEntries(Object.entries(parameters).map(([k, v]) => [k, Number((v as number).toPrecision(4))])),
  };
  const parsed = parseScenario(draft);
  if (!parsed.ok) throw new Error(`calibrated scenario does not validate: ${parsed.problems.map((x) => `${x.path}: ${x.en}`).join('; ')}`);
  return parsed.scenario;
}

/** The verdict a saved scenario's description states. */
export interface DescribedVerdict { readonly status: FitStatus; readonly within: number; readonly fitted: number; readonly off: readonly MeasureKey[] }

/**
 * The description's sentence on the verdict: only a fit within tolerance
 * claims the lab reproduces the export's last week; a partial or poor one
 * says so and names the metrics the lab gets wrong. Without a verdict (the
 * search's own trials, never saved) the within wording.
 */
export function verdictSentence(lang: 'en' | 'zh', days: number, verdict?: DescribedVerdict): string {
  const names = (verdict?.off ?? []).map((k) => MEASURE_INFO[k][lang]).join(lang === 'zh' ? '、' : ', ');
  if (!verdict || verdict.status === 'within') {
    return lang === 'en'
      ? `Calibration: within tolerance${verdict ? ` (all ${verdict.fitted} fitted metrics)` : ''}; the lab's results at day ${days} reproduce the export's last week.`
      : `校准结果：吻合${verdict ? `（全部 ${verdict.fitted} 项已拟合指标在容差内）` : ''}，实验室在第 ${days} 天的结果再现记录最后一周。`;
  }
  if (verdict.status === 'partial') {
    return lang === 'en'
      ? `Calibration: partial, ${verdict.within} of ${verdict.fitted} fitted metrics within tolerance; the lab's results at day ${days} match the export's last week except for ${names}.`
      : `校准结果：部分吻合，${verdict.fitted} 项已拟合指标中 ${verdict.within} 项在容差内；实验室在第 ${days} 天的结果与记录最后一周相符，但以下指标除外：${names}。`;
  }
  return lang === 'en'
    ? `Calibration: poor, only ${verdict.within} of ${verdict.fitted} fitted metrics within tolerance; the lab's results at day ${days} do not reproduce the export's last week (off: ${names}).`
    : `校准结果：较差，${verdict.fitted} 项已拟合指标中仅 ${verdict.within} 项在容差内；实验室在第 ${days} 天的结果不能再现记录最后一周（偏差：${names}）。`;
}

const median = (values: number[]) => (values.length ? quantileSorted(Float64Array.from(values).sort(), 0.5) : null);
const bandOf = (values: number[]): readonly [number, number] | null => {
  if (!values.length) return null;
  const sorted = Float64Array.from(values).sort();
  return [quantileSorted(sorted, 0.1), quantileSorted(sorted, 0.9)];
};

/** Runs 0 … runs−1 of the scenario: per target the median over runs, and the mean hourly profile; yields after each run. */
function* simulateRuns(scenario: Scenario, runs: number, like: { firstDay: number; hasRoster: boolean; hasReplyLinks: boolean }): Generator<void, Omit<Evaluation, 'loss'>> {
  const samples = new Map<MeasureKey, number[]>(TARGETS.map((t) => [t.key, []]));
  const hourly = new Array<number>(24).fill(0);
  let profiled = 0;
  for (let r = 0; r < runs; r++) {
    const { result, chat } = replay(scenario, r);
    const table = simulatedChatTable(chat, scenario.group.positioning, like.firstDay, like.hasRoster, like.hasReplyLinks);
    const measured = measureChat(lastDays(table, COMPARED_DAYS), scenario.group.positioning);
    for (const t of TARGETS) {
      const value = t.from === 'lab' ? result.summary[t.key as keyof typeof result.summary] : measured.values[t.key];
      if (value !== null && value !== undefined && Number.isFinite(value)) samples.get(t.key)!.push(value);
    }
    if (measured.hourlyProfile.every(Number.isFinite)) {
      measured.hourlyProfile.forEach((v, h) => { hourly[h] += v; });
      profiled++;
    }
    yield;
  }
  return {
    values: Object.fromEntries([...samples].map(([k, list]) => [k, median(list)])),
    bands: Object.fromEntries([...samples].map(([k, list]) => [k, bandOf(list)])),
    hourly: hourly.map((v) => (profiled ? v / profiled : NaN)),
  };
}

type Figures = Partial<Record<MeasureKey, number | null>>;

/** Whether the export gives the metric, and if not, why. */
function notFittedReason(real: Figures, hasRoster: boolean, key: MeasureKey, roster: boolean | undefined): NotFittedReason | null {
  if (roster && !hasRoster) return 'needsRoster';
  if (real[key] !== null && real[key] !== undefined) return null;
  if (key === 'firstAnswerMinutesMedian') return 'noQuestions';
  if (key === 'weeklyParticipation' || key === 'coreActiveUsers') return 'spanTooShort';
  return 'noData';
}

function missOf(t: (typeof TARGETS)[number], real: number, sim: number): number {
  return t.kind === 'share' ? (sim - real) / t.scale : Math.log((sim + 0.5) / (real + 0.5)) / Math.log(1 + t.scale);
}

function lossOf(exported: Figures, hasRoster: boolean, simulated: Figures): number {
  let loss = 0;
  for (const t of TARGETS) {
    const real = exported[t.key];
    if (notFittedReason(exported, hasRoster, t.key, t.roster) || real === null || real === undefined) continue;
    const sim = simulated[t.key];
    const miss = sim === null || sim === undefined ? 5 : missOf(t, real, sim);
    loss += miss * miss;
  }
  return loss;
}

/** A metric's verdict: within tolerance, off by a factor or by points, or not fitted and why. */
export function verdictOf(key: MeasureKey, measured: number | null, fitted: number | null, tolerance: Tolerance, notFitted: NotFittedReason | null): Verdict {
  if (notFitted) return { status: 'notFitted', reason: notFitted };
  if (measured === null) return { status: 'notFitted', reason: 'noData' };
  if (fitted === null) return { status: 'notFitted', reason: key === 'firstAnswerMinutesMedian' ? 'modelNoAnswers' : 'noData' };
  if (tolerance.points !== undefined) {
    const points = fitted - measured;
    return { status: Math.abs(points) <= tolerance.points ? 'within' : 'off', ratio: null, points };
  }
  const ratio = measured > 0 ? fitted / measured : fitted > 0 ? Infinity : 1;
  const close = (tolerance.ratio !== undefined && ratio <= tolerance.ratio && ratio >= 1 / tolerance.ratio) || (tolerance.count !== undefined && Math.abs(fitted - measured) <= tolerance.count);
  return { status: close ? 'within' : 'off', ratio, points: null };
}

function clampTo(key: ParameterKey, value: number): number {
  const spec = PARAMETERS[key];
  return Number(Math.min(spec.max, Math.max(spec.min, value)).toPrecision(4));
}
const REPLY_MINUTES = { min: 0.5, max: 600 };

/**
 * The rhythm mix that best reproduces the export's hourly profile: the group
 * is simulated with every member on one rhythm (evening, office, night), and
 * since a group's hourly profile is close to the mix of its members' rhythms,
 * the shares are the mix of those three profiles nearest (least squares, on a
 * 1 % grid of the simplex) to the export's.
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

/** The whole calibration, yielding the share done after each simulated run; returns the fit. */
export function* calibration(chat: ChatTable & { readonly hasReplyLinks: boolean }, options: FitOptions = {}): Generator<number, FitResult> {
  const positioning = options.positioning ?? 'knowledge_sharing';
  const runs = options.runs ?? 8;
  const steps = options.steps ?? 60;
  const seed = options.seed ?? 1;
  const quickRuns = Math.min(QUICK_RUNS, runs);
  const verdictRuns = Math.max(runs, options.verdictRuns ?? VERDICT_RUNS);
  const quickSteps = Math.floor(steps / 2);
  const window = measureChat(lastDays(chat, FIT_HORIZON_MAX_DAYS), positioning);
  const compared = measureChat(lastDays(chat, COMPARED_DAYS), positioning);
  // the export's figures: the lab's reads over the fit's window (its horizon), the chat's over the compared days
  const exported: Figures = Object.fromEntries(TARGETS.map((t) => [t.key, (t.from === 'lab' ? window : compared).values[t.key]]));
  const hasRoster = window.hasRoster;
  const like = { firstDay: window.firstDay, hasRoster: window.hasRoster, hasReplyLinks: chat.hasReplyLinks };
  const fitted = FITTED_PARAMETERS.filter((k) => window.hasRoster || !NEEDS_ROSTER.includes(k));
  const answers = exported.firstAnswerMinutesMedian !== null;
  const defaultReply = defaultScenario().team.replyMinutes;

  // the plan in simulated runs, for the progress bar: defaults; volume (1 + VOLUME_STEPS); rhythm (3 + 1 + VOLUME_STEPS − 2); the quick search; the full search; the answer time (3); the silent members (per spread, SILENT_STEPS + VOLUME_STEPS − 3)
  const planned = runs + (2 + 2 * VOLUME_STEPS + 2) * quickRuns + quickSteps * quickRuns + runs + (steps - quickSteps) * runs + (answers ? 3 * runs : 0) + (verdictRuns - runs)
    + (hasRoster && exported.speakingRate30d !== null ? SIGMA_GRID.length * (SILENT_STEPS + VOLUME_STEPS - 3) * quickRuns : 0);
  let done = 0;
  let stepsTaken = 0;
  function* evaluate(trial: Trial, n: number): Generator<number, Evaluation> {
    const scenario = scenarioFor(window, positioning, trial.set, seed, n, trial.replyMinutes);
    const runsOf = simulateRuns(scenario, n, like);
    for (;;) {
      const next = runsOf.next();
      if (next.done) return { ...next.value, loss: lossOf(exported, hasRoster, next.value.values) };
      done++;
      yield Math.min(0.99, done / planned);
    }
  }

  const defaults = yield* evaluate({ set: {}, replyMinutes: defaultReply }, runs);
  let best: Trial = { set: {}, replyMinutes: defaultReply };
  let current = yield* evaluate(best, quickRuns);

  /**
   * Scale every rate together until the lab's daily messages match: a
   * bisection on the factor's logarithm, since a group near critical mass
   * (MODEL §3.2) can jump from quiet to busy between two factors. Kept: the
   * trial nearest in volume.
   */
  function* scaleRates(from: Trial, at: Evaluation, times: number, n = quickRuns, keys: readonly (typeof RATES)[number][] = RATES): Generator<number, { trial: Trial; result: Evaluation }> {
    const real = exported.dailyMessages ?? 0;
    const missOfVolume = (e: Evaluation) => Math.abs(Math.log(((e.values.dailyMessages ?? 0) + 0.5) / (real + 0.5)));
    let best = { trial: from, result: at };
    if (!(real > 0)) return best;
    const scaled = (factor: number): Trial => ({ ...from, set: { ...from.set, ...Object.fromEntries(keys.map((key) => [key, clampTo(key, (from.set[key] ?? PARAMETERS[key].default) * factor)])) } });
    let low = 0; // log factors known to give too few (low) and too many (high) messages
    let high: number | null = null;
    let next = Math.log(Math.min(20, Math.max(0.05, real / Math.max(0.05, at.values.dailyMessages ?? 0))));
    if ((at.values.dailyMessages ?? 0) > real) [low, high] = [next, 0];
    for (let k = 0; k < times && missOfVolume(best.result) > Math.log(1.05); k++) {
      const trial = scaled(Math.exp(next));
      const result = yield* evaluate(trial, n);
      if (missOfVolume(result) < missOfVolume(best.result)) best = { trial, result };
      if ((result.values.dailyMessages ?? 0) > real) high = next;
      else low = next;
      next = high === null ? low + Math.log(2) : (low + high) / 2;
    }
    return best;
  }
  ({ trial: best, result: current } = yield* scaleRates(best, current, VOLUME_STEPS));

  // the rhythm mix from the hourly profile: simulate the group with every member on one rhythm
  if (compared.hourlyProfile.every(Number.isFinite)) {
    const pure: number[][] = [];
    for (const [evening, office] of [[1, 0], [0, 1], [0, 0]] as const) {
      pure.push((yield* evaluate({ ...best, set: { ...best.set, profileEveningShare: evening, profileOfficeShare: office } }, quickRuns)).hourly);
    }
    if (pure.every((profile) => profile.every(Number.isFinite))) {
      const mix = rhythmMix(compared.hourlyProfile, pure);
      const mixed = { ...best, set: { ...best.set, profileEveningShare: mix.evening, profileOfficeShare: mix.office } };
      const rescaled = yield* scaleRates(mixed, yield* evaluate(mixed, quickRuns), VOLUME_STEPS - 2);
      if (rescaled.result.loss < current.loss) ({ trial: best, result: current } = rescaled);
    }
  }

  /**
   * Silent members (roster only): a third of a WeChat group never speaking
   * is common, while the lab's default spread of posting rates makes the
   * members of one archetype alike, so scaling the rates for volume makes
   * every ordinary member speak. For each rate spread of SIGMA_GRID: a
   * bisection of the ordinary members' rate (alone) on the speaking rate
   * (30 d), then the core and active rates again for the volume. Kept: the
   * trial with the lowest loss (speaking rate, lurker share and weekly
   * participation among its terms), if lower than before.
   */
  const realSpeaking = exported.speakingRate30d;
  const fitsSilent = hasRoster && realSpeaking !== null && realSpeaking !== undefined;
  const speakingMiss = (e: Evaluation) => Math.abs((e.values.speakingRate30d ?? 0) - (realSpeaking ?? 0));
  /** Bisection of the ordinary members' rate (log factor in [low, high] of `from`'s) on the speaking rate; kept: the trial nearest. */
  function* ordinaryOnSpeaking(from: Trial, n: number, times: number, low: number, high: number): Generator<number, { trial: Trial; result: Evaluation } | null> {
    const base = from.set.rateMedianOrdinary ?? PARAMETERS.rateMedianOrdinary.default;
    let near: { trial: Trial; result: Evaluation } | null = null;
    for (let k = 0; k < times && !(near && speakingMiss(near.result) <= 0.02); k++) {
      const mid = (low + high) / 2;
      const trial = { ...from, set: { ...from.set, rateMedianOrdinary: clampTo('rateMedianOrdinary', base * Math.exp(mid)) } };
      const result = yield* evaluate(trial, n);
      if (!near || speakingMiss(result) < speakingMiss(near.result)) near = { trial, result };
      if ((result.values.speakingRate30d ?? 0) > realSpeaking!) high = mid;
      else low = mid;
    }
    return near;
  }
  if (fitsSilent) {
    for (const sigma of SIGMA_GRID) {
      // log factors of the ordinary rate: from a thousandth to four times the volume stage's
      const near = yield* ordinaryOnSpeaking({ ...best, set: { ...best.set, rateSigma: sigma } }, quickRuns, SILENT_STEPS, Math.log(1e-3), Math.log(4));
      if (!near) continue;
      const rescaled = yield* scaleRates(near.trial, near.result, VOLUME_STEPS - 3, quickRuns, ['rateMedianCore', 'rateMedianActive']);
      if (rescaled.result.loss < current.loss) ({ trial: best, result: current } = rescaled);
    }
  }

  /** A seeded local search: change one or two parameters, keep the change if the loss falls; stop early when all is in tolerance or nothing improves. */
  const random = seedrandom.alea(`import-fit:${seed}`);
  function* search(count: number, n: number): Generator<number> {
    let stale = 0;
    for (let step = 0; step < count && stale < PATIENCE && !allWithin(current); step++) {
      stepsTaken++;
      const set = { ...best.set };
      const changes = 1 + Math.floor(random() * 2);
      for (let c = 0; c < changes; c++) {
        const key = fitted[Math.floor(random() * fitted.length)];
        const value = set[key] ?? PARAMETERS[key].default;
        set[key] = SHARE_PARAMETERS.includes(key) ? clampTo(key, value + (random() * 2 - 1) * 0.15) : clampTo(key, value * Math.exp((random() * 2 - 1) * 0.4));
      }
      const evening = set.profileEveningShare ?? PARAMETERS.profileEveningShare.default;
      const office = set.profileOfficeShare ?? PARAMETERS.profileOfficeShare.default;
      if (evening + office > 1) continue; // the night-owl share would be negative
      const trial = yield* evaluate({ ...best, set }, n);
      if (trial.loss < current.loss) {
        best = { ...best, set };
        current = trial;
        stale = 0;
      } else stale++;
    }
  }
  const allWithin = (e: Evaluation) => rowsOf(e).every((row) => row.verdict.status !== 'off');
  yield* search(quickSteps, quickRuns);
  current = yield* evaluate(best, runs); // from here on, every trial at the full runs
  yield* search(steps - quickSteps, runs);

  // the team's answer time, from the first-answer time when it is off (the lab's answers against the export's next message by someone else)
  if (answers) {
    const answerOff = () => rowsOf(current).find((row) => row.key === 'firstAnswerMinutesMedian')?.verdict.status === 'off';
    for (let k = 0; k < 3 && answerOff(); k++) {
      const real = exported.firstAnswerMinutesMedian!;
      const sim = current.values.firstAnswerMinutesMedian;
      if (sim === null || sim === undefined) break;
      const replyMinutes = Math.min(REPLY_MINUTES.max, Math.max(REPLY_MINUTES.min, best.replyMinutes * (real + 0.5) / (sim + 0.5)));
      if (replyMinutes === best.replyMinutes) break;
      const trial = yield* evaluate({ ...best, replyMinutes }, runs);
      const answerMiss = (e: Evaluation) => Math.abs(Math.log(((e.values.firstAnswerMinutesMedian ?? Infinity) + 0.5) / (real + 0.5)));
      if (answerMiss(trial) >= answerMiss(current)) break;
      best = { ...best, replyMinutes };
      current = trial;
    }
  }

  // the verdict from more runs than the search used, nearer the lab's median over its ensemble
  if (verdictRuns > runs) current = yield* evaluate(best, verdictRuns);
  // a group near critical mass can look alive in the search's runs and quiet over more: then the volume again, at these runs
  if (rowsOf(current).find((row) => row.key === 'dailyMessages')?.verdict.status === 'off') {
    // with a roster the ordinary rate is the speaking rate's (the silent members' stage): only the core and active rates move
    ({ trial: best, result: current } = yield* scaleRates(best, current, RECHECK_STEPS, verdictRuns, fitsSilent ? ['rateMedianCore', 'rateMedianActive'] : RATES));
  }

  function rowsOf(e: Evaluation): FitRow[] {
    const rows = TARGETS.map((t): FitRow => {
      const measured = exported[t.key] ?? null;
      const simulated = e.values[t.key] ?? null;
      return {
        key: t.key, measured, fitted: simulated, atDefaults: defaults.values[t.key] ?? null, band: e.bands[t.key] ?? null, from: t.from, tolerance: t.tolerance,
        verdict: verdictOf(t.key, measured, simulated, t.tolerance, notFittedReason(exported, hasRoster, t.key, t.roster)),
      };
    });
    const estimate: FitRow = { key: 'effectiveRatio', measured: window.values.effectiveRatio, fitted: null, atDefaults: null, band: null, from: 'lab', tolerance: null, verdict: { status: 'notFitted', reason: 'estimateOnly' } };
    return [...rows, estimate];
  }
  const rows = rowsOf(current);
  const judged = rows.filter((r) => r.verdict.status !== 'notFitted');
  const within = judged.filter((r) => r.verdict.status === 'within').length;
  const volumeWithin = rows.find((r) => r.key === 'dailyMessages')?.verdict.status === 'within';
  const overall = { status: within === judged.length ? 'within' as const : volumeWithin && within * 2 > judged.length ? 'partial' as const : 'poor' as const, within, fitted: judged.length };
  const withinAtDefaults = TARGETS.filter((t) => {
    const real = exported[t.key] ?? null;
    return verdictOf(t.key, real, defaults.values[t.key] ?? null, t.tolerance, notFittedReason(exported, hasRoster, t.key, t.roster)).status === 'within';
  }).length;
  const labWillMiss = rows.filter((r) => r.verdict.status === 'off').map((r) => r.key);
  const parameters = Object.fromEntries(fitted.map((k) => [k, Number((best.set[k] ?? PARAMETERS[k].default).toPrecision(4))])) as Partial<Record<FittedParameter, number>>;
  const replyMinutes = Number(best.replyMinutes.toPrecision(3));
  const nextSteps: NextStep[] = [];
  if (overall.status !== 'within') {
    if (!hasRoster) nextSteps.push({ kind: 'roster' });
    const volume = rows.find((r) => r.key === 'dailyMessages');
    if (volume?.band && volume.measured && volume.band[0] < volume.measured / 2) nextSteps.push({ kind: 'moreRuns', p10: volume.band[0], measured: volume.measured });
    if (labWillMiss.includes('firstAnswerMinutesMedian')) nextSteps.push({ kind: 'answerTime', replyMinutes });
  }
  return {
    parameters, replyMinutes, loss: current.loss, lossAtDefaults: defaults.loss, rows, overall, withinAtDefaults, labWillMiss, nextSteps,
    scenario: scenarioFor(window, positioning, parameters, seed, 200, replyMinutes, { status: overall.status, within, fitted: judged.length, off: labWillMiss }),
    horizonDays: window.days, runs, steps, verdictRuns, stepsTaken, simulatedRuns: done,
  };
}

/** The saved scenario file (the view's Save and Open in the lab, the CLI's --scenario-out). */
export function calibratedScenarioText(fit: FitResult): string {
  return serialiseScenario(fit.scenario);
}

/** The calibration run to its end here (the CLI, tests). */
export function fitToChat(chat: ChatTable & { readonly hasReplyLinks: boolean }, options: FitOptions = {}): FitResult {
  const steps = calibration(chat, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    options.onProgress?.(next.value);
  }
}



