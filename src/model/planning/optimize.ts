/**
 * A search for the best strategy when every evaluation is a noisy ensemble,
 * independent of the model (tested on a noisy quadratic with a known optimum
 * under a budget).
 *
 * 1. Candidates: the current strategy, any other starts (the playbook
 *    strategy, the best points of a sweep) and a Latin hypercube over the
 *    chosen levers' ranges (space-filling), snapped to the levers' steps.
 * 2. Successive halving: every candidate gets a few runs; the better half gets
 *    twice as many, and so on, so runs go to the promising candidates. All
 *    candidates use the same run indices (common random numbers): they are
 *    compared on the same simulated populations.
 * 3. Global stage, a small genetic algorithm over the snapped levers: children
 *    of the best candidates (uniform crossover, mutation by a few steps or a
 *    jump anywhere in the range), screened by successive halving. Chosen over
 *    CMA-ES and Bayesian optimisation because the levers are discrete and mixed
 *    (whole numbers, options, yes/no), the objective is a share of runs with
 *    binomial noise, and a generation is one batch the workers run in parallel.
 * 4. Local refinement around the best: one step and a quarter of the range up
 *    and down each lever, and trades between two levers (one up, one down),
 *    screened on a quarter of the runs; the three most promising get all the
 *    runs, and a move is kept only if it improves the objective on them.
 * 5. Racing: the three leaders get more runs, in steps, until the 90 %
 *    interval of the paired difference between the first and the second
 *    excludes 0 (they are told apart) or a cap is reached (the result says which).
 *
 * The objective is either "maximise the chance that all goals are met with the
 * cost within a budget" or "minimise the cost with that chance at least p".
 * Feasibility is judged on the runs evaluated; a candidate that is not feasible
 * is never returned as the best (the result says when none is).
 */
import seedrandom from 'seedrandom';
import { pairedMean, quantileSorted } from '../stats.ts';
import { latinHypercubeUnit } from './latin-hypercube.ts';

export interface Dimension {
  readonly min: number;
  readonly max: number;
  readonly step: number;
  /**
   * The settings an operator would choose, ascending (e.g. answer times of 5, 10, 15, 20, 30, 45, 60, 90,
   * 120 minutes): when given, the search tries only these (and a current setting off them as the start),
   * and a step moves one rung.
   */
  readonly ladder?: readonly number[];
}

/** The rung of a ladder nearest a value. */
function rungOf(ladder: readonly number[], value: number): number {
  let best = 0;
  ladder.forEach((v, k) => { if (Math.abs(v - value) < Math.abs(ladder[best] - value)) best = k; });
  return best;
}

/** A value moved by `steps` steps of the dimension (on a ladder: rungs), snapped. */
export function stepBy(d: Dimension, value: number, steps: number): number {
  if (d.ladder?.length) return d.ladder[Math.min(d.ladder.length - 1, Math.max(0, rungOf(d.ladder, value) + steps))];
  return snapTo(d, value + steps * d.step);
}

/** The setting at a point u of [0, 1] along the dimension (on a ladder: its rungs spread evenly). */
export function atUnit(d: Dimension, u: number): number {
  if (d.ladder?.length) return d.ladder[Math.min(d.ladder.length - 1, Math.floor(u * d.ladder.length))];
  return snapTo(d, d.min + u * (d.max - d.min));
}

/** What one run of one candidate says. */
export interface RunRecord {
  /** 1 if the run meets every goal, else 0. */
  readonly met: number;
  /** A smooth guide when few runs meet every goal: how far the run falls short (0 = none). */
  readonly shortfall: number;
  /** E.g. team hours per week. */
  readonly cost: number;
  /** The run's median first answer in minutes (null: no question answered; absent when the evaluator does not say). */
  readonly answerMinutes?: number | null;
}

export type Objective =
  | { readonly kind: 'maxGoals'; readonly budget: number }
  | { readonly kind: 'minCost'; readonly minChance: number };

