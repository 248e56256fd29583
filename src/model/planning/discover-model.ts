/**
 * Scenario discovery on the model: the points (a finished sweep, or a Latin
 * hypercube over the levers a planner picks, each run as an ensemble with the
 * scenario's seed and the same run indices), PRIM over them (discover.ts),
 * and the rule in words, in both languages, from the levers' own labels and
 * units — the one place the CLI and the browser take the sentence from.
 */
import { formatPercent, langOf, type Locale } from '../format.ts';
import { SUMMARY, type Summary, type SummaryKey } from '../metrics.ts';
import { describeThreshold, goalsOf, meetsAll, meetsGoal, type Threshold } from '../playbook.ts';
import type { Scenario } from '../scenario.ts';
import { fullWidth, type Bilingual } from '../text.ts';
import { evaluate, type Executor } from './jobs.ts';
import { describePosition, fromUnit, isWindowLever, leverAt, WINDOW_PATH, withSettings, type Lever, type Setting } from './levers.ts';
import { describeBreach, guardrailOf, withinPlaybook, type Breach } from './guardrails.ts';
import type { SweepResult } from './sweep.ts';
import { latinHypercubeUnit } from './latin-hypercube.ts';
import { contains, type BoxSummary, type Discovery, type DiscoveryAxis, type DiscoveryPoint, type Limit } from './discover.ts';

/** One strategy of a sampled design, reduced to what discovery reads. */
export interface DesignPoint {
  readonly settings: readonly Setting[];
  readonly runs: number;
  readonly allGoalsMetShare: number;
  /** Per goal, the share of runs meeting it. */
  readonly goalMetShare: readonly number[];
}

/** A sampled design, run: the input of discovery when there is no full grid. */
export interface DesignResult {
  readonly kind: 'design';
  readonly scenario: string;
  readonly seed: number;
  readonly runs: number;
  readonly goals: readonly Threshold[];
  /** The levers and the ranges sampled (practical range, or narrowed). */
  readonly levers: readonly { readonly path: string; readonly min: number; readonly max: number }[];
  /** Points asked for; duplicates after snapping to the levers' steps are run once. */
  readonly requested: number;
  readonly points: readonly DesignPoint[];
  /** Sampled combinations that are not valid scenarios (left out, with their settings). */
  readonly invalid: readonly (readonly Setting[])[];
}

/** Limits of a sampled design (the browser's; the CLI takes up to the upper one). */
export const DESIGN_LIMITS = { minPoints: 10, maxPoints: 2000, maxLevers: 12 } as const;

/**
 * n strategies from a Latin hypercube over the levers (seeded), each snapped to
 * its lever's steps (an enumerated lever takes each option equally often);
 * strategies that coincide after snapping are kept once.
 */
export function designSettings(levers: readonly Lever[], n: number, seed: number): Setting[][] {
  const seen = new Set<string>();
  const out: Setting[][] = [];
  for (const row of latinHypercubeUnit(n, levers.length, `${seed}:discover`)) {
    const settings = levers.map((lever, i): Setting => [lever.path, fromUnit(lever, row[i])]);
    const key = settings.map(([, v]) => v).join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(settings);
  }
  return out;
}

/** Run a sampled design: n strategies over the levers, `runs` runs each (common random numbers). */
export async function runDesign(
  executor: Executor, base: Scenario, levers: readonly Lever[], n: number, runs: number,
  onProgress?: (done: number, total: number) => void,
): Promise<DesignResult> {
  const sampled = designSettings(levers, n, base.seed).map((settings) => ({ settings, parsed: withSettings(base, settings) }));
  const valid = sampled.filter((p) => p.parsed.ok);
  const scenarios = valid.map((p) => (p.parsed.ok ? p.parsed.scenario : base));
  const summaries = await evaluate(executor, scenarios, 0, runs, onProgress);
  return designResult(base, levers, n, runs, valid.map((p) => p.settings), summaries, sampled.filter((p) => !p.parsed.ok).map((p) => p.settings));
}

