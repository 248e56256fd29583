/**
 * Why goals are missed, and what to change: every lever is moved over its
 * whole practical range (its ends, a coarse grid, every option and the
 * playbook's own setting), each move run with the current strategy's seed and
 * run indices (paired). Moves are screened on the first runs; the most
 * promising, and the best for each missed goal, get every run; then the best
 * moves on different levers are tried in pairs. Everything is ranked by the
 * chance of meeting every goal at once, a move against the playbook below a
 * playbook-consistent one of similar value, and each move shows what it costs
 * the other goals, missed or not. An emptied or silent group is explained from
 * its own numbers.
 */
import type { Summary, SummaryKey } from '../metrics.ts';
import { goalsOf, meetsAll, meetsGoal, RELIABLY_MET as RELIABLE, shortfall, type Threshold } from '../playbook.ts';
import type { Scenario } from '../scenario.ts';
import { type Bilingual } from '../text.ts';
import { pairedMean, quantileSorted, wilson } from '../stats.ts';
import { evaluateRanges, type Executor, type RunRange } from './jobs.ts';
import { explainOutcome } from './outcome.ts';
import { HOLDOUT_FIRST_RUN, medianAnswer } from './goal-seek.ts';
import { advicePosition, breachesOf, playbookSettings, scenarioBreaches, type Breach } from './guardrails.ts';
import { gridOf, isWindowLever, leverAt, LEVERS, leversFor, needsMissing, positionOf, WINDOW_HOURS_PATH, WINDOW_PATH, withSettings, type Lever, type Setting } from './levers.ts';

/** A goal met in fewer runs than this is "not reliably met" and gets a diagnosis (the scorecard's "pass" cut-off). */
export const RELIABLY_MET = RELIABLE;
/** A move must raise a goal's chance by at least this much to be suggested for it. */
export const WORTH_SUGGESTING = 0.05;
/** A move against the playbook ranks below a playbook-consistent one unless it is better by more than this (a share of runs). */
export const PLAYBOOK_MARGIN = 0.05;
/** Beside the chance of meeting every goal, how far runs fall short of them steers the ranking (small: the chance dominates). */
const SHORTFALL_WEIGHT = 0.05;

/** How the work is cut (judgement: a first look on a third of the runs, then every run for the best). */
export const DIAGNOSIS_PLAN = {
  /** Runs per move in the first look at every move (successive halving: Jamieson & Talwalkar 2016). */
  firstLookRuns: 10,
  /** The share of the moves, best first, that get a second look … */
  secondLookShare: 1 / 3,
  /** … and, per missed goal, the moves that raise it most. */
  secondLookPerGoal: 3,
  /** Runs per move after the second look (at most the diagnosis' runs); a pair's first look, too. */
  screenRuns: 20,
  /** Points of a numeric lever's coarse grid, ends included. */
  gridPoints: 5,
  /** A grid move smaller than this share of the lever's range is not tried (its ends and the playbook's setting always are). */
  smallestMove: 0.1,
  /** Single moves given every run after the screening. */
  shortlist: 10,
  /** Per missed goal, the moves that raise it most are given every run as well. */
  perGoal: 2,
  /** The best moves on this many different levers are tried in pairs. */
  pairedLevers: 6,
  /** Remedies listed overall and per goal. */
  listed: 6,
  perGoalListed: 3,
} as const;

export interface Move {
  readonly path: string;
  readonly from: number;
  readonly to: number;
}

/** What a remedy does to one goal. */
export interface GoalEffect {
  readonly metric: SummaryKey;
  /** Share of runs meeting the goal, current → with the remedy. */
  readonly metShare: readonly [before: number, after: number];
  /** Paired median difference of the goal's KPI (with the remedy − current). */
  readonly kpiChange: number;
  /** Mean relative shortfall from the goal (0 = met in every run), current → with the remedy. */
  readonly shortfall: readonly [before: number, after: number];
}

/** One move or a pair of moves, with what it does to every goal. */
export interface Remedy {
  readonly moves: readonly Move[];
  readonly runs: number;
  /** Share of runs meeting every goal, current → with the remedy, and the 90 % interval of the latter (Wilson). */
  readonly allGoals: readonly [before: number, after: number];
  readonly allGoalsInterval: readonly [number, number];
  readonly goals: readonly GoalEffect[];
  /** Median team hours per week, current → with the remedy (what it costs the team). */
  readonly hours: readonly [before: number, after: number];
  /** The playbook's guardrails the remedy leaves (empty: it keeps to the playbook). */
  readonly breaches: readonly Breach[];
  /**
   * How long questions wait: the median over runs of each run's median first
   * answer, in minutes, current → with the remedy (null when no question was
   * answered; absent in results saved before it).
   */
  readonly answerMinutes?: readonly [before: number, after: number] | null;
  /**
   * Re-run on fresh runs the search never saw (the figures above are then
   * those runs'): the paired difference in the share meeting every goal, with
   * its 90 % interval, and whether that interval is above 0 (confirmed); and
   * the same for each goal alone (`goals`: what a section under a missed goal
   * confirms; absent in results saved before it).
   */
  readonly check?: {
    readonly firstRun: number; readonly difference: number; readonly interval: readonly [number, number]; readonly confirmed: boolean;
    readonly goals?: readonly GoalCheck[];
  };
}

/** A remedy's check on one goal: the paired difference in the share of fresh runs meeting it, with its 90 % interval. */
export interface GoalCheck {
  readonly metric: SummaryKey;
  readonly difference: number;
  readonly interval: readonly [number, number];
  readonly confirmed: boolean;
}

export interface GoalDiagnosis {
  readonly threshold: Threshold;
  readonly metShare: number;
  readonly median: number | null;
  /** Remedies that raise this goal's chance, best first (once checked, only those fresh runs confirm for this goal); empty when none does. */
  readonly moves: readonly Remedy[];
  /** Remedies that raised this goal's chance in the search but that fresh runs do not confirm for it, playbook-consistent only; listed apart, without Apply. */
  readonly unconfirmed?: readonly Remedy[];
}

