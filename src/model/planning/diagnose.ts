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
import { goalsOf, meetsAll, meetsGoal, RELIABLY_MET as RELIABLE, type Threshold } from '../playbook.ts';
import type { Scenario } from '../scenario.ts';
import { type Bilingual } from '../text.ts';
import { pairedMean, quantileSorted, wilson } from '../stats.ts';
import { evaluateRanges, type Executor, type RunRange } from './jobs.ts';
import { explainOutcome } from './outcome.ts';
import { HOLDOUT_FIRST_RUN } from './goal-seek.ts';
import { scenarioBreaches, type Breach } from './guardrails.ts';
import { isWindowLever, leverAt, leversFor, withSettings, type Setting } from './levers.ts';
import {
  goalCheckOf, hoursJustified, improvesGoal, leverKey, lowersService, PLAYBOOK_MARGIN, rankValue, reach, reachOf, remedyOf, serviceJustified, settingsOfRemedy,
  share, WORTH_SUGGESTING, type GoalCheck, type Move, type Remedy,
} from './remedy.ts';
import { basicsMove, BASICS, DIAGNOSIS_PLAN, isBasics, isPlaybookMove, movesOf, playbookStrategyMove, playbookWindowMove, withNeededMoves } from './diagnosis-moves.ts';

/** A goal met in fewer runs than this is "not reliably met" and gets a diagnosis (the scorecard's "pass" cut-off). */
export const RELIABLY_MET = RELIABLE;

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
  /**
   * The runs the current strategy's own figures (every goal at once, each goal) are over: the search's runs
   * (indices from 0, the Lab's first runs) and the fresh ones the remedies are compared on, together (absent
   * in results saved before: `runs`). Two sets measure it better than one, and one of them is the Lab's.
   */
  readonly baselineRuns?: number;
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

/** Best first: a remedy confirmed on fresh runs before one that is not, a playbook-consistent one before one against it, then by rankValue. */
const byRank = (a: Remedy, b: Remedy) => Number(b.check?.confirmed ?? false) - Number(a.check?.confirmed ?? false)
  || Number(a.breaches.length > 0) - Number(b.breaches.length > 0) || rankValue(b) - rankValue(a);

const keyOfMoves = (moves: readonly Move[]) => moves.map((m) => `${m.path}=${m.to}`).join('&');
const pathsOf = (moves: readonly Move[]) => moves.map((m) => m.path).join('&');

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
  // the current strategy's figures over both sets of its runs (the Lab's first runs and the fresh ones): a share measured on
  // 60 runs alone is known to ±11 points, and the Lab shows the first set — with one set only, the two read as a contradiction
  const baseline = [...current, ...freshCurrent];
  const result = diagnosisFrom(base, baseline, checked, singles.length, pairs.length + nearer.length, screenRuns);
  // the group's outcome is read on the runs the diagnosis started from
  return { ...result, runs, baselineRuns: baseline.length, firstLookRuns: firstLook, outcome: searched.outcome };
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
  // "closer to the goals" is advice only while a goal is missed: a group meeting every goal reliably is not told to change for nothing
  const anyMissed = goals.some((g) => share(current, (s) => meetsGoal(g, s[g.metric])) < RELIABLY_MET);
  const overall = distinctLevers(raisers.length ? raisers : anyMissed ? closer.filter((r) => !raise.includes(r) && advisable(r)) : [], DIAGNOSIS_PLAN.listed, base);
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

/** The current strategy as a remedy with no moves, on the same runs (what a remedy must beat). */
function noChange(r: Remedy): Remedy {
  return { ...r, allGoals: [r.allGoals[0], r.allGoals[0]], goals: r.goals.map((g) => ({ ...g, metShare: [g.metShare[0], g.metShare[0]], shortfall: [g.shortfall[0], g.shortfall[0]] })), breaches: [] };
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