/** A design's result from its valid strategies' run summaries (in the same order). */
export function designResult(
  base: Scenario, levers: readonly Lever[], requested: number, runs: number,
  settings: readonly (readonly Setting[])[], summaries: readonly (readonly Summary[])[], invalid: readonly (readonly Setting[])[] = [],
): DesignResult {
  const goals = goalsOf(base);
  const share = (list: readonly Summary[], test: (s: Summary) => boolean) => (list.length ? list.filter(test).length / list.length : 0);
  return {
    kind: 'design',
    scenario: base.name,
    seed: base.seed,
    runs,
    goals,
    levers: levers.map((l) => ({ path: l.path, min: l.min, max: l.max })),
    requested,
    points: settings.map((s, i) => ({
      settings: s,
      runs: summaries[i].length,
      allGoalsMetShare: share(summaries[i], (r) => meetsAll(goals, r)),
      goalMetShare: goals.map((g) => share(summaries[i], (r) => meetsGoal(g, r[g.metric]))),
    })),
    invalid,
  };
}

/** What a point is judged on: the share of its runs meeting every goal at once, or one goal (its KPI). */
export type DiscoveryTarget = 'allGoals' | SummaryKey;

/** The goal a target names (undefined: every goal at once, or a KPI without a goal). */
export function goalOf(goals: readonly Threshold[], target: DiscoveryTarget): Threshold | undefined {
  return target === 'allGoals' ? undefined : goals.find((g) => g.metric === target);
}

/**
 * The axes and points discovery works on, from a sweep (its finished, valid
 * points) or a sampled design; each point's share is of its runs meeting every
 * goal, or the target goal.
 */
export function discoveryInput(source: SweepResult | DesignResult, target: DiscoveryTarget = 'allGoals'): { axes: DiscoveryAxis[]; points: DiscoveryPoint[] } {
  const goal = target === 'allGoals' ? -1 : source.goals.findIndex((g) => g.metric === target);
  if (target !== 'allGoals' && goal < 0) throw new RangeError(`${target} is not a goal of this scenario`);
  const shareOf = (all: number, each: readonly number[]) => (goal < 0 ? all : each[goal]);
  const paths = source.kind === 'sweep' ? source.axes.map((a) => a.path) : source.levers.map((l) => l.path);
  const axes = paths.map((path): DiscoveryAxis => {
    const options = leverAt(path)?.options?.length;
    return options === undefined ? { path } : { path, options };
  });
  const points = source.kind === 'sweep'
    ? source.points.flatMap((p) => (p.stats ? [{ position: p.settings.map(([, v]) => v), share: shareOf(p.stats.allGoalsMetShare, p.stats.goalMetShare) }] : []))
    : source.points.map((p) => ({ position: p.settings.map(([, v]) => v), share: shareOf(p.allGoalsMetShare, p.goalMetShare) }));
  return { axes, points };
}

/** A lever's value at a position without its unit ("3", "0.35"). */
const bare = (position: number) => String(Number(position.toFixed(2)));

/** A window lever's start hour at a position ("19:00"), as the scenario's window length allows. */
const startHour = (lever: Lever, position: number, base: Scenario) => describePosition(lever, position, base, 'en').split('–')[0];

/** A position as the rule's bounds show it: a window by its start hour ("19:00"), other levers as the editor does. */
export function describeBound(path: string, position: number, base: Scenario, lang: 'en' | 'zh'): string {
  const lever = leverAt(path);
  if (!lever) return String(position);
  return lever.kind === 'window' ? startHour(lever, position, base) : describePosition(lever, position, base, lang);
}

/** One restriction in words: "Promotions per week ≤ 1 post", "发布时段 19:00–21:00 开始", "入群问卷：是". */
export function describeLimit(path: string, limit: Limit, whole: Limit, base: Scenario, lang: 'en' | 'zh'): string {
  const lever = leverAt(path);
  if (!lever) return path;
  const label = lever.label[lang];
  if ('allowed' in limit) {
    const names = limit.allowed.map((i) => lever.options?.[i]?.label[lang] ?? String(i));
    return lang === 'zh' ? `${label}：${names.join(' 或 ')}` : `${label}: ${names.join(' or ')}`;
  }
  const range = whole as { lo: number; hi: number };
  const cutLow = limit.lo > range.lo;
  const cutHigh = limit.hi < range.hi;
  if (lever.kind === 'window') {
    const [from, to] = [startHour(lever, limit.lo, base), startHour(lever, limit.hi, base)];
    if (limit.lo === limit.hi) return lang === 'zh' ? `${label} ${from} 开始` : `${label} starts at ${from}`;
    if (cutLow && cutHigh) return lang === 'zh' ? `${label} ${from}–${to} 开始` : `${label} starts ${from}–${to}`;
    if (cutHigh) return lang === 'zh' ? `${label}不晚于 ${to} 开始` : `${label} starts by ${to}`;
    return lang === 'zh' ? `${label} ${from} 或更晚开始` : `${label} starts at ${from} or later`;
  }
  const at = (p: number) => describePosition(lever, p, base, lang);
  if (limit.lo === limit.hi) return `${label} = ${at(limit.hi)}`;
  if (cutLow && cutHigh) return `${label} ${bare(limit.lo)}–${at(limit.hi)}`;
  if (cutHigh) return `${label} ≤ ${at(limit.hi)}`;
  return `${label} ≥ ${at(limit.lo)}`;
}

