/**
 * The levers a planner can vary (sweeps, sensitivity, diagnosis, goal seek):
 * every numeric, yes/no and enumerated field of the editor, as one numeric axis
 * each. A numeric lever's axis is its value; an enumerated one's is the index of
 * its option; a posting window's is its start hour (its length is kept), and
 * the window's length is a lever of its own (`content.windowHours`, on the
 * same field; its record sits inside the window's), so a 1-hour window can
 * become the playbook's 19:00–21:00.
 * Practical ranges are where planners actually set a lever, not the schema's
 * extremes (a group does not post 70 times a week); they always lie inside the
 * schema's range, and each is kept on its field record (`fields.ts`). Describing the group (positioning), the experiment (runs,
 * seed, days) or the goals is not a lever.
 */
import { getAt, isNotLever, LEVER_RECORDS, rangeOf, setAt, type FieldSpec } from '../fields.ts';
import type { Positioning } from '../playbook.ts';
import { parseScenario, type ParseResult, type Scenario } from '../scenario.ts';
import { bilingual as tx, type Bilingual } from '../text.ts';

export type LeverKind = 'integer' | 'number' | 'share' | 'boolean' | 'select' | 'window';

export interface Lever {
  readonly path: string;
  readonly kind: LeverKind;
  readonly label: Bilingual;
  readonly unit?: Bilingual;
  readonly source: string;
  /** Practical range of the axis (window: start hour; enumerated: option index). */
  readonly min: number;
  readonly max: number;
  /** Smallest meaningful change on the axis. */
  readonly step: number;
  /** Enumerated levers: the values, in axis order, and their labels. */
  readonly options?: readonly { readonly value: string | boolean; readonly label: Bilingual }[];
  /** The positionings whose operator can set it (absent: every group; the field record's `positionings`). */
  readonly positionings?: readonly Positioning[];
  /** A lever it needs switched on (the field record's `needs`): not moved alone while that one is off. */
  readonly needs?: { readonly path: string; readonly off: string | boolean };
  /** Options interchangeable with one another (the field record's `lateral`): no move between two of them is advice. */
  readonly lateral?: readonly string[];
}

/** Practical ranges (calibrated judgement, not from the playbook): [min, max] on the lever's axis, as the field records give them. */
export const PRACTICAL_RANGES: Readonly<Record<string, readonly [number, number]>> = Object.fromEntries(
  LEVER_RECORDS.flatMap((field) => (field.practical ? [[field.path, field.practical]] : [])),
);

/** The posting window's field, and its length as a lever of its own (hours; the start is kept unless the end would pass 24:00). */
export const WINDOW_PATH = 'content.window';
export const WINDOW_HOURS_PATH = 'content.windowHours';

/** The schema's range of a lever's axis (the window's length: 1–24 hours, as a window [from, to] within 0–24 allows). */
export function schemaRangeOf(path: string): { min: number; max: number } {
  return path === WINDOW_HOURS_PATH ? { min: 1, max: 24 } : rangeOf(path);
}

const YES_NO = [
  { value: false, label: tx('no', '否') },
  { value: true, label: tx('yes', '是') },
] as const;

function leverOf(field: FieldSpec): Lever | null {
  if (isNotLever(field.path)) return null;
  const base = { path: field.path, label: field.label, unit: field.unit, source: field.source, ...(field.positionings ? { positionings: field.positionings } : {}),
    ...(field.needs ? { needs: field.needs } : {}), ...(field.lateral ? { lateral: field.lateral } : {}) };
  switch (field.kind) {
    case 'boolean':
      return { ...base, kind: 'boolean', min: 0, max: 1, step: 1, options: YES_NO };
    case 'select':
      return { ...base, kind: 'select', min: 0, max: field.options!.length - 1, step: 1, options: field.options! };
    case 'integer': case 'number': case 'share': case 'window': {
      const practical = PRACTICAL_RANGES[field.path];
      if (!practical) return null;
      const schema = schemaRangeOf(field.path);
      const min = Math.max(schema.min, practical[0]);
      const max = Math.min(schema.max, practical[1]);
      return { ...base, kind: field.kind, min, max, step: field.kind === 'window' ? 1 : field.step ?? 1 };
    }
    default:
      return null;
  }
}

/** Whether a lever sets the posting window (its start or its length). */
export const isWindowLever = (path: string): boolean => path === WINDOW_PATH || path === WINDOW_HOURS_PATH;

export const LEVERS: readonly Lever[] = LEVER_RECORDS.map(leverOf).filter((l): l is Lever => l !== null);
const BY_PATH = new Map(LEVERS.map((l) => [l.path, l]));

export function leverAt(path: string): Lever | undefined {
  return BY_PATH.get(path);
}

/**
 * Settings an operator would pick for a lever, where a 1-unit step is finer than anyone runs a group:
 * the team's answer time in the minutes a duty rota is written in ("within 15 minutes", "within two
 * hours"), not 113 or 117. The goal seek and the frontier try only these rungs (within the range
 * searched), so the figures shown are those of the setting recommended (optimize.ts `ladder`).
 */