/** Evaluate candidates over run indices [firstRun, firstRun + count): records per candidate, per run. */
export type CandidateEvaluator = (candidates: readonly (readonly number[])[], firstRun: number, count: number) => Promise<RunRecord[][]>;

export interface SearchOptions {
  readonly dimensions: readonly Dimension[];
  /** The current strategy: always a candidate. */
  readonly start: readonly number[];
  readonly objective: Objective;
  readonly seed: number;
  /** Space-filling candidates besides the start (default 8 + 4 per dimension, at most 40). */
  readonly candidates?: number;
  /** Runs per candidate in the first round (default 10). */
  readonly firstRuns?: number;
  /** Runs per candidate in the last round and the refinement (default 80). */
  readonly finalRuns?: number;
  /** Refinement rounds at most (default 6); refinement stops when no neighbour is better. */
  readonly refineRounds?: number;
  /** More strategies to start from (the playbook strategy, the best points of a sweep): always candidates. */
  readonly starts?: readonly (readonly number[])[];
  /** Generations of the global stage (default 3; 0 skips it). */
  readonly generations?: number;
  /** Runs per leader at most while racing (default 4 × finalRuns; finalRuns skips racing). */
  readonly maxRuns?: number;
  readonly onProgress?: (stage: SearchStage, done: number, total: number) => void;
  /** At each stage's start (and each generation's and round's): the stage, and the runs expected from now to the end of the search. */
  readonly onStage?: (stage: SearchStage, left: number) => void;
  /** How many of a position's first runs are made already (in a goal seek, the frontier's): not counted in what is expected. */
  readonly madeRuns?: (position: readonly number[]) => number;
}

export type SearchStage = 'screen' | 'evolve' | 'refine' | 'race';

export interface Assessment {
  readonly position: readonly number[];
  readonly runs: number;
  /** Share of runs meeting every goal. */
  readonly chance: number;
  readonly meanShortfall: number;
  readonly medianCost: number;
  readonly feasible: boolean;
  /** Higher is better (see `score`). */
  readonly score: number;
}

export interface SearchResult {
  /** The best feasible candidate, or null when no candidate was feasible. */
  readonly best: Assessment | null;
  /** The start, assessed on the same runs as the best. */
  readonly start: Assessment;
  /** Other feasible candidates, best first (at most 5). */
  readonly runnersUp: readonly Assessment[];
  /** Runs simulated in all. */
  readonly evaluations: number;
  /** The cheapest candidate assessed on every final run (what the budget would have to be), feasible or not. */
  readonly cheapest: Assessment | null;
  /** Racing: whether the best was told apart from the runner-up (90 % interval of the paired difference above 0), and on how many runs. */
  readonly separated: boolean;
  readonly leaderRuns: number;
}

/** Weight of the shortfall beside the chance: small, so the chance always dominates once runs meet the goals. */
const SHORTFALL_WEIGHT = 0.05;

export function assess(position: readonly number[], records: readonly RunRecord[], objective: Objective): Assessment {
  const runs = records.length;
  const chance = records.reduce((s, r) => s + r.met, 0) / runs;
  const meanShortfall = records.reduce((s, r) => s + r.shortfall, 0) / runs;
  const medianCost = quantileSorted(Float64Array.from(records, (r) => r.cost).sort(), 0.5);
  const feasible = objective.kind === 'maxGoals' ? medianCost <= objective.budget : chance >= objective.minChance;
  const score = objective.kind === 'maxGoals'
    ? (feasible ? chance - SHORTFALL_WEIGHT * meanShortfall : -1 - (medianCost - objective.budget))
    : (feasible ? -medianCost : -1e9 * (1 - chance) - meanShortfall);
  return { position, runs, chance, meanShortfall, medianCost, feasible, score };
}

export function latinHypercube(n: number, dimensions: readonly Dimension[], seed: number): number[][] {
  return latinHypercubeUnit(n, dimensions.length, `${seed}:lhs`).map((row) => row.map((v, c) => atUnit(dimensions[c], v)));
}

