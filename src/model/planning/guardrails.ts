/**
 * The playbook's guardrails: for each lever the setting or range the playbook
 * gives, its section and the reason in both languages, as its field record in
 * `fields.ts` states them (one record per lever). A move or a
 * recommendation that leaves a guardrail is "against the playbook (§n)": the
 * diagnosis ranks it below playbook-consistent moves of similar value, and the
 * goal seek stays inside the guardrails unless the planner lifts them.
 *
 * Where the playbook gives no number the reading is this lab's and says so
 * (docs/planning.md "Playbook guardrails").
 */
import { getAt, LEVER_RECORDS, type PlaybookAdvice } from '../fields.ts';
import type { Scenario } from '../scenario.ts';
import { bilingual as tx, fullWidth, type Bilingual } from '../text.ts';
import { isWindowLever, leverAt, positionOf, WINDOW_HOURS_PATH, WINDOW_PATH, windowAfter, type Lever, type Setting } from './levers.ts';

type Value = number | boolean | string | readonly number[];

/** A lever's playbook advice (kept on its field record, `fields.ts`), with the lever's path. */
export interface Guardrail extends PlaybookAdvice {
  readonly path: string;
}

/** One per lever the playbook advises on (the posting window's start and its length each), read from the field records. */
export const GUARDRAILS: readonly Guardrail[] = LEVER_RECORDS.flatMap((field) => (field.playbook ? [{ path: field.path, ...field.playbook }] : []));

const BY_PATH = new Map(GUARDRAILS.map((g) => [g.path, g]));

/** The guardrail on a lever in this scenario, if the playbook sets one for this group. */
export function guardrailOf(path: string, scenario: Scenario): Guardrail | undefined {
  const rail = BY_PATH.get(path);
  return rail && appliesTo(rail, scenario) ? rail : undefined;
}

/** Whether a guardrail is for this group: its positionings (absent: every group) and any other condition. */
const appliesTo = (rail: Guardrail, scenario: Scenario): boolean =>
  (!rail.positionings || rail.positionings.includes(scenario.group.positioning)) && (!rail.appliesTo || rail.appliesTo(scenario));

/** Whether a lever's value keeps to its guardrail (a window: both its ends within the range). */
export function keepsTo(rail: Guardrail, value: Value): boolean {
  const within = (v: number) => v >= (rail.min ?? -Infinity) - 1e-9 && v <= (rail.max ?? Infinity) + 1e-9;
  if (Array.isArray(value)) return within(value[0]) && within(value[1]);
  if (rail.values) return rail.values.includes(value as string | boolean);
  return typeof value === 'number' && within(value);
}

export interface Breach {
  readonly path: string;
  readonly source: string;
  readonly reason: Bilingual;
}

/** The guardrails a lever's position would leave, for a lever moved in `scenario` (empty when it keeps to the playbook). */
export function breachesOf(settings: readonly Setting[], scenario: Scenario): Breach[] {
  const found = settings.flatMap(([path, position]): Breach[] => {
    const rail = guardrailOf(path, scenario);
    const lever = leverAt(path);
    if (!rail || !lever || isWindowLever(path)) return [];
    const value = lever.options ? lever.options[Math.round(position)].value : position;
    return keepsTo(rail, value) ? [] : [{ path, source: rail.source, reason: rail.reason }];
  });
  return [...found, ...windowBreach(settings, scenario), ...noDmsWithoutAdmins(settings, scenario).filter((b) => !found.some((f) => f.path === b.path))];
}

/** The window is judged whole, after its start and its length are both moved: one breach, on the window. */
function windowBreach(settings: readonly Setting[], scenario: Scenario): Breach[] {
  const rail = guardrailOf(WINDOW_PATH, scenario);
  if (!rail || !settings.some(([path]) => isWindowLever(path))) return [];
  return keepsTo(rail, windowAfter(settings, scenario)) ? [] : [{ path: WINDOW_PATH, source: rail.source, reason: rail.reason }];
}

/** DMs come from admins (quota = per admin × admins): with no admins, nobody DMs silent members, whatever the per-admin number (§6). */
function noDmsWithoutAdmins(settings: readonly Setting[], scenario: Scenario): Breach[] {
  const touched = settings.some(([path]) => path === 'team.admins' || path === 'activation.dmPerAdminPerDay');
  const admins = settings.find(([path]) => path === 'team.admins')?.[1] ?? scenario.team.admins;
  const rail = guardrailOf('activation.dmPerAdminPerDay', scenario);
  return touched && admins === 0 && rail ? [{ path: 'activation.dmPerAdminPerDay', source: rail.source, reason: NO_ADMINS_NO_DMS }] : [];
}