export interface Diagnosis {
  readonly kind: 'diagnosis';
  readonly scenario: string;
  readonly seed: number;
  readonly runs: number;
  readonly screenRuns: number;
  /** Runs of the first look at every move (successive halving; absent in results saved before it). */
  readonly firstLookRuns?: number;
  /** Single moves screened, and pairs tried on every run. */
  readonly movesTried: number;
  readonly pairsTried: number;
  readonly allGoals: number;
  readonly allGoalsInterval: readonly [number, number];
  /** Where the current strategy already leaves the playbook. */
  readonly breaches: readonly Breach[];
  /** The best remedies for every goal at once (one move or a pair), best first: once checked, only those fresh runs confirm. */
  readonly remedies: readonly Remedy[];
  /** Remedies that raised the chance in the search but that fresh runs do not confirm (may be noise), playbook-consistent only; listed apart. */
  readonly unconfirmed?: readonly Remedy[];
  /** True when the remedies listed raise the chance of every goal at once; false when none does (they only bring runs closer). */
  readonly remediesRaise: boolean;
  readonly goals: readonly GoalDiagnosis[];
  readonly outcome: readonly Bilingual[];
}

/** The settings a lever is tried at: every option, or its ends, a coarse grid and the playbook's setting. */
export function movesOf(lever: Lever, scenario: Scenario): Move[] {
  const from = positionOf(lever, scenario);
  // a grid point next to the current setting is not a move worth reporting (14 → 15 days is noise, not advice)
  const near = (to: number) => !lever.options && Math.abs(to - from) < DIAGNOSIS_PLAN.smallestMove * (lever.max - lever.min) && to !== lever.min && to !== lever.max;
  const targets = new Set<number>(gridOf(lever, DIAGNOSIS_PLAN.gridPoints).filter((to) => !near(to)));
  const advice = advicePosition(lever, scenario);
  if (advice !== undefined && advice >= lever.min && advice <= lever.max) targets.add(advice);
  targets.delete(from);
  // interchangeable options (a theme day's weekdays): only "none" ↔ the playbook's day; Thursday → Wednesday is the run's calendar, not advice
  if (lever.options && lever.lateral) {
    const lateral = (i: number) => lever.lateral!.includes(String(lever.options![i].value));
    for (const to of [...targets]) if (lateral(to) && (lateral(from) || to !== advice)) targets.delete(to);
  }
  return [...targets].sort((a, b) => a - b).map((to) => ({ path: lever.path, from, to }));
}

const share = (list: readonly Summary[], test: (s: Summary) => boolean) => list.filter(test).length / list.length;

function pairedMedian(a: readonly Summary[], b: readonly Summary[], key: SummaryKey): number {
  const diffs: number[] = [];
  b.forEach((s, r) => {
    const x = a[r][key];
    const y = s[key];
    if (x !== null && y !== null) diffs.push(y - x);
  });
  return diffs.length ? quantileSorted(Float64Array.from(diffs).sort(), 0.5) : 0;
}

const meanShortfall = (list: readonly Summary[], g: Threshold) => list.reduce((sum, s) => sum + shortfall(g, s[g.metric]), 0) / list.length;

/** A remedy's effects from the current strategy's runs and its own (the same run indices; `after` may be the first runs only). */
export function remedyOf(base: Scenario, moves: readonly Move[], current: readonly Summary[], after: readonly Summary[]): Remedy {
  const goals = goalsOf(base);
  const before = current.slice(0, after.length);
  const hits = after.filter((s) => meetsAll(goals, s)).length;
  return {
    moves,
    runs: after.length,
    allGoals: [share(before, (s) => meetsAll(goals, s)), hits / after.length],
    allGoalsInterval: wilson(hits, after.length),
    goals: goals.map((g) => ({
      metric: g.metric,
      metShare: [share(before, (s) => meetsGoal(g, s[g.metric])), share(after, (s) => meetsGoal(g, s[g.metric]))],
      kpiChange: pairedMedian(before, after, g.metric),
      shortfall: [meanShortfall(before, g), meanShortfall(after, g)],
    })),
    hours: [medianHours(before), medianHours(after)],
    breaches: breachesOf(moves.map((m): Setting => [m.path, m.to]), base),
    answerMinutes: medianAnswer(before, after),
  };
}

/**
 * Answers slower by enough to say so: the median first answer later by at
 * least a minute and a tenth (judgement: smaller shifts are the runs' noise
 * when a move does not touch the team). The cost is stated wherever the move
 * or recommendation is shown ("questions wait longer: median first answer
 * 12 → 31 min"); the playbook sets no answer time outside customer service.
 */
export const SLOWER_ANSWERS = { minutes: 1, share: 0.1 } as const;
export const answersSlower = (wait: readonly [number, number] | null | undefined): wait is readonly [number, number] =>
  wait !== null && wait !== undefined && wait[1] - wait[0] >= Math.max(SLOWER_ANSWERS.minutes, SLOWER_ANSWERS.share * wait[0]);

const medianHours = (list: readonly Summary[]) => quantileSorted(Float64Array.from(list, (s) => s.teamHoursPerWeek ?? 0).sort(), 0.5);

/** The ranking value: the chance of meeting every goal, less a margin for leaving the playbook, steered by how far runs fall short. */
export function rankValue(r: Remedy): number {
  const shortfallAfter = r.goals.reduce((s, g) => s + g.shortfall[1], 0) / Math.max(1, r.goals.length);
  return r.allGoals[1] - (r.breaches.length ? PLAYBOOK_MARGIN : 0) - SHORTFALL_WEIGHT * shortfallAfter;
}