export function snapTo(d: Dimension, value: number): number {
  if (d.ladder?.length) return d.ladder[rungOf(d.ladder, value)];
  const steps = Math.round((value - d.min) / d.step);
  return Number(Math.min(d.max, Math.max(d.min, d.min + steps * d.step)).toFixed(6));
}

export const keyOf = (p: readonly number[]): string => p.join(',');

/**
 * Every run of every candidate so far, by position. More runs for a candidate
 * extend the same run indices (common random numbers); candidates with the
 * same runs so far are evaluated together, on the next indices.
 */
export class RunBook {
  readonly records = new Map<string, RunRecord[]>();
  evaluations = 0;

  constructor(private readonly evaluate: CandidateEvaluator) {}

  async ensure(positions: readonly (readonly number[])[], runs: number, onProgress?: (done: number, total: number) => void): Promise<void> {
    const byHave = new Map<number, (readonly number[])[]>();
    for (const p of positions) {
      const have = this.records.get(keyOf(p))?.length ?? 0;
      if (have >= runs) continue;
      if (!byHave.has(have)) byHave.set(have, []);
      byHave.get(have)!.push(p);
    }
    const total = [...byHave].reduce((s, [have, list]) => s + (runs - have) * list.length, 0);
    let done = 0;
    if (total) onProgress?.(0, total);
    for (const [have, list] of byHave) {
      const fresh = await this.evaluate(list, have, runs - have);
      list.forEach((p, i) => {
        const key = keyOf(p);
        this.records.set(key, [...(this.records.get(key) ?? []), ...fresh[i]]);
      });
      done += (runs - have) * list.length;
      this.evaluations += (runs - have) * list.length;
      onProgress?.(done, total);
    }
  }
}

/** Distinct positions of the space searched (capped: only compared with small counts). */
export function spaceSize(dimensions: readonly Dimension[]): number {
  return dimensions.reduce((n, d) => Math.min(1e9, n * (d.ladder?.length || Math.round((d.max - d.min) / d.step) + 1)), 1);
}

/** Runs of a successive halving of n candidates from `firstRuns` to `finalRuns` (as `search` does it), when each has about `made` runs already. */
function halvingRuns(n: number, firstRuns: number, finalRuns: number, made = 0): number {
  if (n <= 0) return 0;
  let total = 0;
  let pool = n;
  let runs = firstRuns;
  let had = made;
  for (;;) {
    total += pool * Math.max(0, runs - had);
    had = Math.max(had, runs);
    if (pool <= 3 || runs >= finalRuns) break;
    pool = Math.max(3, Math.ceil(pool / 2));
    runs = Math.min(finalRuns, runs * 2);
  }
  return total + pool * Math.max(0, finalRuns - had);
}

/** A search's sizes from its options (the defaults of `search`). */
function sizesOf(dimensions: readonly Dimension[], options: { readonly candidates?: number; readonly firstRuns?: number; readonly finalRuns?: number; readonly generations?: number; readonly maxRuns?: number }) {
  const firstRuns = options.firstRuns ?? 10;
  const finalRuns = Math.max(firstRuns, options.finalRuns ?? 80);
  return {
    firstRuns, finalRuns,
    count: options.candidates ?? Math.min(40, 8 + 4 * dimensions.length),
    children: Math.min(16, 4 + 2 * dimensions.length),
    generations: options.generations ?? 3,
    screenRuns: Math.max(firstRuns, Math.ceil(finalRuns / 4)),
    maxRuns: Math.max(finalRuns, options.maxRuns ?? 4 * finalRuns),
    size: spaceSize(dimensions),
  };
}

/** Share of a generation's children that are new (not a parent, nor tried before): measured 0.8 on knowledge sharing (3 and 7 levers). */
const NEW_CHILDREN = 0.8;

