/**
 * The scenario file (MODEL §10), as a zod schema. Every field is optional
 * except `schemaVersion`; missing fields take the defaults documented here (and
 * in the generated `scenario.schema.json`). Parsing never throws: it returns the
 * scenario or a list of problems, each naming the field path and what is allowed.
 */
import { z } from 'zod';
import { PARAMETERS, PARAMETER_KEYS, type ParameterKey } from './parameters.ts';
import { CORE_ACTIVE_DEFAULT, POSITIONINGS, thresholdsFor } from './playbook.ts';
import { SUMMARY, SUMMARY_KEYS } from './metrics.ts';
import type { Bilingual } from './text.ts';

export const SCHEMA_VERSION = 2;
export const MAX_SCENARIO_BYTES = 1_000_000;
/** The longest run, in days (a year; the engine's tables by tenure are this long). */
export const MAX_HORIZON_DAYS = 365;
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * Every message a user can meet exists in English and Chinese: `say` records the
 * Chinese for an English message, and problems carry both (`en`, `zh`).
 */
const ZH = new Map<string, string>();
function say(en: string, zh: string): string {
  ZH.set(en, zh);
  return en;
}
const UNIT_ZH: Record<string, string> = {
  days: '天', day: '天', runs: '次', people: '人', members: '人', admins: '人', hours: '小时', minutes: '分钟',
  strikes: '次', DMs: '条', 'posts/week': '篇/周', 'promotions/week': '条/周', 'red packets/week': '个/周', points: '分',
};
const rangeText = (min: number, max: number, unit: string, integer: boolean) => say(
  `must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}${unit ? ` ${unit}` : ''}`,
  `必须是 ${min} 到 ${max}${unit ? ` ${UNIT_ZH[unit] ?? unit}` : ' '}之间的${integer ? '整数' : '数'}`,
);

function numberIn(min: number, max: number, unit: string, fallback: number, description: string, integer = false) {
  const allowed = rangeText(min, max, unit, integer);
  let schema = z.number({ error: allowed }).min(min, { error: allowed }).max(max, { error: allowed });
  if (integer) schema = schema.int({ error: allowed });
  const described = schema.default(fallback).describe(`${description} (${min}–${max}${unit ? ` ${unit}` : ''}; default ${fallback})`);
  // the unit is stated here once: the editor's field records read it back (fields.ts `unitOf`)
  return unit ? described.meta({ unit }) : described;
}
const int = (min: number, max: number, unit: string, fallback: number, description: string) =>
  numberIn(min, max, unit, fallback, description, true);
const share = (fallback: number, description: string) => numberIn(0, 1, '', fallback, description);
const flag = (fallback: boolean, description: string) =>
  z.boolean({ error: say('must be true or false', '必须是 true 或 false') }).default(fallback).describe(`${description} (default ${fallback})`);
function oneOf<const T extends readonly [string, ...string[]]>(values: T, fallback: T[number], description: string) {
  return z.enum(values, { error: say(`must be one of ${values.join(', ')}`, `必须是以下之一：${values.join('、')}`) }).default(fallback).describe(`${description} (default ${fallback})`);
}

/** An hour range [from, to): whole hours 0–24 with from < to. */
function hourWindow(fallback: [number, number], description: string) {
  const wholeHour = say('must be a whole hour from 0 to 24', '必须是 0 到 24 之间的整点');
  const hour = z.number({ error: wholeHour }).int({ error: wholeHour }).min(0, { error: wholeHour }).max(24, { error: wholeHour });
  return z.tuple([hour, hour], { error: say('must be [from, to] in whole hours, e.g. [19, 21]', '必须是 [开始, 结束] 整点，例如 [19, 21]') })
    .refine(([from, to]) => from < to, { error: say('from must be earlier than to (hours 0–24, e.g. [19, 21])', '开始必须早于结束（0–24 点，例如 [19, 21]）') })
    .default(fallback)
    .describe(`${description} ([from, to) in hours 0–24; default [${fallback.join(', ')}])`);
}

