/**
 * What the goal seek and the frontier share: the levers' axes (narrowed to the
 * playbook's guardrails when asked), positions ↔ settings ↔ scenarios, and one
 * evaluator of candidates on run indices that keeps every run it has made, so
 * a strategy met twice in one job (the frontier's points inside a goal seek,
 * the fresh check of a point already checked) is never run twice, and the
 * same strategy on the same run indices always gives the same figures.
 */
import type { Summary } from '../metrics.ts';
import { goalsOf, meetsAll, shortfall, type Threshold } from '../playbook.ts';
import type { Scenario } from '../scenario.ts';
import { evaluate, type Executor } from './jobs.ts';
import { breachesOf, playbookSettings, withinPlaybook } from './guardrails.ts';
import { isWindowLever, ladderOf, positionOf, withSettings, type Lever, type Setting } from './levers.ts';
import { keyOf, type CandidateEvaluator, type RunRecord } from './optimize.ts';

/** Held-out runs start here; a search never uses run indices this high. */
export const HOLDOUT_FIRST_RUN = 1_000_000;
/**
 * A second set of fresh runs: the goal seek picks its recommendation on the
 * first set (among its leaders, the frontier's points and the current
 * strategy), so its figure there is the best of several; it is confirmed on
 * these, which chose nothing.
 */
export const CONFIRM_FIRST_RUN = 2_000_000;
/**
 * Fresh runs for the figures a goal seek and a frontier show (default): the
 * same run indices and the same number in both, so a strategy that both find
 * shows the same chance and hours in both.
 */
export const FRESH_RUNS = 200;

export function runRecord(goals: readonly Threshold[], s: Summary): RunRecord {
  return {
    met: meetsAll(goals, s) ? 1 : 0,
    shortfall: goals.reduce((sum, g) => sum + shortfall(g, s[g.metric]), 0) / Math.max(1, goals.length),
    cost: s.teamHoursPerWeek ?? 0,
    answerMinutes: s.firstAnswerMinutesMedian,
  };
}

const INVALID: RunRecord = { met: 0, shortfall: 1, cost: Infinity };

export type SearchSpace = ReturnType<typeof searchSpace>;

/**
 * The levers' axes (narrowed to the playbook's guardrails when asked; a lever
 * set outside keeps its setting reachable, so the current strategy is always a
 * candidate), positions ↔ settings ↔ scenarios, a caching evaluator of
 * candidates on run indices, the current position and the playbook strategy
 * (every lever outside its guardrail at the playbook's own setting).
 */
export function searchSpace(executor: Executor, base: Scenario, chosen: readonly Lever[], keepToPlaybook: boolean) {
  const goals = goalsOf(base);
  // within the playbook, only the guardrail's range is searched (the current setting stays a candidate as the start);
  // outside it, a lever set beyond its practical range keeps its setting reachable
  // a lever with operator steps (the answer time: 5, 10, 15, 20, 30 … minutes) is searched on them only
  const laddered = (lever: Lever): Lever & { ladder?: readonly number[] } => {
    const ladder = ladderOf(lever.path, lever.min, lever.max, positionOf(lever, base));
    return ladder ? { ...lever, ladder } : lever;
  };
  const levers = chosen.map((lever) => {
    if (keepToPlaybook) return laddered(withinPlaybook(lever, base));
    const current = positionOf(lever, base);
    return laddered({ ...lever, min: Math.min(lever.min, current), max: Math.max(lever.max, current) });
  });
  const settingsOf = (position: readonly number[]) => levers.map((l, i): Setting => [l.path, position[i]]);
  const scenarioAt = (position: readonly number[]) => withSettings(base, settingsOf(position));
  const start = levers.map((l) => positionOf(l, base));
  // with both the window's start and its length searched, each is narrowed alone: a pair that leaves 19:00–21:00 (20:00 for 2 hours) is not a candidate
  const windowAt = levers.flatMap((l, i) => (isWindowLever(l.path) ? [i] : []));
  const leavesWindow = (position: readonly number[]) => keepToPlaybook && windowAt.length === 2 && windowAt.some((i) => position[i] !== start[i])
    && breachesOf(windowAt.map((i): Setting => [levers[i].path, position[i]]), base).length > 0;
  // every run made, by position and run index (common random numbers: run r of a strategy is always the same run)
  const made = new Map<string, Map<number, Summary>>();
  const has = (p: readonly number[], firstRun: number, count: number) => {
    const runs = made.get(keyOf(p));
    if (!runs) return false;
    for (let r = firstRun; r < firstRun + count; r++) if (!runs.has(r)) return false;
    return true;
  };
  /** The summaries of a position's runs [firstRun, firstRun + count), running those not made yet; null for an invalid position. */
  const summaries = async (candidates: readonly (readonly number[])[], firstRun: number, count: number): Promise<(Summary[] | null)[]> => {
    const parsed = candidates.map((p) => (leavesWindow(p) ? { ok: false as const } : scenarioAt(p)));
    const needed = [...new Map(candidates.flatMap((p, i) => (parsed[i].ok && !has(p, firstRun, count) ? [[keyOf(p), i] as const] : []))).values()];
    const fresh = needed.length ? await evaluate(executor, needed.map((i) => (parsed[i] as { scenario: Scenario }).scenario), firstRun, count) : [];
    needed.forEach((i, k) => {
      const key = keyOf(candidates[i]);
      if (!made.has(key)) made.set(key, new Map());
      fresh[k].forEach((s, r) => made.get(key)!.set(firstRun + r, s));
    });
    return candidates.map((p, i) => (parsed[i].ok ? Array.from({ length: count }, (_, r) => made.get(keyOf(p))!.get(firstRun + r)!) : null));
  };
  /** How many of a position's runs from `firstRun` on (0: the search's) are made already. */
  const madeRuns = (p: readonly number[], firstRun = 0) => {
    const runs = made.get(keyOf(p));
    let n = 0;
    while (runs?.has(firstRun + n)) n++;
    return n;
  };
  /** The summaries of a position's runs [firstRun, firstRun + count) made so far (no run is made). */
  const madeSummaries = (p: readonly number[], firstRun: number, count: number): Summary[] => {
    const runs = made.get(keyOf(p));
    return Array.from({ length: count }, (_, r) => runs?.get(firstRun + r)).filter((x): x is Summary => x !== undefined);
  };
  const evaluator: CandidateEvaluator = async (candidates, firstRun, count) =>
    (await summaries(candidates, firstRun, count)).map((list) => (list ? list.map((s) => runRecord(goals, s)) : Array.from({ length: count }, () => INVALID)));
  const advised = playbookSettings(chosen, base);
  const playbook = levers.map((l, i) => advised.find(([path]) => path === l.path)?.[1] ?? start[i]);
  return { levers, settingsOf, scenarioAt, evaluator, summaries, madeRuns, madeSummaries, start, playbook };
}