/** The rule's conditions: the restricted levers only, joined by "and" / "且". */
export function describeConditions(d: Discovery, limits: readonly Limit[], restricted: readonly number[], base: Scenario, lang: 'en' | 'zh'): string {
  return restricted.map((a) => describeLimit(d.axes[a].path, limits[a], d.design[a], base, lang)).join(lang === 'zh' ? ' 且 ' : ' and ');
}

/**
 * One box of the peeling trajectory by its ranges: "Promotions per week ≤ 3 posts and Posting window
 * starts at 19:00 or later"; the first box (nothing restricted) is every strategy tried.
 */
export function describeBox(d: Discovery, box: BoxSummary, base: Scenario, lang: 'en' | 'zh'): string {
  if (!box.restricted.length) return lang === 'zh' ? '全部策略（未限制）' : 'every strategy (no restriction)';
  const text = describeConditions(d, box.limits, box.restricted, base, lang);
  return lang === 'zh' ? fullWidth(text) : text;
}

/** What a good point achieves, as the rule's outcome: every goal at once, or one goal. */
function outcomePhrase(goal: Threshold | undefined, lang: 'en' | 'zh'): string {
  if (!goal) return lang === 'zh' ? '全部目标同时达成' : 'every goal met at once';
  return lang === 'zh' ? `${SUMMARY[goal.metric].zh} ${describeThreshold(goal, 'zh-CN')} 达标` : `${SUMMARY[goal.metric].en} ${describeThreshold(goal)} met`;
}

/**
 * The rule in one sentence: "Promotions per week ≤ 1 post and Posting window
 * starts 19:00–21:00 → every goal met at once in ≥ 15% of runs (coverage 72%,
 * density 81%, 40 points; mean chance 23%)", or why there is none. `goal`: the
 * goal the points were judged on (default: every goal at once).
 */
export function describeRule(d: Discovery, base: Scenario, locale: Locale, goal?: Threshold): string {
  const text = ruleSentence(d, base, locale, goal);
  // Chinese typesetting: "话题响应率（时段内）", not "话题响应率 (时段内)"
  return langOf(locale) === 'zh' ? fullWidth(text) : text;
}

function ruleSentence(d: Discovery, base: Scenario, locale: Locale, goal?: Threshold): string {
  const lang = langOf(locale);
  const p = (v: number) => formatPercent(locale, v);
  const threshold = p(d.threshold);
  const outcome = outcomePhrase(goal, lang);
  if (d.outcome === 'noGood') {
    return lang === 'zh'
      ? `没有规律可找：${d.points} 个点中，没有一个点的${outcome}比例 ≥ ${threshold}（最高 ${p(d.bestShare)}）。请降低门槛，或放宽策略项的范围。`
      : `No rule to find: at none of the ${d.points} points is ${outcome} in ≥ ${threshold} of runs (the best: ${p(d.bestShare)}). Lower the threshold or widen the levers' ranges.`;
  }
  if (d.outcome === 'allGood') {
    return lang === 'zh'
      ? `全部 ${d.points} 个点的${outcome}比例都 ≥ ${threshold}：不需要限制任何策略项（提高门槛，才能看出哪些设置更好）。`
      : `At all ${d.points} points, ${outcome} in ≥ ${threshold} of runs: no lever needs restricting (raise the threshold to see which settings do better).`;
  }
  const whole = d.trajectory[0];
  if ((d.outcome === 'noBox' || !d.box) && d.pickedBy === 'planner' && d.picked !== null) {
    return lang === 'zh'
      ? `范围 ${d.picked} 没有规律：去掉不起作用的限制（准 p 值 > 0.05）后，不再剩下任何限制，它并不比全部 ${d.points} 个点更可靠（密度 ${p(whole.density)}）。请选择更小的范围。`
      : `No rule in box ${d.picked}: once the restrictions that do not matter are dropped (quasi-p > 0.05), none is left; it is no denser than all ${d.points} points (density ${p(whole.density)}). Pick a smaller box.`;
  }
  if (d.outcome === 'noBox' || !d.box) {
    return lang === 'zh'
      ? `没有找到规律：在至多 ${d.maxLevers} 个策略项上加限制、覆盖率 ≥ ${p(d.minCoverage)} 的范围，去掉不起作用的限制后，都不比全部 ${d.points} 个点更可靠（密度 ${p(whole.density)}）。达标的点较分散：可降低覆盖率要求、允许更多策略项，或增加点数与模拟次数。`
      : `No rule found: no box restricting at most ${d.maxLevers} levers with coverage ≥ ${p(d.minCoverage)} beats all ${d.points} points (density ${p(whole.density)}) once the restrictions that do not matter are dropped. The good points are spread out: lower the coverage, allow more levers, or add points and runs.`;
  }
  const b = d.box;
  const conditions = describeConditions(d, b.limits, b.restricted, base, lang);
  return lang === 'zh'
    ? `${conditions} → ${outcome}的比例 ≥ ${threshold}（覆盖率 ${p(b.coverage)}，密度 ${p(b.density)}，${b.points} 个点；平均达标比例 ${p(b.meanShare)}）`
    : `${conditions} → ${outcome} in ≥ ${threshold} of runs (coverage ${p(b.coverage)}, density ${p(b.density)}, ${b.points} points; mean chance ${p(b.meanShare)})`;
}