function mixOf<const K extends readonly string[]>(keys: K, fallback: Record<K[number], number>, description: string) {
  const shape = Object.fromEntries(keys.map((k) => [k, share(fallback[k as K[number]], `share of ${k}`)])) as Record<K[number], ReturnType<typeof share>>;
  return z.strictObject(shape)
    .superRefine((mix, ctx) => {
      const total = Object.values(mix as Record<string, number>).reduce((a, b) => a + b, 0);
      if (Math.abs(total - 1) > 1e-6) {
        const now = Number(total.toFixed(4));
        ctx.addIssue({ code: 'custom', message: `shares must sum to 1 (now ${now})`, params: { zh: `各项占比之和必须为 1 (现为 ${now})` } });
      }
    })
    .prefault({} as never)
    .describe(description);
}

const section = <T extends z.core.$ZodLooseShape>(shape: T, description: string) =>
  z.strictObject(shape, { error: say('must be an object', '必须是一个对象') }).prefault({} as never).describe(description);

const parameterShape = Object.fromEntries(
  PARAMETER_KEYS.map((key) => {
    const spec = PARAMETERS[key];
    const allowed = rangeText(spec.min, spec.max, spec.unit, false);
    return [key, z.number({ error: allowed }).min(spec.min, { error: allowed }).max(spec.max, { error: allowed }).optional().describe(`${spec.en} (default ${spec.default}; ${spec.source})`)];
  }),
) as Record<ParameterKey, z.ZodOptional<z.ZodNumber>>;

/** Metrics whose goal is overridden by a number; core active users have a definition too (`coreActive`). */
const GOAL_KEYS = SUMMARY_KEYS.filter((key) => key !== 'coreActiveUsers');
/** A goal lies within its metric's range: a share from 0 to 1, anything else from 0 to a large cap. */
const GOAL_RANGE: Record<string, { max: number; unit: string }> = {
  share: { max: 1, unit: '' }, count: { max: 100_000, unit: '' }, minutes: { max: 10_080, unit: 'minutes' }, hours: { max: 168, unit: 'hours' },
};
const goalShape = Object.fromEntries(
  GOAL_KEYS.map((key) => {
    const { max, unit } = GOAL_RANGE[SUMMARY[key].unit] ?? GOAL_RANGE.count;
    const allowed = rangeText(0, max, unit, false);
    return [key, z.number({ error: allowed }).min(0, { error: allowed }).max(max, { error: allowed }).optional().describe(`Goal for ${SUMMARY[key].en} (0–${max}${unit ? ` ${unit}` : ''})`)];
  }),
) as Record<Exclude<(typeof SUMMARY_KEYS)[number], 'coreActiveUsers'>, z.ZodOptional<z.ZodNumber>>;

/** Core active users (MODEL §7): present members who spoke on ≥ minDays of the last windowDays days; the goal is `target` of them. */
const coreActiveSchema = z.strictObject({
  windowDays: int(1, 30, 'days', CORE_ACTIVE_DEFAULT.windowDays, 'Days looked back').meta({ source: 'MODEL §7' }),
  minDays: int(1, 30, 'days', CORE_ACTIVE_DEFAULT.minDays, 'Days with at least one message, out of windowDays').meta({ source: 'MODEL §7' }),
  target: int(0, 500, 'members', CORE_ACTIVE_DEFAULT.target, 'How many core active users the goal asks for (§1: 10)').meta({ source: '§1' }),
}, { error: say('must be an object { windowDays, minDays, target }', '必须是 { windowDays, minDays, target } 对象') })
  .refine((c) => c.minDays <= c.windowDays, { error: say('must not exceed the window (windowDays)', '不能大于统计的最近天数（windowDays）'), path: ['minDays'] })
  .prefault({} as never)
  .describe('Core active users: who counts, and how many the goal asks for (MODEL §7; default 4 of 14 days, target 10)');