/** The runs of the stages after the screening, as expected: `tried` positions known when they start; each refinement round's neighbours, once; the racing to its cap. */
function laterRuns(sizes: ReturnType<typeof sizesOf>, levers: number, tried: number, generationsLeft: number, made = 0) {
  const { finalRuns, screenRuns, children, size, maxRuns, firstRuns } = sizes;
  const untried = Math.max(0, size - tried);
  const brood = Math.min(Math.round(NEW_CHILDREN * children), untried);
  const neighbours = Math.min(2 * levers + levers * (levers - 1), Math.max(0, size - 1));
  return {
    evolve: generationsLeft * halvingRuns(brood, firstRuns, finalRuns, made),
    // one round of neighbours, most of them new, and the three most promising to every run
    refine: neighbours ? Math.round(0.8 * neighbours) * screenRuns + Math.min(3, neighbours) * (finalRuns - screenRuns) : 0,
    // three leaders and the current strategy, to the cap (leaders are rarely told apart sooner)
    race: Math.min(4, size + 1) * (maxRuns - finalRuns),
  };
}

/**
 * The runs each stage of a search is expected to take, before it starts, for
 * its progress and time left (`search` says more as each stage starts:
 * `onStage`): the starts and the screening as planned, no more candidates than
 * the space holds (a lever narrowed to the playbook may have one setting).
 */
export function expectedSearchRuns(dimensions: readonly Dimension[], options: { readonly starts: number; readonly candidates?: number; readonly firstRuns?: number; readonly finalRuns?: number; readonly generations?: number; readonly maxRuns?: number; readonly made?: number }): number {
  const sizes = sizesOf(dimensions, options);
  const lhs = Math.min(sizes.count, Math.max(0, sizes.size - options.starts));
  const later = laterRuns(sizes, dimensions.length, options.starts + lhs, sizes.generations, options.made);
  return options.starts * sizes.finalRuns + halvingRuns(lhs, sizes.firstRuns, sizes.finalRuns, options.made) + later.evolve + later.refine + later.race;
}