const NO_ADMINS_NO_DMS = tx('with no admins, nobody DMs silent members: lurkers need one-to-one private messages to re-activate',
  '没有管理员，就没有人私聊沉默成员：潜水成员需要一对一私聊激活');

/** The guardrails the scenario as a whole leaves (for a strategy the planner wrote). */
export function scenarioBreaches(scenario: Scenario): Breach[] {
  return GUARDRAILS.flatMap((rail) => {
    // the window's length is judged with the window
    if (!appliesTo(rail, scenario) || rail.path === WINDOW_HOURS_PATH) return [];
    return keepsTo(rail, getAt(scenario, rail.path) as Value) ? [] : [{ path: rail.path, source: rail.source, reason: rail.reason }];
  });
}

/**
 * The guardrails a search held as they are leave: the scenario's breaches on levers not `searched` (the
 * window's start or length searched counts for the window) — what may cap its result, e.g. 7 promotions a week held.
 */
export function heldBreaches(searched: readonly string[], scenario: Scenario): Breach[] {
  const paths = new Set(searched.map((path) => (isWindowLever(path) ? WINDOW_PATH : path)));
  return scenarioBreaches(scenario).filter((b) => !paths.has(b.path));
}

/** The playbook's own setting of a lever, as a position on its axis (undefined when the playbook gives none). */
export function advicePosition(lever: Lever, scenario: Scenario): number | undefined {
  const rail = guardrailOf(lever.path, scenario);
  if (!rail) return undefined;
  if (lever.options) {
    const index = lever.options.findIndex((o) => o.value === rail.advice);
    return index < 0 ? undefined : index;
  }
  return rail.advice as number;
}

/**
 * A lever's practical range narrowed to its guardrail (the goal seek's "stay
 * within the playbook"): numeric levers to [min, max] ∩ range, enumerated ones
 * to their allowed options (their axis is the option index: kept whole only when
 * the allowed options are contiguous, else fixed at the advice).
 */
export function withinPlaybook(lever: Lever, scenario: Scenario): Lever {
  const rail = guardrailOf(lever.path, scenario);
  if (!rail) return lever;
  if (lever.options) {
    // interchangeable options (the weekdays of a theme day): the day it has, or the playbook's when it has none; another weekday is the calendar, not a strategy
    if (lever.lateral) {
      const now = positionOf(lever, scenario);
      const at = lever.lateral.includes(String(lever.options[now].value)) ? now : advicePosition(lever, scenario) ?? now;
      return { ...lever, min: at, max: at };
    }
    const allowed = lever.options.flatMap((o, i) => (rail.values!.includes(o.value) ? [i] : []));
    const contiguous = allowed.length > 0 && allowed.at(-1)! - allowed[0] === allowed.length - 1;
    const advice = advicePosition(lever, scenario) ?? positionOf(lever, scenario);
    return contiguous ? { ...lever, min: allowed[0], max: allowed.at(-1)! } : { ...lever, min: advice, max: advice };
  }
  // a window's axis is its start hour: the start may go as late as keeps its end within the range (with the
  // window's length kept; a search that also moves the length drops the combinations that leave it: goal-seek.ts)
  const [from, to] = lever.kind === 'window' ? getAt(scenario, lever.path) as [number, number] : [0, 0];
  const min = Math.max(lever.min, rail.min ?? -Infinity);
  const max = Math.min(lever.max, (rail.max ?? Infinity) - (to - from));
  // nothing fits (a window longer than the playbook's): the playbook's nearest setting, not the whole range
  return min <= max ? { ...lever, min, max } : { ...lever, min, max: min };
}

/** The playbook strategy: every guarded lever outside its guardrail moved to the playbook's advice. */
export function playbookSettings(levers: readonly Lever[], scenario: Scenario): Setting[] {
  return levers.flatMap((lever): Setting[] => {
    // the window's length moves to the playbook's when the window as a whole leaves it
    const rail = guardrailOf(isWindowLever(lever.path) ? WINDOW_PATH : lever.path, scenario);
    const advice = advicePosition(lever, scenario);
    if (!rail || advice === undefined) return [];
    const value = getAt(scenario, rail.path) as Value;
    return keepsTo(rail, value) ? [] : [[lever.path, advice]];
  });
}

/** "against the playbook (§5: topics posted 19:00–21:00 get ≥ 47 % response)". */
export function describeBreach(breach: Breach, lang: 'en' | 'zh'): string {
  return lang === 'zh' ? `违背手册（${breach.source.replace(/, */g, '、')}：${fullWidth(breach.reason.zh)}）` : `against the playbook (${breach.source}: ${breach.reason.en})`;
}