export const OPERATOR_STEPS: Readonly<Record<string, readonly number[]>> = {
  'team.replyMinutes': [1, 2, 3, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240],
};

/**
 * The rungs of a lever's operator steps within [min, max], with the current setting among them when it lies
 * in the range (keeping 8 minutes is always a choice; a child of the search is not moved off it to 10)
 * (undefined: the lever has none, or fewer than 2 fall in the range).
 */
export function ladderOf(path: string, min: number, max: number, current?: number): readonly number[] | undefined {
  const steps = OPERATOR_STEPS[path];
  if (!steps) return undefined;
  const rungs = [...new Set([...steps, ...(current === undefined ? [] : [current])])].filter((v) => v >= min && v <= max).sort((a, b) => a - b);
  return rungs.length >= 2 ? rungs : undefined;
}

export const isNumeric = (lever: Lever): boolean => !lever.options;

/** A lever's position on its axis in a scenario. */
export function positionOf(lever: Lever, scenario: Scenario): number {
  if (lever.path === WINDOW_HOURS_PATH) { const [from, to] = getAt(scenario, WINDOW_PATH) as [number, number]; return to - from; }
  const value = getAt(scenario, lever.path);
  if (lever.options) return Math.max(0, lever.options.findIndex((o) => o.value === value));
  if (lever.kind === 'window') return (value as [number, number])[0];
  return value as number;
}

/** Snap a position to the lever's steps and practical range (integers stay whole). */
export function snap(lever: Lever, position: number): number {
  const steps = Math.round((position - lever.min) / lever.step);
  const snapped = lever.min + steps * lever.step;
  const clamped = Math.min(lever.max, Math.max(lever.min, snapped));
  // remove floating-point dust from steps such as 0.05
  return Number(clamped.toFixed(6));
}

/** The position of a point of the unit interval [0, 1] on the lever's axis, snapped. */
export function fromUnit(lever: Lever, u: number): number {
  if (lever.options) return Math.min(lever.max, Math.floor(u * (lever.max + 1)));
  return snap(lever, lever.min + u * (lever.max - lever.min));
}

/** The JSON value the lever takes at a position, given the value its field has now (a window: its start or its length moved). */
function valueAt(lever: Lever, position: number, now: unknown): unknown {
  if (lever.options) return lever.options[Math.round(position)].value;
  if (isWindowLever(lever.path)) {
    const [from, to] = now as [number, number];
    const length = lever.path === WINDOW_HOURS_PATH ? position : to - from;
    const start = Math.min(lever.path === WINDOW_HOURS_PATH ? from : position, 24 - length);
    return [start, start + length];
  }
  return position;
}

/** The scenario field a lever sets (the window's length sets the window). */
const fieldOf = (path: string) => (path === WINDOW_HOURS_PATH ? WINDOW_PATH : path);

/** The posting window after these settings (its start and length in the order given; other levers ignored). */
export function windowAfter(settings: readonly Setting[], scenario: Scenario): [number, number] {
  let window = getAt(scenario, WINDOW_PATH) as [number, number];
  for (const [path, position] of settings) if (isWindowLever(path)) window = valueAt(BY_PATH.get(path)!, position, window) as [number, number];
  return window;
}

/** A lever's value at a position, as the editor shows it. */
export function describePosition(lever: Lever, position: number, scenario: Scenario, lang: 'en' | 'zh'): string {
  if (lever.options) return lever.options[Math.round(position)].label[lang];
  const value = lever.path === WINDOW_HOURS_PATH ? position : valueAt(lever, position, getAt(scenario, fieldOf(lever.path)));
  if (lever.kind === 'window') {
    const [from, to] = value as [number, number];
    return `${from}:00–${to}:00`;
  }
  // a whole-number lever is never shown with a fraction ("3.4 人"); a fraction of things counted is an average
  const number = lever.kind === 'integer' ? Math.round(value as number) : Number((value as number).toFixed(2));
  if (!lever.unit) return String(number);
  const unit = lang === 'en' && number === 1 ? SINGULAR[lever.unit.en] ?? lever.unit.en : lever.unit[lang];
  return countedAverage(number, lever.unit, lang) ?? `${number} ${unit}`;
}

/** Things counted one by one (people, posts, red packets): a fraction of them is an average, said so. */
const COUNTED = new Set(['people', 'posts', 'red packets', 'DMs', 'members']);

/** "平均 3.4 篇", "3.4 posts on average"; undefined for a whole number or a unit that is not counted. */
export function countedAverage(value: number, unit: Bilingual, lang: 'en' | 'zh'): string | undefined {
  if (Number.isInteger(value) || !COUNTED.has(unit.en)) return undefined;
  return lang === 'zh' ? `平均 ${value} ${unit.zh}` : `${value} ${unit.en} on average`;
}

/** "1 post", not "1 posts". */
const SINGULAR: Readonly<Record<string, string>> = {
  posts: 'post', days: 'day', people: 'person', hours: 'hour', minutes: 'minute', 'red packets': 'red packet', runs: 'run',
};

export type Setting = readonly [path: string, position: number];