export async function search(evaluate: CandidateEvaluator, options: SearchOptions): Promise<SearchResult> {
  const { dimensions, objective } = options;
  const sizes = sizesOf(dimensions, options);
  const { firstRuns, finalRuns, count } = sizes;
  // the runs expected from here to the end of the search, at each stage's start
  const expect = (stage: SearchStage, now: number, tried: number, generationsLeft: number, from: 'evolve' | 'refine' | 'race') => {
    const later = laterRuns(sizes, dimensions.length, tried, generationsLeft);
    options.onStage?.(stage, now + (from === 'evolve' ? later.evolve : 0) + (from !== 'race' ? later.refine : 0) + later.race);
  };
  // the current strategy is judged as it is, even where it lies outside the ranges searched (e.g. outside the playbook);
  // every other candidate is inside them
  const start = [...options.start];

  // Runs per candidate are kept by position; more runs extend the same run indices.
  const book = new RunBook(evaluate);
  const { records } = book;
  const ensureRuns = (positions: readonly (readonly number[])[], runs: number, stage: SearchStage) =>
    book.ensure(positions, runs, (done, total) => options.onProgress?.(stage, done, total));
  const assessAt = (p: readonly number[], runs: number) => assess(p, records.get(keyOf(p))!.slice(0, runs), objective);
  const ranked = (positions: readonly (readonly number[])[], runs: number) =>
    positions.map((p) => assessAt(p, runs)).sort((a, b) => b.score - a.score);

  // 1–2: the starts and space-filling candidates, successive halving
  const seen = new Set<string>();
  const fresh = (list: readonly (readonly number[])[]) => list.filter((p) => !seen.has(keyOf(p)) && seen.add(keyOf(p)));
  const starts = fresh([start, ...(options.starts ?? []).map((p) => dimensions.map((d, i) => snapTo(d, p[i])))]);
  const halve = async (candidates: readonly (readonly number[])[], stage: SearchStage) => {
    let pool = [...candidates];
    let runs = firstRuns;
    for (;;) {
      await ensureRuns(pool, runs, stage);
      if (pool.length <= 3 || runs >= finalRuns) break;
      pool = ranked(pool, runs).slice(0, Math.max(3, Math.ceil(pool.length / 2))).map((a) => a.position);
      runs = Math.min(finalRuns, runs * 2);
    }
    await ensureRuns(pool, finalRuns, stage);
    return pool;
  };
  // the starts always get every run: the planner's and the playbook's strategies are judged, not screened out
  const design = fresh(latinHypercube(count, dimensions, options.seed));
  // runs made already (a goal seek's frontier): the starts' and, on average, the design's
  const made = (p: readonly number[]) => options.madeRuns?.(p) ?? 0;
  const designMade = design.length ? design.reduce((sum, p) => sum + made(p), 0) / design.length : 0;
  expect('screen', starts.reduce((sum, p) => sum + Math.max(0, finalRuns - made(p)), 0) + halvingRuns(design.length, firstRuns, finalRuns, designMade), seen.size, sizes.generations, 'evolve');
  await ensureRuns(starts, finalRuns, 'screen');
  let pool: (readonly number[])[] = [...starts, ...await halve(design, 'screen')];

  // 3: global stage — children of the best, screened the same way
  const u = seedrandom.alea(`${options.seed}:evolve`) as unknown as () => number;
  const { children, generations } = sizes;
  for (let generation = 0; generation < generations; generation++) {
    const elites = ranked(pool, finalRuns).slice(0, 6).map((a) => a.position);
    const brood = fresh(Array.from({ length: children }, () => childOf(elites, dimensions, u)));
    if (!brood.length) break;
    expect('evolve', halvingRuns(brood.length, firstRuns, finalRuns, brood.reduce((sum, p) => sum + made(p), 0) / brood.length), seen.size, generations - generation - 1, 'evolve');
    pool = [...pool, ...await halve(brood, 'evolve')];
  }
  let incumbent = ranked(pool, finalRuns)[0];

  // 4: local refinement on the same runs: neighbours are screened with a quarter
  // of the runs, the three most promising get the full count
  const { screenRuns } = sizes;
  for (let round = 0; round < (options.refineRounds ?? 6); round++) {
    const neighbours = neighboursOf(incumbent.position, dimensions);
    const lacking = (runs: number) => (p: readonly number[]) => Math.max(0, runs - (records.get(keyOf(p))?.length ?? 0));
    const thisRound = neighbours.reduce((sum, p) => sum + Math.max(0, lacking(screenRuns)(p) - made(p)), 0) + Math.min(3, neighbours.length) * (finalRuns - screenRuns);
    expect('refine', thisRound, seen.size, 0, 'race');
    await ensureRuns(neighbours, screenRuns, 'refine');
    const promising = ranked(neighbours, screenRuns).slice(0, 3).map((a) => a.position);
    await ensureRuns(promising, finalRuns, 'refine');
    const challenger = ranked(promising, finalRuns)[0];
    if (challenger.score <= incumbent.score) break;
    pool.push(challenger.position);
    incumbent = challenger;
  }

  const everyone = [...records.keys()]
    .filter((key) => records.get(key)!.length >= finalRuns)
    .map((key) => assessAt(key.split(',').map(Number), finalRuns))
    .sort((a, b) => b.score - a.score);

  // 5: racing the leaders until the first is told apart from the second
  const { maxRuns } = sizes;
  let leaders = everyone.filter((a) => a.feasible).slice(0, 3).map((a) => a.position);
  options.onStage?.('race', (leaders.length > 1 ? leaders.length * (maxRuns - finalRuns) : 0) + Math.max(0, (leaders.length > 1 ? maxRuns : finalRuns) - (records.get(keyOf(start))?.length ?? 0)));
  let leaderRuns = finalRuns;
  let separated = leaders.length < 2 || apart(records.get(keyOf(leaders[0]))!, records.get(keyOf(leaders[1]))!, leaderRuns);
  while (!separated && leaderRuns < maxRuns) {
    leaderRuns = Math.min(maxRuns, leaderRuns + Math.ceil(finalRuns / 2));
    await ensureRuns(leaders, leaderRuns, 'race');
    leaders = ranked(leaders, leaderRuns).map((a) => a.position);
    separated = apart(records.get(keyOf(leaders[0]))!, records.get(keyOf(leaders[1]))!, leaderRuns);
  }
  // the current strategy is judged on as many runs as the leaders, so the two are compared like for like
  await ensureRuns([start], leaderRuns, 'race');
  const raced = ranked(leaders, leaderRuns).filter((a) => a.feasible);
  const feasible = [...raced, ...everyone.filter((a) => a.feasible && !leaders.some((l) => keyOf(l) === keyOf(a.position)))];
  const cheapest = everyone.reduce<Assessment | null>((c, a) => (!c || a.medianCost < c.medianCost ? a : c), null);
  return {
    best: feasible[0] ?? null,
    start: assessAt(start, leaderRuns),
    runnersUp: feasible.slice(1, 6),
    evaluations: book.evaluations,
    cheapest,
    separated,
    leaderRuns,
  };
}

