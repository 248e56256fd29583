/**
 * Which moves the diagnosis tries (diagnose.ts): every lever over its whole
 * practical range (its ends, a coarse grid, every option and the playbook's
 * own setting), and the moves tried as one: the playbook's window, a lever
 * with the one it needs, the playbook's basics and the playbook strategy.
 */
import type { Scenario } from '../scenario.ts';
import { advicePosition, breachesOf, playbookSettings } from './guardrails.ts';
import { gridOf, leverAt, LEVERS, needsMissing, positionOf, WINDOW_HOURS_PATH, WINDOW_PATH, type Lever } from './levers.ts';
import type { Move } from './remedy.ts';

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