/** The scenario with each lever set to its position, validated as a file would be. */
export function withSettings(scenario: Scenario, settings: readonly Setting[]): ParseResult {
  // one copy, set in place (a copy per setting made large designs slow on the main thread)
  const draft = structuredClone(scenario) as unknown as Record<string, unknown>;
  for (const [path, position] of settings) {
    const lever = BY_PATH.get(path);
    if (!lever) throw new RangeError(`${path} is not a lever`);
    const parts = fieldOf(path).split('.');
    let node = draft;
    for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
    node[parts.at(-1)!] = valueAt(lever, position, node[parts.at(-1)!]);
  }
  return parseScenario(draft);
}

/** A draft (plain JSON as edited) with each lever set to its position: what "apply" puts in the editor. */
export function draftWithSettings<T>(draft: T, scenario: Scenario, settings: readonly Setting[]): T {
  let next = draft;
  for (const [path, position] of settings) {
    const lever = BY_PATH.get(path);
    if (!lever) throw new RangeError(`${path} is not a lever`);
    const now = getAt(next, fieldOf(path));
    // a window as edited may be half-typed: the scenario's is the one moved then
    const window = isWindowLever(path) && !(Array.isArray(now) && now.length === 2 && now.every(Number.isInteger)) ? getAt(scenario, WINDOW_PATH) : now;
    next = setAt(next, fieldOf(path), valueAt(lever, position, window));
  }
  return next;
}

/** Whether this group's operator can set the lever at all (a customer-service group does not choose its founder or its inflow). */
export const appliesToGroup = (lever: Lever, scenario: Scenario): boolean => (!lever.positionings || lever.positionings.includes(scenario.group.positioning))
  && !needsMissing(lever, scenario);

/** Whether the lever another one needs is off (a team points competition with no points): then it is not moved alone. */
export const needsMissing = (lever: Lever, scenario: Scenario): boolean => lever.needs !== undefined && getAt(scenario, lever.needs.path) === lever.needs.off;

/**
 * The levers that can be varied in this scenario over their whole practical
 * range without making it invalid (e.g. auto-reply needs a WeCom group), and
 * that this group's operator sets (`appliesToGroup`).
 */
export function leversFor(scenario: Scenario, kinds: 'numeric' | 'all' = 'all'): Lever[] {
  let usable = USABLE.get(scenario);
  if (!usable) {
    usable = LEVERS.filter((lever) => appliesToGroup(lever, scenario) && withSettings(scenario, [[lever.path, lever.min]]).ok && withSettings(scenario, [[lever.path, lever.max]]).ok);
    USABLE.set(scenario, usable);
  }
  return kinds === 'all' ? [...usable] : usable.filter(isNumeric);
}

/** leversFor validates two scenarios per lever: remembered per (immutable) scenario object. */
const USABLE = new WeakMap<Scenario, Lever[]>();

/** Parse `path=a:b:step` (numeric) or `path=v1,v2,…` (option values) into positions. */
export function parseLeverRange(text: string): { lever: Lever; positions: number[] } | { error: Bilingual } {
  const at = text.indexOf('=');
  const path = at < 0 ? text : text.slice(0, at);
  const lever = BY_PATH.get(path);
  if (!lever) {
    return { error: tx(`"${path}" is not a lever (levers: ${LEVERS.map((l) => l.path).join(', ')})`, `"${path}" 不是可调的杠杆 (可用：${LEVERS.map((l) => l.path).join('、')})`) };
  }
  if (at < 0) return { lever, positions: gridOf(lever) };
  const spec = text.slice(at + 1);
  if (lever.options) {
    const positions = spec.split(',').map((v) => lever.options!.findIndex((o) => String(o.value) === v));
    if (positions.some((p) => p < 0)) {
      const allowed = lever.options.map((o) => String(o.value)).join(', ');
      return { error: tx(`${path}: values must be among ${allowed}`, `${path}：取值必须是 ${allowed} 之一`) };
    }
    return { lever, positions };
  }
  const parts = spec.split(':').map(Number);
  const [from, to, step] = parts;
  const schema = schemaRangeOf(path);
  const bad = parts.length !== 3 || parts.some((v) => !Number.isFinite(v)) || step <= 0 || from > to
    || from < schema.min || to > schema.max || (to - from) / step > 200;
  if (bad) {
    return { error: tx(`${path}: write from:to:step with ${schema.min} ≤ from ≤ to ≤ ${schema.max}, step > 0, at most 200 steps`, `${path}：请写成 起点:终点:步长，${schema.min} ≤ 起点 ≤ 终点 ≤ ${schema.max}，步长 > 0，最多 200 步`) };
  }
  const positions: number[] = [];
  for (let k = 0; from + k * step <= to + 1e-9; k++) positions.push(Number((from + k * step).toFixed(6)));
  return { lever, positions };
}

/** The default grid over a lever's practical range: every option, or about 11 points. */
export function gridOf(lever: Lever, points = 11): number[] {
  if (lever.options) return lever.options.map((_, i) => i);
  const out: number[] = [];
  for (let k = 0; k < points; k++) {
    const p = snap(lever, lever.min + (k / (points - 1)) * (lever.max - lever.min));
    if (!out.includes(p)) out.push(p);
  }
  return out;
}