export const ScenarioSchema = z.strictObject({
  $schema: z.string().optional().describe('Path or URL of scenario.schema.json, for editors'),
  schemaVersion: z.literal(SCHEMA_VERSION, { error: say(`must be ${SCHEMA_VERSION} (this version of the lab reads scenario files of schemaVersion ${SCHEMA_VERSION})`, `必须是 ${SCHEMA_VERSION} (本版本只能读取 schemaVersion 为 ${SCHEMA_VERSION} 的场景文件)`) })
    .describe('Scenario file format version'),
  name: z.string({ error: say('must be text', '必须是文本') }).max(120, { error: say('must be at most 120 characters', '最多 120 个字符') }).default('Untitled scenario').describe('Scenario name'),
  description: z.string({ error: 'must be text' }).max(4000, { error: say('must be at most 4000 characters', '最多 4000 个字符') }).default('').describe('What the scenario teaches or tests'),
  zh: z.strictObject({
    name: z.string({ error: say('must be text', '必须是文本') }).max(120, { error: say('must be at most 120 characters', '最多 120 个字符') }).optional().describe('Scenario name in Chinese'),
    description: z.string({ error: say('must be text', '必须是文本') }).max(4000, { error: say('must be at most 4000 characters', '最多 4000 个字符') }).optional().describe('Description in Chinese'),
  }, { error: say('must be an object with name and description in Chinese', '必须是包含中文 name 和 description 的对象') }).optional()
    .describe('The name and description in Chinese, shown when the lab is read in Chinese (name and description stay the English)'),
  seed: int(0, 4294967295, '', 1, 'Random seed: same scenario + seed → identical results').meta({ source: 'MODEL §9' }),
  runs: int(1, 10000, 'runs', 200, 'Runs in the ensemble').meta({ source: 'MODEL §1' }),
  horizonDays: int(1, MAX_HORIZON_DAYS, 'days', 30, 'Days simulated from the group’s creation').meta({ source: 'MODEL §1' }),
  startWeekday: oneOf(WEEKDAYS, 'mon', 'Weekday of day 0 (places theme days and weekends)'),
  founder: oneOf(['kol', 'admin'], 'admin', 'Who founds the group: a domain KOL or an admin (§2)').meta({ source: '§2' }),
  group: section({
    positioning: oneOf(POSITIONINGS, 'knowledge_sharing', 'What the group is for; sets its KPIs (§1)').meta({ source: '§1' }),
    platform: oneOf(['personal', 'enterprise'], 'personal', 'Personal WeChat or WeCom (enterprise WeChat) (§1)').meta({ source: '§1' }),
    capacity: int(5, 500, 'members', 500, 'Most members the operator will admit, team included (platform cap 500)').meta({ source: '§2' }),
    need: numberIn(0, 5, '', 1, 'How much members need this group, whatever the team does: 1 typical, 0 not at all, 2 twice as much (MODEL v3 §3.2)').meta({ source: 'MODEL §3.2' }),
    needVaries: flag(false, 'The need is not known: it varies from group to group around the value above (a spread of groups, MODEL v3 §3.2)').meta({ source: 'MODEL §3.2' }),
  }, 'Positioning and platform (§1)'),
  team: section({
    admins: int(0, 20, 'admins', 3, 'Admins besides the owner (§3: owner + 3 admins)').meta({ source: '§3' }),
    dutyHours: hourWindow([9, 22], 'Hours the team answers questions').meta({ source: 'MODEL §3.6' }),
    replyMinutes: numberIn(0.5, 600, 'minutes', 20, 'Mean minutes for a team member on duty to answer').meta({ source: '§1' }),
  }, 'The team that runs the strategy'),
  population: section({
    mix: mixOf(['core', 'active', 'ordinary'] as const, { core: 0.1, active: 0.2, ordinary: 0.7 }, 'Archetype mix of invited members (§3: 10/20/70)').meta({ source: '§3' }),
  }, 'Who is invited'),
  growth: section({
    channel: oneOf(['direct', 'qr', 'enterprise'], 'direct', 'How members join: direct invitation, group QR code, or enterprise API / live code (§2)').meta({ source: '§2' }),
    initialInvites: int(0, 2000, 'people', 40, 'People invited on day 0 (§2 advises ≤ 40)').meta({ source: '§2' }),
    batchSize: int(1, 2000, 'people', 20, 'Invitations per batch (§2: ≤ 20 on personal accounts)').meta({ source: '§2' }),
    invitesPerDay: int(0, 2000, 'people', 0, 'People invited (or reached by the QR code) each later day').meta({ source: '§2' }),
    inviteDays: int(0, 365, 'days', 0, 'Days after day 0 with invitations').meta({ source: '§2' }),
    inviteWording: share(0.5, 'Quality of the invitation wording, 0–1 (§6)').meta({ source: '§6' }),
    qrRefreshDays: int(0, 7, 'days', 0, 'Refresh the QR code every N days (0 = never; a code is valid 7 days, §2)').meta({ source: '§2' }),
  }, 'Creation and invitations (§2)'),
  admission: section({
    questionnaire: flag(false, 'Qualification questionnaire (§3)').meta({ source: '§3' }),
    relevanceCutoff: share(0.5, 'Relevance below which the questionnaire rejects (§3: ≈15 % of directly invited candidates eliminated at 0.5)').meta({ source: '§3' }),
    activityScreen: flag(false, 'Activity screen: > 3 messages/week elsewhere (§3: ≈25 % eliminated)').meta({ source: '§3' }),
    valuesTest: flag(false, 'Values test (§3: ≈10 % eliminated)').meta({ source: '§3' }),
    identityCheck: flag(false, 'Identity check: work badge or real name (§3)').meta({ source: '§3' }),
    probationDays: int(0, 30, 'days', 0, 'Muted observation days for newcomers (§3 advises 3)').meta({ source: '§3' }),
  }, 'Admission filters (§3)'),
  content: section({
    postsPerWeek: numberIn(0, 70, 'posts/week', 3, 'Operator content posts per week').meta({ source: '§1' }),
    mix: mixOf(['news', 'tips', 'spotlight'] as const, { news: 0.3, tips: 0.4, spotlight: 0.3 }, 'Content mix (§5: 30 % news, 40 % tips, 30 % spotlights)').meta({ source: '§5' }),
    window: hourWindow([19, 21], 'Posting window for topics (§5: 19–21 is best)').meta({ source: '§5' }),
    themeDay: oneOf(['none', ...WEEKDAYS], 'none', 'Weekly theme discussion day (§5: e.g. Thursday Q&A)').meta({ source: '§5' }),
    monthlyEvent: flag(false, 'Monthly online party (§5)').meta({ source: '§5' }),
    promoPerWeek: numberIn(0, 70, 'promotions/week', 0, 'Promotional posts by the team per week (over-marketing, §5)').meta({ source: '§5' }),
    promoHook: oneOf(['none', 'redPacket', 'giveaway'], 'none', 'What a promotion carries to draw replies: nothing, a red packet (红包) or a giveaway (抽奖/福利) (MODEL §3.8)').meta({ source: 'MODEL §3.8' }),
    redPacketsPerWeek: numberIn(0, 70, 'red packets/week', 0, 'Plain red packets the team sends per week to warm the group (MODEL §3.8)').meta({ source: 'MODEL §3.8' }),
    announcement: flag(true, 'Announcement at creation: covenant, value proposition, mute rules (§2)').meta({ source: '§2' }),
    needsPollEveryDays: int(0, 90, 'days', 0, 'Run a needs poll every N days (0 = never; §5)').meta({ source: '§5' }),
  }, 'Content and activity (§5)'),
  incentives: section({
    points: oneOf(['none', 'message', 'effective'], 'none', 'Points per message, per effective message, or none (§4)').meta({ source: '§4' }),
    titleThresholds: z.array(z.number({ error: rangeText(1, 100000, 'points', true) }).int({ error: rangeText(1, 100000, 'points', true) }).min(1, { error: rangeText(1, 100000, 'points', true) }).max(100000, { error: rangeText(1, 100000, 'points', true) }), { error: say('must be a list of point thresholds', '必须是积分门槛列表') })
      .max(10, { error: say('at most 10 title levels', '最多 10 个头衔等级') })
      .refine((list) => list.every((v, i) => i === 0 || v > list[i - 1]), { error: say('thresholds must increase', '门槛必须递增') })
      .default([10, 30, 80])
      .describe('Points needed for each title level (§4; default [10, 30, 80])').meta({ source: '§4' }),
    chainRewards: flag(false, 'Rewards for topic chains (接龙) (§5)').meta({ source: '§5' }),
    teamCompetition: flag(false, 'Team points competitions (§5)').meta({ source: '§5' }),
  }, 'Incentives (§4)'),
  penalties: section({
    enabled: flag(true, 'Enforce the covenant (§3, §4)').meta({ source: '§3, §4' }),
    strikesToRemove: int(1, 10, 'strikes', 3, 'Removal on this strike (§4: three violations)').meta({ source: '§4' }),
    muteHours: numberIn(0, 720, 'hours', 24, 'Length of a timed mute (§3)').meta({ source: '§3' }),
    detection: share(0.6, 'Chance the team notices a violation').meta({ source: 'MODEL §3.7' }),
    publicNotice: flag(true, 'Announce removals with @all (§4)').meta({ source: '§4' }),
  }, 'Penalties (§3, §4)'),
  activation: section({
    dmPerAdminPerDay: int(0, 50, 'DMs', 0, 'Private messages each admin sends per day to silent members (§6)').meta({ source: '§6' }),
    silentDays: int(1, 60, 'days', 7, 'Days of silence before a member is DMed').meta({ source: '§6' }),
    winBack: flag(false, 'Follow up with members who left (§5)').meta({ source: '§5' }),
  }, 'Private-message re-activation (§5, §6)'),
  automation: section({
    autoReply: flag(false, 'Keyword auto-reply (enterprise, §4)').meta({ source: '§4' }),
    autoReplyCoverage: share(0.4, 'Share of questions the keyword auto-reply answers').meta({ source: '§4' }),
    keywordMonitoring: flag(false, 'Keyword monitoring of violations (enterprise)').meta({ source: 'MODEL §3.7' }),
  }, 'Tools (enterprise WeChat)'),
  ruleChanges: z.array(z.strictObject({
    day: int(0, MAX_HORIZON_DAYS - 1, 'day', 0, 'Day the change takes effect'),
    noticeDays: int(0, 30, 'days', 0, 'Days of notice (§4 advises 3)'),
    vote: flag(false, 'Agreed by a chain vote (§4)'),
  }, { error: say('must be an object { day, noticeDays, vote }', '必须是 { day, noticeDays, vote } 对象') }), { error: say('must be a list', '必须是列表') }).max(20, { error: say('at most 20 rule changes', '最多 20 次规则变更') }).default([])
    .describe('Scheduled rule changes (§4)').meta({ source: '§4' }),
  goals: z.strictObject({ ...goalShape, coreActive: coreActiveSchema }, { error: say('must be an object of metric: threshold', '必须是 指标：阈值 的对象') })
    .prefault({} as never).describe('Overrides of the playbook thresholds, by metric, and the core-active definition'),
  parameters: z.strictObject(parameterShape, { error: say('must be an object of parameter: value', '必须是 参数：数值 的对象') }).default({}).describe('Overrides of calibrated model constants'),
}).superRefine((s, ctx) => {
  const withGoals = new Set(thresholdsFor(s.group.positioning).map((t) => t.metric));
  for (const key of GOAL_KEYS) {
    if (s.goals[key] === undefined || withGoals.has(key)) continue;
    const list = [...withGoals].join(', ');
    ctx.addIssue({ code: 'custom', path: ['goals', key], message: `has no goal in a ${s.group.positioning} group, so it would be ignored (goals here: ${list})`, params: { zh: `${s.group.positioning} 定位的群没有这一目标，设置不会生效 (此定位的目标：${list})` } });
  }
  const team = 1 + s.team.admins;
  if (s.group.capacity < team && s.team.admins <= 20 && s.group.capacity >= 5) {
    ctx.addIssue({ code: 'custom', path: ['group', 'capacity'], message: `must hold the owner and the ${s.team.admins} admins (at least ${team}; the team counts toward the 500 limit)`, params: { zh: `必须容纳群主和 ${s.team.admins} 名管理员 (至少 ${team} 人；运营团队计入 500 人上限)` } });
  }
  if (s.growth.channel === 'enterprise' && s.group.platform !== 'enterprise') {
    ctx.addIssue({ code: 'custom', path: ['growth', 'channel'], message: say('enterprise API needs group.platform "enterprise"; use direct or qr on a personal account', '企业微信接口需要 group.platform 为 "enterprise"；个人号请用直接邀请或二维码') });
  }
  if (s.group.platform !== 'enterprise') {
    for (const key of ['autoReply', 'keywordMonitoring'] as const) {
      if (s.automation[key]) ctx.addIssue({ code: 'custom', path: ['automation', key], message: say('needs group.platform "enterprise" (personal accounts have no such tool)', '需要 group.platform 为 "enterprise"（个人号没有此工具）') });
    }
  }
  s.ruleChanges.forEach((change, i) => {
    // (a day outside 0 … MAX_HORIZON_DAYS − 1 already has its own range problem)
    if (change.day >= s.horizonDays && change.day <= MAX_HORIZON_DAYS - 1 && s.horizonDays >= 1 && s.horizonDays <= MAX_HORIZON_DAYS) {
      ctx.addIssue({ code: 'custom', path: ['ruleChanges', i, 'day'], message: `must be within the horizon: day 1 to ${s.horizonDays} as people count (${s.horizonDays - 1} at most in the file, which counts from 0)`, params: { zh: `必须在模拟期内：第 1 到第 ${s.horizonDays} 天 (文件中从 0 计，最多 ${s.horizonDays - 1})` } });
    }
  });
});