/** Best first: a remedy confirmed on fresh runs before one that is not, a playbook-consistent one before one against it, then by rankValue. */
const byRank = (a: Remedy, b: Remedy) => Number(b.check?.confirmed ?? false) - Number(a.check?.confirmed ?? false)
  || Number(a.breaches.length > 0) - Number(b.breaches.length > 0) || rankValue(b) - rankValue(a);

/**
 * Moves that lower the team's service: slower answers, less enforcement, fewer
 * admins than the playbook's 3 (§3). An operator does not do the job worse on
 * a hunch: such a move is listed only when fresh runs confirm it with a clear
 * gain (SERVICE_GAIN) in the chance of meeting every goal.
 */
export const LOWERS_SERVICE: readonly { readonly path: string; readonly worse: 'up' | 'down'; readonly below?: number }[] = [
  { path: 'team.replyMinutes', worse: 'up' },
  { path: 'penalties.detection', worse: 'down' },
  { path: 'penalties.enabled', worse: 'down' },
  { path: 'team.admins', worse: 'down', below: 3 },
];
/** The confirmed gain (a share of runs, the fresh runs' paired difference) a move that lowers the team's service must show. */
export const SERVICE_GAIN = 0.1;

/** Whether a remedy lowers the team's service (LOWERS_SERVICE). */
export function lowersService(r: Remedy): boolean {
  return r.moves.some((m) => LOWERS_SERVICE.some((l) => l.path === m.path
    && (l.worse === 'up' ? m.to > m.from : m.to < m.from) && (l.below === undefined || m.to < l.below)));
}

/** A move that lowers the team's service without a confirmed clear gain is not shown. */
const serviceJustified = (r: Remedy) => !lowersService(r) || (r.check !== undefined && r.check.confirmed && r.check.difference >= SERVICE_GAIN);

/** Whether a remedy moves a goal's own KPI the right way (a band: closer to it), not only its share met. */
export function improvesGoal(e: GoalEffect, g: Threshold): boolean {
  if (g.direction === 'between') return e.shortfall[1] < e.shortfall[0];
  return g.direction === 'atLeast' || g.direction === 'above' ? e.kpiChange > 0 : e.kpiChange < 0;
}

/**
 * A band goal left on its upper side (more than 15 messages a day in a
 * knowledge group): it still counts against every goal at once, but an
 * operator reads a busier group as lively, not harmed — a note, not a cost.
 */
const busier = (g: GoalEffect, goals: readonly Threshold[]) => g.kpiChange > 0 && goals.find((t) => t.metric === g.metric)?.direction === 'between';

const worse = (g: GoalEffect) => g.metShare[0] - g.metShare[1] >= WORTH_SUGGESTING || g.shortfall[1] - g.shortfall[0] >= WORTH_SUGGESTING;

/** Other goals a remedy costs: met less often by WORTH_SUGGESTING, or missed by more (mean shortfall up by as much), missed already or not; a busier band is a note (`notesOf`), not a cost. */
export function costsOf(r: Remedy, goals: readonly Threshold[], except?: SummaryKey): GoalEffect[] {
  return r.goals.filter((g) => g.metric !== except && worse(g) && !busier(g, goals));
}

/** Band goals a remedy leaves on their upper side more often (busier than the playbook's 5–15 messages a day). */
export function notesOf(r: Remedy, goals: readonly Threshold[], except?: SummaryKey): GoalEffect[] {
  return r.goals.filter((g) => g.metric !== except && worse(g) && busier(g, goals));
}

/** Goals a remedy makes met more often, by WORTH_SUGGESTING or more. */
export function gainsOf(r: Remedy, except?: SummaryKey): GoalEffect[] {
  return r.goals.filter((g) => g.metric !== except && g.metShare[1] - g.metShare[0] >= WORTH_SUGGESTING);
}

const keyOfMoves = (moves: readonly Move[]) => moves.map((m) => `${m.path}=${m.to}`).join('&');
const pathsOf = (moves: readonly Move[]) => moves.map((m) => m.path).join('&');

/**
 * The playbook's own window, 19:00–21:00, as one move (its start and its length; §5) when the
 * window differs in both: moving either alone keeps the other, so neither reaches it.
 */
export function playbookWindowMove(usable: readonly Lever[], scenario: Scenario): (readonly Move[])[] {
  const levers = [WINDOW_PATH, WINDOW_HOURS_PATH].map((path) => usable.find((l) => l.path === path));
  const moves = levers.flatMap((lever): Move[] => {
    const advice = lever && advicePosition(lever, scenario);
    return lever && advice !== undefined ? [{ path: lever.path, from: positionOf(lever, scenario), to: advice }] : [];
  });
  return moves.length === 2 && moves.every((m) => m.from !== m.to) ? [moves] : [];
}

/**
 * A lever that needs another switched on (a team points competition with the
 * points off: `needs` on its field record) is moved together with that lever,
 * set to the playbook's setting: "points none → per effective message + team
 * competition no → yes" is one move, never "competition no → yes" alone.
 */
export function withNeededMoves(scenario: Scenario): (readonly Move[])[] {
  return LEVERS.flatMap((lever): (readonly Move[])[] => {
    if (!lever.needs || !needsMissing(lever, scenario) || (lever.positionings && !lever.positionings.includes(scenario.group.positioning))) return [];
    const needed = leverAt(lever.needs.path);
    const to = needed && advicePosition(needed, scenario);
    if (!needed || to === undefined) return [];
    const from = positionOf(needed, scenario);
    return movesOf({ ...lever, needs: undefined }, scenario).map((m) => [{ path: needed.path, from, to }, m]);
  });
}

/**
 * The playbook's basics a neglected group lacks, tried as one move: the
 * announcement with the covenant (§2), enforcing the covenant against ads
 * (§3, §4) and DMs to silent members (§6), each at the playbook's setting,
 * when at least two of them are missing. Alone each may change little (the
 * covenant is worth little unannounced, a DM little in a group with nothing to
 * come back to); together they are what an operator does first.
 */
