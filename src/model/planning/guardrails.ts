/**
 * The playbook's guardrails, as data: for each lever the setting or range the
 * playbook gives, its section and the reason in both languages. A move or a
 * recommendation that leaves a guardrail is "against the playbook (§n)": the
 * diagnosis ranks it below playbook-consistent moves of similar value, and the
 * goal seek stays inside the guardrails unless the planner lifts them.
 *
 * Where the playbook gives no number the reading is this lab's and says so
 * (docs/planning.md "Playbook guardrails").
 */
import { getAt } from '../fields.ts';
import type { Scenario } from '../scenario.ts';
import { bilingual as tx, fullWidth, type Bilingual } from '../text.ts';
import { isWindowLever, leverAt, positionOf, WINDOW_HOURS_PATH, WINDOW_PATH, windowAfter, type Lever, type Setting } from './levers.ts';

type Value = number | boolean | string | readonly number[];

export interface Guardrail {
  readonly path: string;
  /** Numeric levers: the allowed values (a window: its start hour). */
  readonly min?: number;
  readonly max?: number;
  /** Enumerated levers: the allowed values. */
  readonly values?: readonly (string | boolean)[];
  /** The playbook's own setting, on the lever's axis value (window: start hour). */
  readonly advice: number | string | boolean;
  readonly source: string;
  readonly reason: Bilingual;
  /** The guardrail holds only for some groups (e.g. the §1 KPI of one positioning). */
  readonly appliesTo?: (scenario: Scenario) => boolean;
}

const knowledgeSharing = (s: Scenario) => s.group.positioning === 'knowledge_sharing';
const customerService = (s: Scenario) => s.group.positioning === 'customer_service';
const personalAccount = (s: Scenario) => s.group.platform === 'personal';
/** §3's admission filters screen the members of a community; an after-sales group admits the customers it serves (this lab's reading). */
const screensMembers = (s: Scenario) => s.group.positioning !== 'customer_service';

const WINDOW_REASON = tx('topics posted 19:00–21:00 get ≥ 47 % response', '19:00–21:00 发布的话题响应率 ≥ 47%');