export type Scenario = z.output<typeof ScenarioSchema>;
/** A scenario as edited or read from a file: plain JSON, not yet validated. */
export type Draft = Record<string, unknown>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;

/** What is wrong with a scenario, at a field: the path, and what is allowed, in both languages. */
export interface Problem extends Bilingual {
  /** Dotted field path, e.g. `content.window`; empty for the whole file. */
  readonly path: string;
}

export { problem as makeProblem };

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] };

export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i ? '.' : ''}${String(part)}`)).join('');
}

function problem(path: string, message: string, zh?: string): Problem {
  return { path, en: message, zh: zh ?? ZH.get(message) ?? message };
}

function issueToProblem(issue: z.core.$ZodIssue): Problem[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => problem(formatPath([...issue.path, key]),
      say('is not a scenario field (check the spelling; see scenario.schema.json)', '不是场景字段（请检查拼写，参见 scenario.schema.json）')));
  }
  const zh = issue.code === 'custom' ? (issue.params as { zh?: string } | undefined)?.zh : undefined;
  return [problem(formatPath(issue.path), issue.message, zh)];
}

/** Validate an already-parsed JSON value. */
export function parseScenario(value: unknown): ParseResult {
  const result = ScenarioSchema.safeParse(value);
  if (result.success) return { ok: true, scenario: result.data };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, problems: [problem('', say('a scenario file must be a JSON object with schemaVersion', '场景文件必须是含 schemaVersion 的 JSON 对象'))] };
  }
  return { ok: false, problems: result.error.issues.flatMap(issueToProblem) };
}

/** Where a JSON syntax error is, in Chinese (the engine's own message is English). */
function whereZh(text: string, reason: string): string {
  if (text.trim() === '') return '：文件是空的';
  const at = /position (\d+)/.exec(reason);
  if (!at) return '';
  const before = text.slice(0, Number(at[1])).split('\n');
  return `：第 ${before.length} 行第 ${before[before.length - 1].length + 1} 个字符附近有语法错误`;
}

/** A JSON syntax error as a problem: the parser's words in English, where it is in Chinese (any JSON file: scenarios, lessons). */
export function jsonSyntaxProblem(text: string, error: unknown): Problem {
  const reason = error instanceof Error ? error.message : String(error);
  return problem('', `not valid JSON: ${reason}`, `不是有效的 JSON${whereZh(text, reason)}`);
}

/** Validate scenario text (a file's content): size, JSON syntax, then the schema. */
export function parseScenarioText(text: string): ParseResult {
  if (text.length > MAX_SCENARIO_BYTES) {
    return { ok: false, problems: [problem('', `file is too large (${text.length} characters; at most ${MAX_SCENARIO_BYTES})`, `文件过大 (${text.length} 个字符；最多 ${MAX_SCENARIO_BYTES})`)] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [jsonSyntaxProblem(text, error)] };
  }
  return parseScenario(value);
}

/** The scenario with every default filled in. */
export function defaultScenario(): Scenario {
  const result = parseScenario({ schemaVersion: SCHEMA_VERSION });
  if (!result.ok) throw new Error('defaults do not validate');
  return result.scenario;
}

export function scenarioJsonSchema(): unknown {
  return z.toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any' });
}