export const BASICS = ['content.announcement', 'penalties.enabled', 'activation.dmPerAdminPerDay'] as const;
export function basicsMove(usable: readonly Lever[], scenario: Scenario): (readonly Move[])[] {
  const moves = BASICS.flatMap((path): Move[] => {
    const lever = usable.find((l) => l.path === path);
    const advice = lever && advicePosition(lever, scenario);
    if (!lever || advice === undefined) return [];
    const from = positionOf(lever, scenario);
    return breachesOf([[path, from]], scenario).length && from !== advice ? [{ path, from, to: advice }] : [];
  });
  return moves.length >= 2 ? [moves] : [];
}

/**
 * The playbook strategy as one move: every lever this group's operator sets
 * that leaves its guardrail, at the playbook's setting (`playbookSettings`),
 * when that is at least 3 levers and more than the basics. For a neglected
 * group it is the honest first comparison: on the no-operations preset it
 * meets every goal more often, for fewer team hours, than "posts 0 → 14 +
 * points + competition" (8 % vs 5 % of 100 fresh runs, 6.2 h vs 7 h a week).
 */
export function playbookStrategyMove(usable: readonly Lever[], scenario: Scenario): (readonly Move[])[] {
  // a lever held back only because the one it needs is off (the competition, while points are off) is moved with it
  const held = LEVERS.filter((l) => l.needs && needsMissing(l, scenario) && (!l.positionings || l.positionings.includes(scenario.group.positioning)));
  const levers = [...usable, ...held];
  const moves = playbookSettings(levers, scenario).map(([path, to]): Move => ({ path, from: positionOf(levers.find((l) => l.path === path)!, scenario), to }))
    .filter((m) => m.from !== m.to);
  const basics = basicsMove(usable, scenario)[0] ?? [];
  return moves.length >= 3 && moves.length > basics.length ? [moves] : [];
}

/** Whether a remedy is (or holds) the playbook's basics (`basicsMove`). */
export const isBasics = (r: { readonly moves: readonly Move[] }): boolean => BASICS.filter((p) => r.moves.some((m) => m.path === p)).length >= 2;

/** Whether every move sets its lever to the playbook's own setting (admins 3, the window 19:00–21:00, promotions 0). */
export function isPlaybookMove(moves: readonly Move[], scenario: Scenario): boolean {
  return moves.every((m) => { const lever = leverAt(m.path); return lever !== undefined && advicePosition(lever, scenario) === m.to; });
}