export const GUARDRAILS: readonly Guardrail[] = [
  { path: 'content.promoPerWeek', min: 0, max: 1, advice: 0, source: '§4, §5',
    reason: tx('the covenant bans ads and over-marketing inflates activity falsely (effective messages > 70 %); at most 1 a week is this lab\'s reading',
      '群公约禁止广告，过度营销会虚增活跃度（有效发言 > 70%）；每周至多 1 条是本实验室的解读') },
  { path: 'content.promoHook', values: ['none'], advice: 'none', source: '§5',
    reason: tx('a red packet or giveaway on a promotion buys a burst of “1”, not conversation (over-marketing)', '推广附带红包或抽奖换来一串“1”，不是讨论（过度营销）') },
  { path: 'content.redPacketsPerWeek', min: 0, max: 1, advice: 0, source: '§4',
    reason: tx('the playbook\'s incentives are points and titles; red packets are not among them (at most 1 a week is this lab\'s reading)',
      '手册的激励是积分与头衔，不含红包（每周至多 1 个是本实验室的解读）') },
  // a window: both its ends within 19:00–21:00; the playbook's own window is the whole of it (start 19, 2 hours)
  { path: WINDOW_PATH, min: 19, max: 21, advice: 19, source: '§5', reason: WINDOW_REASON },
  { path: WINDOW_HOURS_PATH, min: 1, max: 2, advice: 2, source: '§5', reason: WINDOW_REASON },
  { path: 'content.postsPerWeek', min: 3, max: 14, advice: 3, source: '§1', appliesTo: knowledgeSharing,
    reason: tx('a knowledge-sharing group posts ≥ 3 valuable posts a week', '知识分享型群每周 ≥ 3 篇干货') },
  { path: 'content.announcement', values: [true], advice: true, source: '§2',
    reason: tx('right after creation, post the covenant, the value proposition and the mute rules', '建群后立即发布群公约、价值主张与禁言规则') },
  { path: 'content.themeDay', values: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], advice: 'thu', source: '§5',
    reason: tx('a weekly theme discussion (e.g. Thursday Q&A day)', '每周一次主题讨论日（如周四行业问答日）') },
  { path: 'content.monthlyEvent', values: [true], advice: true, source: '§5',
    reason: tx('a monthly online party', '每月一次线上活动') },
  { path: 'content.needsPollEveryDays', min: 1, max: 30, advice: 14, source: '§5', appliesTo: personalAccount,
    reason: tx('personal accounts collect needs with polls', '个人号用投票收集需求') },
  { path: 'growth.initialInvites', min: 10, max: 40, advice: 40, source: '§2',
    reason: tx('the first wave of invitations is at most 40 people', '首批邀请不超过 40 人') },
  { path: 'growth.batchSize', min: 1, max: 20, advice: 20, source: '§2', appliesTo: personalAccount,
    reason: tx('personal accounts invite in batches of at most 20 to avoid the anti-spam system', '个人号每批邀请不超过 20 人，以免触发反垃圾机制') },
  { path: 'admission.questionnaire', values: [true], advice: true, source: '§3', appliesTo: screensMembers,
    reason: tx('a qualification questionnaire is one of the three admission filters', '入群问卷是三道准入关之一') },
  { path: 'admission.identityCheck', values: [true], advice: true, source: '§3', appliesTo: screensMembers,
    reason: tx('identity verification is one of the three admission filters', '身份验证是三道准入关之一') },
  { path: 'admission.probationDays', min: 3, max: 3, advice: 3, source: '§3', appliesTo: screensMembers,
    reason: tx('newcomers observe muted for 3 days', '新人静音观察 3 天') },
  { path: 'incentives.points', values: ['message', 'effective'], advice: 'effective', source: '§4',
    reason: tx('incentives are points exchange and title upgrades, counted by a bot', '激励是积分兑换与头衔升级，由机器人自动统计') },
  { path: 'incentives.chainRewards', values: [true], advice: true, source: '§5',
    reason: tx('rewards for topic chains (接龙) are the lever for daily messages', '接龙奖励是提升日均发言的手段') },
  { path: 'incentives.teamCompetition', values: [true], advice: true, source: '§5',
    reason: tx('team points competitions are the lever for weekly participation', '小组积分竞赛是提升周参与率的手段') },
  { path: 'penalties.enabled', values: [true], advice: true, source: '§3, §4',
    reason: tx('violations are handled in grades: warning → timed mute → removal', '违规分级处理：警告 → 限时禁言 → 永久移出') },
  { path: 'penalties.strikesToRemove', min: 3, max: 3, advice: 3, source: '§4',
    reason: tx('removal after three violations', '三次违规移出') },
  { path: 'penalties.publicNotice', values: [true], advice: true, source: '§4',
    reason: tx('the admin announces removals with @all', '管理员 @全体成员 公示') },
  { path: 'team.admins', min: 1, max: 3, advice: 3, source: '§3',
    reason: tx('the core managers are the owner and 3 admins', '核心管理层为群主 + 3 名管理员') },
  { path: 'team.replyMinutes', min: 1, max: 15, advice: 15, source: '§1', appliesTo: customerService,
    reason: tx('a customer-service group answers in under 15 minutes', '客户服务型群响应时间 < 15 分钟') },
  { path: 'activation.dmPerAdminPerDay', min: 1, max: 10, advice: 2, source: '§6',
    reason: tx('lurkers need one-to-one private messages to re-activate', '潜水成员需要一对一私聊激活') },
  { path: 'activation.winBack', values: [true], advice: true, source: '§5',
    reason: tx('follow up with members who left', '对离群成员回访') },
];

const BY_PATH = new Map(GUARDRAILS.map((g) => [g.path, g]));

/** The guardrail on a lever in this scenario, if the playbook sets one for this group. */
export function guardrailOf(path: string, scenario: Scenario): Guardrail | undefined {
  const rail = BY_PATH.get(path);
  return rail && (!rail.appliesTo || rail.appliesTo(scenario)) ? rail : undefined;
}

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
    if ((rail.appliesTo && !rail.appliesTo(scenario)) || rail.path === WINDOW_HOURS_PATH) return [];
    return keepsTo(rail, getAt(scenario, rail.path) as Value) ? [] : [{ path: rail.path, source: rail.source, reason: rail.reason }];
  });
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
  return lang === 'zh' ? `违背手册（${breach.source}：${fullWidth(breach.reason.zh)}）` : `against the playbook (${breach.source}: ${breach.reason.en})`;
}