/** The rule in both languages (for JSON output). */
export function ruleText(d: Discovery, base: Scenario, goal?: Threshold): Bilingual {
  return { en: describeRule(d, base, 'en', goal), zh: describeRule(d, base, 'zh-CN', goal) };
}

/**
 * A strategy inside the box to try: for each restricted lever, the value tried
 * nearest the middle of its bounds (the lower of two), or the allowed option
 * whose points in the box are most often good. Levers the rule leaves free are
 * not set.
 */
export function boxCentre(d: Discovery, points: readonly DiscoveryPoint[]): Setting[] {
  if (!d.box) return [];
  const box = d.box;
  const inside = points.filter((p) => contains(box.limits, p.position));
  return box.restricted.map((a): Setting => {
    const limit = box.limits[a];
    const values = inside.map((p) => p.position[a]);
    if ('allowed' in limit) {
      const score = (option: number) => {
        const here = inside.filter((p) => p.position[a] === option);
        return here.length ? here.filter((p) => p.share >= d.threshold).length / here.length : -1;
      };
      const best = [...limit.allowed].sort((x, y) => score(y) - score(x) || x - y)[0];
      return [d.axes[a].path, best];
    }
    const middle = (limit.lo + limit.hi) / 2;
    const nearest = [...new Set(values)].sort((x, y) => Math.abs(x - middle) - Math.abs(y - middle) || x - y)[0];
    return [d.axes[a].path, nearest];
  });
}

/** A design as CSV, one row per strategy: the levers' positions, its share of runs meeting every goal (and the target goal), good, in the box. */
export function discoveryToCsv(design: DesignResult, d: Discovery, target: DiscoveryTarget = 'allGoals'): string {
  const { points } = discoveryInput(design, target);
  const rows = [[...design.levers.map((l) => l.path), 'runs', 'all_goals_met_share', ...(target === 'allGoals' ? [] : [`${target}_goal_met_share`]), 'good', 'in_box'].join(',')];
  design.points.forEach((p, i) => {
    const { position, share } = points[i];
    rows.push([...position.map(String), String(p.runs), String(p.allGoalsMetShare), ...(target === 'allGoals' ? [] : [String(share)]), String(share >= d.threshold), String(d.box ? contains(d.box.limits, position) : false)].join(','));
  });
  return `${rows.join('\n')}\n`;
}

/**
 * What counts as "good" unless the planner says otherwise, relative to what the
 * sampled strategies reach: the top quarter of them (the 75th percentile of
 * their chance, rounded up to a whole percent), never below a floor — a quarter
 * of runs for every goal at once, half for one goal — so that "good" is never a
 * near-zero chance. When even the best strategy is below the floor there is no
 * rule to find, and the rule says so rather than praising a strategy that
 * usually fails.
 */
export const THRESHOLD_FLOOR = { allGoals: 0.25, goal: 0.5 } as const;

/** Below this, a "good" strategy usually fails: the panel and the CLI warn. */
export const LOW_THRESHOLD = 0.25;