export async function diagnose(
  executor: Executor, base: Scenario, runs: number,
  onProgress?: (done: number, total: number) => void,
): Promise<Diagnosis> {
  const goals = goalsOf(base);
  const screenRuns = Math.min(runs, DIAGNOSIS_PLAN.screenRuns);
  const firstLook = Math.min(screenRuns, DIAGNOSIS_PLAN.firstLookRuns);
  // every move validated once: the invalid ones are left out
  const usable = leversFor(base);
  const singles = [...usable.flatMap((lever) => movesOf(lever, base).map((move): readonly Move[] => [move])), ...playbookWindowMove(usable, base),
    ...withNeededMoves(base), ...basicsMove(usable, base), ...playbookStrategyMove(usable, base)]
    .flatMap((moves) => {
      const parsed = withSettings(base, moves.map((m): Setting => [m.path, m.to]));
      return parsed.ok ? [{ moves, scenario: parsed.scenario }] : [];
    });
  // Progress in runs over the whole job. The later stages' sizes depend on what the earlier ones
  // find: until then they count as expected (EXPECTED_WORK), and the total is corrected as each is known.
  const pairCount = (DIAGNOSIS_PLAN.pairedLevers * (DIAGNOSIS_PLAN.pairedLevers - 1)) / 2;
  const work = {
    first: 2 * runs + singles.length * firstLook,
    second: Math.ceil(singles.length * DIAGNOSIS_PLAN.secondLookShare) * (screenRuns - firstLook),
    shortlist: (DIAGNOSIS_PLAN.shortlist + DIAGNOSIS_PLAN.perGoal) * (runs - screenRuns),
    pairs: pairCount * screenRuns + Math.round(pairCount * EXPECTED_WORK.pairsRaced) * (runs - screenRuns),
    check: EXPECTED_WORK.checked * runs,
  };
  const total = () => work.first + work.second + work.shortlist + work.pairs + work.check;
  let done = 0;
  const report = (d: number) => onProgress?.(Math.min(total(), done + d), total());
  const stage = async (ranges: readonly RunRange[]) => {
    const out = await evaluateRanges(executor, ranges, report);
    done += ranges.reduce((sum, r) => sum + r.runs, 0);
    return out;
  };

  // 1. the current strategy on the runs of the search and on fresh ones (for the check), and a first look at every move
  const [current, freshCurrent, ...looked] = await stage([
    { scenario: base, firstRun: 0, runs },
    { scenario: base, firstRun: CHECK_FIRST_RUN, runs },
    ...singles.map((c) => ({ scenario: c.scenario, firstRun: 0, runs: firstLook })),
  ]);
  const missed = goals.filter((g) => share(current, (s) => meetsGoal(g, s[g.metric])) < RELIABLY_MET);
  const gainFor = (g: Threshold) => (r: Remedy) => {
    const e = r.goals.find((x) => x.metric === g.metric)!;
    return e.metShare[1] - e.metShare[0] - (r.breaches.length ? PLAYBOOK_MARGIN : 0);
  };

  // 2. successive halving: the moves most promising for every goal at once, or for a missed goal, get a second look
  const firstRanked = singles.map((c, k) => ({ ...c, remedy: remedyOf(base, c.moves, current, looked[k]), runs: looked[k] }));
  const keep = Math.ceil(singles.length * DIAGNOSIS_PLAN.secondLookShare);
  const second = new Set([...firstRanked].sort((a, b) => byRank(a.remedy, b.remedy)).slice(0, keep));
  for (const g of missed) {
    const gain = gainFor(g);
    [...firstRanked].sort((a, b) => gain(b.remedy) - gain(a.remedy) || byRank(a.remedy, b.remedy)).slice(0, DIAGNOSIS_PLAN.secondLookPerGoal).forEach((c) => second.add(c));
  }
  // the playbook's own setting of each lever (and its whole window) is always a candidate: screened out on a first look of 10 runs, "admins 1 → 3" was never shown
  firstRanked.filter((c) => isPlaybookMove(c.moves, base)).forEach((c) => second.add(c));
  const survivors = [...second].sort((a, b) => firstRanked.indexOf(a) - firstRanked.indexOf(b));
  work.second = survivors.length * (screenRuns - firstLook);
  const more = await stage(survivors.map((c) => ({ scenario: c.scenario, firstRun: firstLook, runs: screenRuns - firstLook })));

  // the shortlist: the best for every goal at once (at most two settings per lever), and the best for each missed goal
  const first = survivors.map((c, k) => { const list = [...c.runs, ...more[k]]; return { ...c, remedy: remedyOf(base, c.moves, current, list), runs: list }; });
  const chosen = new Map<string, (typeof first)[number]>();
  const perLever = new Map<string, number>();
  for (const c of [...first].sort((a, b) => byRank(a.remedy, b.remedy))) {
    if (chosen.size >= DIAGNOSIS_PLAN.shortlist) break;
    const path = pathsOf(c.moves);
    if ((perLever.get(path) ?? 0) >= 2) continue;
    perLever.set(path, (perLever.get(path) ?? 0) + 1);
    chosen.set(keyOfMoves(c.moves), c);
  }
  for (const g of missed) {
    const gain = gainFor(g);
    [...first].sort((a, b) => gain(b.remedy) - gain(a.remedy) || byRank(a.remedy, b.remedy)).slice(0, DIAGNOSIS_PLAN.perGoal).forEach((c) => chosen.set(keyOfMoves(c.moves), c));
  }
  for (const c of first) if (isPlaybookMove(c.moves, base)) chosen.set(keyOfMoves(c.moves), c);
  // of each lever chosen, the setting nearest the current one or the playbook's among those the screening cannot tell from the best gets every run too
  for (const c of [...chosen.values()]) {
    const alike = first.filter((o) => leverKey(o.remedy) === leverKey(c.remedy) && o.remedy.allGoals[1] >= c.remedy.allGoalsInterval[0]);
    const nearest = alike.reduce((best, o) => (reach(o.remedy, base) < reach(best.remedy, base) ? o : best), c);
    chosen.set(keyOfMoves(nearest.moves), nearest);
  }
  const shortlist = [...chosen.values()];
  work.shortlist = shortlist.length * (runs - screenRuns);
  // 3. every run for the shortlist
  const rest = await stage(shortlist.map((c) => ({ scenario: c.scenario, firstRun: screenRuns, runs: runs - screenRuns })));
  const full = shortlist.map((c, k) => remedyOf(base, c.moves, current, [...c.runs, ...rest[k]]));

  // 4. pairs of the best moves on different levers
  // (the playbook's whole window counts as one move, on the window's two levers)
  const leaders: Remedy[] = [];
  const overlaps = (a: readonly Move[], b: readonly Move[]) => a.some((m) => b.some((o) => o.path === m.path));
  // (the playbook strategy moves most levers: paired, it would only block the pairs of the others)
  const strategy = keyOfMoves(playbookStrategyMove(usable, base)[0] ?? []);
  for (const r of [...full].sort(byRank)) {
    if (leaders.length >= DIAGNOSIS_PLAN.pairedLevers) break;
    if (keyOfMoves(r.moves) === strategy) continue;
    if (!leaders.some((l) => overlaps(l.moves, r.moves))) leaders.push(r);
  }
  // the playbook's basics are always paired with the best moves (alone they may bring runs only a little closer: a neglected group needs them with content)
  const basics = full.find((r) => isBasics(r) && r.moves.length === basicsMove(usable, base)[0]?.length);
  if (basics && !leaders.includes(basics) && !leaders.some((l) => overlaps(l.moves, basics.moves))) leaders.push(basics);
  const fullRuns = new Map(shortlist.map((c, k) => [keyOfMoves(c.moves), [...c.runs, ...rest[k]]]));
  const pairs = leaders.flatMap((a, i) => leaders.slice(i + 1).flatMap((b) => {
    const moves = [...a.moves, ...b.moves];
    const parsed = withSettings(base, moves.map((m): Setting => [m.path, m.to]));
    return parsed.ok ? [{ moves, parts: [a, b], scenario: parsed.scenario }] : [];
  }));
  // raced: each pair first on the screening's runs; only one that beats each of its moves alone on those runs gets every run
  work.pairs = pairs.length * screenRuns + Math.round(pairs.length * EXPECTED_WORK.pairsRaced) * (runs - screenRuns);
  const pairLook = await stage(pairs.map((p) => ({ scenario: p.scenario, firstRun: 0, runs: screenRuns })));
  const partOn = (part: Remedy, n: number) => remedyOf(base, part.moves, current, fullRuns.get(keyOfMoves(part.moves))!.slice(0, n));
  const racing = pairs.flatMap((p, k) => {
    const looks = remedyOf(base, p.moves, current, pairLook[k]);
    return p.parts.every((alone) => rankValue(looks) > rankValue(partOn(alone, screenRuns))) ? [{ ...p, runs: pairLook[k] }] : [];
  });
  work.pairs = pairs.length * screenRuns + racing.length * (runs - screenRuns);
  const pairRest = await stage(racing.map((p) => ({ scenario: p.scenario, firstRun: screenRuns, runs: runs - screenRuns })));
  const pairRemedies = racing.map((p, k) => ({ remedy: remedyOf(base, p.moves, current, [...p.runs, ...pairRest[k]]), parts: p.parts }))
    // a pair is worth listing only when it beats each of its moves alone
    .filter((p) => p.parts.every((alone) => rankValue(p.remedy) > rankValue(alone)));

  // 4b. nearer versions of the pairs that would be listed: each numeric lever a pair moves beyond the setting nearest the current one or
  // the playbook's is tried, with the other move kept, at each of its settings tried alone that is nearer, on every run; a version that
  // beats the other move alone is one more version of the pair, and the listing keeps the nearest of those the runs cannot tell from the
  // best (`distinctLevers`): "posts 2 → 14 + promotions 21 → 0" becomes "posts 2 → 3 + promotions 21 → 0" when that does as well
  const before = diagnosisFrom(base, current, [...full, ...pairRemedies.map((p) => p.remedy)], singles.length, pairs.length, screenRuns);
  const listedPairs = [...before.remedies, ...(before.unconfirmed ?? []), ...before.goals.flatMap((g) => [...g.moves, ...(g.unconfirmed ?? [])])]
    .filter((r, i, all) => leverKey(r).includes('&') && all.findIndex((o) => keyOfMoves(o.moves) === keyOfMoves(r.moves)) === i);
  const nearer = listedPairs.flatMap((r) => {
    const pair = pairRemedies.find((p) => keyOfMoves(p.remedy.moves) === keyOfMoves(r.moves));
    if (!pair) return [];
    return r.moves.flatMap((m) => {
      const lever = leverAt(m.path);
      if (!lever || lever.options || isWindowLever(m.path)) return [];
      const partner = pair.parts.find((part) => !part.moves.some((x) => x.path === m.path))!;
      const far = reachOf(lever, m.from, m.to, base);
      return movesOf(lever, base).filter((x) => reachOf(lever, x.from, x.to, base) < far - 1e-9).flatMap((x) => {
        const moves = r.moves.map((o) => (o.path === m.path ? x : o));
        const parsed = withSettings(base, moves.map((o): Setting => [o.path, o.to]));
        return parsed.ok ? [{ moves, partner, scenario: parsed.scenario }] : [];
      });
    });
  });
  work.pairs += nearer.length * runs;
  const nearerRuns = await stage(nearer.map((v) => ({ scenario: v.scenario, firstRun: 0, runs })));
  const tried = nearer.map((v, k) => ({ remedy: remedyOf(base, v.moves, current, nearerRuns[k]), partner: v.partner }));
  const versions = tried.filter((v) => rankValue(v.remedy) > rankValue(v.partner)).map((v) => v.remedy);
  // a far version is not shown when a nearer one does as well within its intervals (every goal at once and each goal) but adds
  // nothing to the other move alone: the far end's gain is then the other move's
  const asWell = (v: Remedy, r: Remedy) => v.allGoals[1] >= r.allGoalsInterval[0] && r.goals.every((g) => {
    const x = v.goals.find((o) => o.metric === g.metric)!;
    return x.metShare[1] >= wilson(Math.round(g.metShare[1] * r.runs), r.runs)[0];
  });
  const outdone = (r: Remedy) => tried.some((v) => !versions.includes(v.remedy) && leverKey(v.remedy) === leverKey(r)
    && reach(v.remedy, base) < reach(r, base) - 1e-9 && asWell(v.remedy, r));
  const kept = pairRemedies.map((p) => p.remedy).filter((r) => !outdone(r));

  // 5. the remedies that would be listed, re-run on fresh runs: the figures shown are not the ones that picked them (winner's curse)
  const searched = diagnosisFrom(base, current, [...full, ...kept, ...versions], singles.length, pairs.length + nearer.length, screenRuns);
  const listed = [...searched.remedies, ...searched.goals.flatMap((g) => g.moves)].filter((r, i, all) => all.findIndex((o) => keyOfMoves(o.moves) === keyOfMoves(r.moves)) === i);
  const checkScenarios = listed.flatMap((r) => { const parsed = withSettings(base, settingsOfRemedy(r)); return parsed.ok ? [parsed.scenario] : []; });
  work.check = checkScenarios.length * runs;
  const fresh = await stage(checkScenarios.map((scenario) => ({ scenario, firstRun: CHECK_FIRST_RUN, runs })));
  onProgress?.(total(), total());
  const checked = listed.map((r, k) => withCheck(remedyOf(base, r.moves, freshCurrent, fresh[k]), freshCurrent, fresh[k], goals));
  const result = diagnosisFrom(base, freshCurrent, checked, singles.length, pairs.length + nearer.length, screenRuns);
  // which goals are missed, and the group's outcome, are read on the runs the diagnosis started from
  return { ...result, firstLookRuns: firstLook, outcome: searched.outcome };
}