/** Whether the first is better than the second on their first `runs` runs: the 90 % interval of the paired difference in goals met excludes 0. */
function apart(first: readonly RunRecord[], second: readonly RunRecord[], runs: number): boolean {
  return pairedMean(first.slice(0, runs).map((r, i) => r.met - second[i].met)).interval[0] > 0;
}

/** A child of two elites: each lever from either parent, then (with chance 1/levers, at least once a child) a few steps or a jump anywhere. */
export function childOf(elites: readonly (readonly number[])[], dimensions: readonly Dimension[], u: () => number): number[] {
  const a = elites[Math.floor(u() * elites.length)];
  const b = elites[Math.floor(u() * elites.length)];
  const child = dimensions.map((d, i) => snapTo(d, u() < 0.5 ? a[i] : b[i]));
  const rate = 1 / dimensions.length;
  let mutated = false;
  const mutate = (i: number) => {
    const d = dimensions[i];
    child[i] = u() < 0.3 ? atUnit(d, u()) : stepBy(d, child[i], (u() < 0.5 ? -1 : 1) * (1 + Math.floor(u() * 3)));
    mutated = true;
  };
  dimensions.forEach((_, i) => { if (u() < rate) mutate(i); });
  if (!mutated) mutate(Math.floor(u() * dimensions.length));
  return child;
}

/** One step and a quarter of the range up and down each lever, and trades of one and three steps between two levers. */
function neighboursOf(position: readonly number[], dimensions: readonly Dimension[]): number[][] {
  const out = new Map<string, number[]>();
  // a neighbour lies inside the ranges searched, even around a start outside them
  const add = (p: number[]) => { const q = p.map((v, i) => snapTo(dimensions[i], v)); if (keyOf(q) !== keyOf(position)) out.set(keyOf(q), q); };
  dimensions.forEach((d, i) => {
    // a quarter of the range, in steps (on a ladder: in rungs)
    const far = d.ladder?.length ? Math.max(1, Math.round((d.ladder.length - 1) / 4)) : Math.max(1, Math.round((snapTo(d, d.min + (d.max - d.min) / 4) - d.min) / d.step));
    for (const steps of [-far, -1, 1, far]) {
      const p = [...position];
      p[i] = stepBy(d, p[i], steps);
      add(p);
    }
  });
  dimensions.forEach((di, i) => dimensions.forEach((dj, j) => {
    if (i === j) return;
    for (const steps of [1, 3]) {
      const p = [...position];
      p[i] = stepBy(di, p[i], steps);
      p[j] = stepBy(dj, p[j], -steps);
      add(p);
    }
  }));
  return [...out.values()];
}