export function defaultThreshold(points: readonly DiscoveryPoint[], target: DiscoveryTarget): number {
  const floor = THRESHOLD_FLOOR[target === 'allGoals' ? 'allGoals' : 'goal'];
  if (!points.length) return floor;
  const shares = points.map((p) => p.share).sort((a, b) => a - b);
  // the lower of the two values around the 75th percentile: at least a quarter of the points are at or above it
  const q = shares[Math.floor(0.75 * (shares.length - 1))];
  return Math.min(1, Math.max(floor, Math.ceil(q * 100 - 1e-9) / 100));
}

/** Whether a design was sampled inside the playbook: every lever's range within its guardrail (withinPlaybook). */
export function designWithinPlaybook(design: DesignResult, base: Scenario): boolean {
  return design.levers.every((l) => {
    const lever = leverAt(l.path);
    if (!lever) return true;
    const inside = withinPlaybook({ ...lever, min: l.min, max: l.max }, base);
    return inside.min <= l.min + 1e-9 && inside.max >= l.max - 1e-9;
  });
}

/** A restriction of the rule that leaves the playbook: all of it ('whole') or some of its values ('partly'). */
export interface LimitBreach {
  readonly axis: number;
  readonly extent: 'whole' | 'partly';
  readonly breach: Breach;
}

/**
 * The restrictions of a box that lie outside a lever's guardrail (the same
 * range "stay within the playbook" samples, guardrails.ts withinPlaybook):
 * wholly outside, or partly (some values in the box leave it).
 */
export function limitBreaches(d: Discovery, limits: readonly Limit[], restricted: readonly number[], base: Scenario): LimitBreach[] {
  return restricted.flatMap((a): LimitBreach[] => {
    const path = d.axes[a].path;
    const lever = leverAt(path);
    const rail = guardrailOf(isWindowLever(path) ? WINDOW_PATH : path, base);
    if (!lever || !rail) return [];
    const inside = withinPlaybook(lever, base);
    const limit = limits[a];
    const values = 'allowed' in limit ? limit.allowed : [limit.lo, limit.hi];
    const ok = (v: number) => v >= inside.min - 1e-9 && v <= inside.max + 1e-9;
    const overlaps = 'allowed' in limit ? limit.allowed.some(ok) : limit.lo <= inside.max + 1e-9 && limit.hi >= inside.min - 1e-9;
    if (values.every(ok)) return [];
    return [{ axis: a, extent: overlaps ? 'partly' : 'whole', breach: { path: rail.path, source: rail.source, reason: rail.reason } }];
  });
}

/** "Promotions per week: against the playbook (§4, §5: …)", "… partly against the playbook (…)"; short: the sections only. */
export function describeLimitBreach(d: Discovery, b: LimitBreach, lang: 'en' | 'zh', short = false): string {
  const label = leverAt(d.axes[b.axis].path)?.label[lang] ?? d.axes[b.axis].path;
  // short (a row of the trajectory): the sections only, "against the playbook (§4, §5)"
  const breach = !short ? describeBreach(b.breach, lang) : lang === 'zh' ? `违背手册（${b.breach.source.replace(/, */g, '、')}）` : `against the playbook (${b.breach.source})`;
  if (lang === 'zh') return `${label}：${b.extent === 'partly' ? '部分' : ''}${breach}`;
  return `${label}: ${b.extent === 'partly' ? 'partly ' : ''}${breach}`;
}

/** "Good" in an operator's words: what a good strategy gives, and a warning when that is a low bar. */
export function describeGood(threshold: number, locale: Locale, goal?: Threshold): { readonly means: string; readonly warning: string | null } {
  const lang = langOf(locale);
  const p = formatPercent(locale, threshold);
  const outcome = outcomePhrase(goal, lang);
  const fails = formatPercent(locale, 1 - threshold);
  const means = lang === 'zh'
    ? `“好策略”：照它运营，${outcome}的机会至少 ${p}（在它的模拟中 ≥ ${p} 达标）。`
    : `"Good": a strategy that, if you ran the group by it, gives at least a ${p} chance of ${outcome} (≥ ${p} of its runs).`;
  const warning = threshold >= LOW_THRESHOLD ? null : lang === 'zh'
    ? `门槛低于 ${formatPercent(locale, LOW_THRESHOLD)}：这样的“好策略”仍有 ${fails} 以上的机会失败；规律只说明哪里失败得少一些，不说明哪里能达标。`
    : `The threshold is below ${formatPercent(locale, LOW_THRESHOLD)}: such a "good" strategy still fails more than ${fails} of the time; the rule shows where failure is less likely, not where the goals are met.`;
  return { means: lang === 'zh' ? fullWidth(means) : means, warning };
}