/** What the progress counts on before a stage's size is known (judgement, from the knowledge-sharing diagnoses). */
const EXPECTED_WORK = {
  /** Share of the pairs that beat their moves on the screening's runs and get every run. */
  pairsRaced: 0.2,
  /** Remedies re-run on fresh runs (those listed overall and per goal, most of them the same). */
  checked: 6,
} as const;

/** Fresh runs for the check start here (the goal seek's held-out runs: never used by a search). */
export const CHECK_FIRST_RUN = HOLDOUT_FIRST_RUN;

/** A remedy with its check on fresh runs: the paired difference in meeting every goal, and each goal alone, run by run. */
function withCheck(r: Remedy, before: readonly Summary[], after: readonly Summary[], goals: readonly Threshold[]): Remedy {
  const { mean, interval } = pairedMean(after.map((s, i) => (meetsAll(goals, s) ? 1 : 0) - (meetsAll(goals, before[i]) ? 1 : 0)));
  const perGoal = goals.map((g): GoalCheck => {
    const met = (s: Summary) => (meetsGoal(g, s[g.metric]) ? 1 : 0);
    const d = pairedMean(after.map((s, i) => met(s) - met(before[i])));
    return { metric: g.metric, difference: d.mean, interval: d.interval, confirmed: d.interval[0] > 0 };
  });
  return { ...r, check: { firstRun: CHECK_FIRST_RUN, difference: mean, interval, confirmed: interval[0] > 0, goals: perGoal } };
}

/** A remedy's check on one goal (absent: not checked, or a result saved before goals were checked one by one). */
export const goalCheckOf = (r: Remedy, metric: SummaryKey): GoalCheck | undefined => r.check?.goals?.find((g) => g.metric === metric);

/** The diagnosis from the current strategy's runs and the remedies evaluated on every run. */
export function diagnosisFrom(
  base: Scenario, current: readonly Summary[], remedies: readonly Remedy[], movesTried: number, pairsTried: number, screenRuns: number,
): Diagnosis {
  const goals = goalsOf(base);
  const hits = current.filter((s) => meetsAll(goals, s)).length;
  // a move against the playbook that fresh runs do not confirm is noise the playbook warns against: never advised
  const ranked = [...remedies].filter((r) => !(r.breaches.length && r.check && !r.check.confirmed)).sort(byRank);
  // a remedy must not make every goal at once less likely to be listed overall
  // listed overall: remedies that make every goal at once more likely; when none does, those that bring runs closer to the goals
  const raise = ranked.filter((r) => r.allGoals[1] > r.allGoals[0]);
  const closer = ranked.filter((r) => r.allGoals[1] >= r.allGoals[0] && rankValue(r) > rankValue(noChange(r)));
  // once checked on fresh runs, only confirmed remedies are advised; the others, playbook-consistent, are listed apart as possible noise
  const isChecked = remedies.some((r) => r.check);
  const reliable = (r: Remedy) => !isChecked || (r.check?.confirmed ?? false);
  const advisable = (r: Remedy) => serviceJustified(r) && hoursJustified(r, base, current);
  // (when none raises it reliably, the check on every goal at once cannot confirm a move that only brings runs closer: those are listed as they
  // are, marked; a raise fresh runs do not confirm is listed apart and does not hide them — over-marketing's "promotions 21 → 0" stays advice
  // when the whole playbook strategy raises the chance in the search but not on fresh runs)
  const raisers = raise.filter((r) => advisable(r) && reliable(r));
  const overall = distinctLevers(raisers.length ? raisers : closer.filter((r) => !raise.includes(r) && advisable(r)), DIAGNOSIS_PLAN.listed, base);
  // (a version of a remedy listed above is not listed again apart: one remedy per set of levers)
  const apart = (list: readonly Remedy[], shown: readonly Remedy[]) => list.filter((r) => !shown.some((o) => leverKey(o) === leverKey(r)));
  const unconfirmed = isChecked ? distinctLevers(apart(raise.filter((r) => !reliable(r) && !r.breaches.length && !lowersService(r) && hoursJustified(r, base, current)), overall), DIAGNOSIS_PLAN.listed, base) : [];
  const diagnosed = goals.flatMap((threshold): GoalDiagnosis[] => {
    const metShare = share(current, (s) => meetsGoal(threshold, s[threshold.metric]));
    if (metShare >= RELIABLY_MET) return [];
    // a move listed under a goal raises that goal's chance and moves its own KPI the right way; one that lowers the team's service needs a confirmed clear gain
    const helps = ranked.filter((r) => {
      const e = r.goals.find((g) => g.metric === threshold.metric)!;
      return e.metShare[1] - e.metShare[0] >= WORTH_SUGGESTING && improvesGoal(e, threshold) && serviceJustified(r);
    });
    // as the list above: once checked, only moves fresh runs confirm for this goal are advised (with Apply); the others, playbook-consistent, apart
    // (a result checked before goals were checked one by one falls back on the check of every goal at once)
    const goalReliable = (r: Remedy) => !isChecked || (goalCheckOf(r, threshold.metric) ?? r.check)?.confirmed === true;
    const values = current.map((s) => s[threshold.metric]).filter((v): v is number => v !== null).sort((a, b) => a - b);
    // the playbook's basics (announcement, covenant, DMs) lead a goal they confirmedly raise: what an operator does first, before more content or events
    // (of similar value: at least half the best one's gain on this goal)
    const gainOn = (r: Remedy) => { const e = r.goals.find((g) => g.metric === threshold.metric)!; return e.metShare[1] - e.metShare[0]; };
    const basicsFirst = (list: readonly Remedy[]) => {
      const best = Math.max(0, ...list.map(gainOn));
      const lead = (r: Remedy) => isBasics(r) && gainOn(r) >= best / 2;
      return [...list].sort((a, b) => Number(lead(b)) - Number(lead(a)));
    };
    const moves = distinctLevers(basicsFirst(helps.filter(goalReliable)), DIAGNOSIS_PLAN.perGoalListed, base, threshold.metric);
    return [{
      threshold, metShare, median: values.length ? quantileSorted(values, 0.5) : null, moves,
      unconfirmed: isChecked ? distinctLevers(apart(helps.filter((r) => !goalReliable(r) && !r.breaches.length && !lowersService(r)), moves), DIAGNOSIS_PLAN.perGoalListed, base, threshold.metric) : [],
    }];
  });
  return {
    kind: 'diagnosis',
    scenario: base.name,
    seed: base.seed,
    runs: current.length,
    screenRuns,
    movesTried,
    pairsTried,
    allGoals: hits / current.length,
    allGoalsInterval: wilson(hits, current.length),
    breaches: scenarioBreaches(base),
    remedies: overall,
    unconfirmed,
    remediesRaise: raisers.length > 0 || (overall.length === 0 && raise.length > 0),
    goals: diagnosed,
    outcome: explainOutcome(base, current),
  };
}

/**
 * Team hours a remedy may add without fixing a missed goal (judgement): half
 * an hour a week, or a quarter more. A move that nearly triples the hours
 * (customer service: DMs 0 → 3, 2 h → 5.6 h a week) to lift a goal already met
 * in ≥ 80 % of runs is not advice: it is listed only when it raises a goal
 * that is missed (met in < 80 % of runs) by WORTH_SUGGESTING or more.
 */
export const EXTRA_HOURS = { hours: 0.5, share: 0.25 } as const;
export function hoursJustified(r: Remedy, base: Scenario, current: readonly Summary[]): boolean {
  const added = r.hours[1] - r.hours[0];
  if (added < Math.max(EXTRA_HOURS.hours, EXTRA_HOURS.share * r.hours[0])) return true;
  const goals = goalsOf(base);
  return gainsOf(r).some((e) => {
    const g = goals.find((t) => t.metric === e.metric)!;
    return share(current, (s) => meetsGoal(g, s[g.metric])) < RELIABLY_MET;
  });
}

/**
 * Whether a remedy removes unwanted messages (fewer promotions, plain red
 * packets or a promotion's hook): daily messages falling below the band are
 * then the ads' absence, the group's own talk showing (§5: over-marketing
 * inflates activity falsely), said so where the cost is shown.
 */
export function removesAds(r: { readonly moves: readonly Move[] }): boolean {
  return r.moves.some((m) => ['content.promoPerWeek', 'content.redPacketsPerWeek', 'content.promoHook'].includes(m.path) && m.to < m.from);
}

/** The current strategy as a remedy with no moves, on the same runs (what a remedy must beat). */
function noChange(r: Remedy): Remedy {
  return { ...r, allGoals: [r.allGoals[0], r.allGoals[0]], goals: r.goals.map((g) => ({ ...g, metShare: [g.metShare[0], g.metShare[0]], shortfall: [g.shortfall[0], g.shortfall[0]] })), breaches: [] };
}

/** The levers a remedy moves, the window's start and length as one (19:00–21:00 and 19:00–20:00 are one remedy's two versions). */
const leverKey = (r: { readonly moves: readonly Move[] }): string => [...new Set(r.moves.map((m) => (isWindowLever(m.path) ? WINDOW_PATH : m.path)))].sort().join('&');

/** How far a remedy moves its levers from where they are or from the playbook's setting, whichever is nearer (shares of each lever's range, summed). */
function reach(r: Remedy, base: Scenario): number {
  return r.moves.reduce((sum, m) => { const lever = leverAt(m.path); return lever ? sum + reachOf(lever, m.from, m.to, base) : sum; }, 0);
}

/** How far one move takes a lever from where it is or from the playbook's setting, whichever is nearer (a share of its range). */
function reachOf(lever: Lever, from: number, to: number, base: Scenario): number {
  const advice = advicePosition(lever, base);
  const span = Math.max(1e-9, lever.max - lever.min);
  return Math.min(Math.abs(to - from), advice === undefined ? Infinity : Math.abs(to - advice)) / span;
}

/**
 * The best remedies, one per set of levers (a pair only once, and not when a
 * lever of it is already mentioned: "screen + points", "screen + posts",
 * "screen + competition" is one piece of advice said thrice). Of a lever's
 * settings whose chance of meeting every goal lies within the best one's
 * interval, the one nearest the current setting or the playbook's is kept: not
 * a jump to the far end of the range for a gain the runs cannot tell apart.
 * Under a missed goal (`focus`), "as good" is on that goal: its share of runs
 * met within the best one's 90 % interval, and confirmed for it or not alike.
 * Pairs the same: a pair's nearer versions (stage 4b of `diagnose`) are one
 * remedy's versions.
 */
function distinctLevers(ranked: readonly Remedy[], count: number, base?: Scenario, focus?: SummaryKey): Remedy[] {
  const seen = new Set<string>();
  const out: Remedy[] = [];
  const mentioned = new Set<string>();
  for (const r of ranked) {
    const key = leverKey(r);
    if (seen.has(key)) continue;
    // a pair is not listed when a lever of it is already mentioned (a move alone is: "one change at a time")
    const levers = key.split('&');
    // (the playbook's basics alone are: the first step of the playbook strategy listed above, not the same advice again)
    if (levers.length > 1 && levers.some((l) => mentioned.has(l)) && !levers.every((l) => (BASICS as readonly string[]).includes(l))) continue;
    seen.add(key);
    levers.forEach((l) => mentioned.add(l));
    // of the same standing: confirmed (for the goal a section is about, if any) and within the playbook, or not
    const tier = (x: Remedy) => `${(focus ? goalCheckOf(x, focus) ?? x.check : x.check)?.confirmed ?? false}/${x.breaches.length > 0}`;
    // as good: within the best one's 90 % interval of meeting every goal at once, or (under a missed goal) of meeting that goal
    const met = (x: Remedy) => x.goals.find((g) => g.metric === focus)?.metShare[1] ?? 0;
    const low = focus ? wilson(Math.round(met(r) * r.runs), r.runs)[0] : r.allGoalsInterval[0];
    const alike = base ? ranked.filter((x) => leverKey(x) === key && tier(x) === tier(r) && (focus ? met(x) : x.allGoals[1]) >= low) : [r];
    out.push(alike.reduce((best, x) => (reach(x, base!) < reach(best, base!) - 1e-9 ? x : best), r));
    if (out.length >= count) break;
  }
  return out;
}

/** The settings a remedy puts in the editor. */
export const settingsOfRemedy = (r: Remedy): Setting[] => r.moves.map((m): Setting => [m.path, m.to]);
