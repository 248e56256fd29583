/**
 * Every scenario lever the editor shows, grouped as the playbook is: one record
 * per lever with its labels in both languages, its source, where planners
 * actually set it (its practical range) and what the playbook advises (its
 * guardrail); the posting window's record holds the record of its length, a
 * lever with no input of its own. Ranges, defaults, units and sources are not
 * repeated here: they are read from the zod schema's JSON Schema, which states
 * them once, so the editor cannot drift from the validation. The planner's levers (`planning/levers.ts`) and the playbook's
 * guardrails (`planning/guardrails.ts`) are derived from these records.
 */
import type { Positioning } from './playbook.ts';
import { scenarioJsonSchema, type Scenario } from './scenario.ts';
import { bilingual as tx, type Bilingual as Text } from './text.ts';

export type FieldKind = 'select' | 'integer' | 'number' | 'share' | 'boolean' | 'window' | 'mix' | 'thresholds' | 'ruleChanges';

/**
 * The playbook's setting or range for a lever, its section and the reason in
 * both languages. Where the playbook gives no number the reading is this lab's
 * and the reason says so (docs/planning.md "Playbook guardrails").
 */
export interface PlaybookAdvice {
  /** Numeric levers: the allowed values (a window: both its ends). */
  readonly min?: number;
  readonly max?: number;
  /** Enumerated levers: the allowed values. */
  readonly values?: readonly (string | boolean)[];
  /** The playbook's own setting, on the lever's axis value (window: start hour). */
  readonly advice: number | string | boolean;
  readonly source: string;
  readonly reason: Text;
  /** The positionings the advice is for (absent: every group); e.g. §4–§6's community-building tactics are not a customer-service group's. */
  readonly positionings?: readonly Positioning[];
  /** The advice holds only for some groups in another respect (e.g. personal accounts). */
  readonly appliesTo?: (scenario: Scenario) => boolean;
}

/** A lever as written in FIELD_RECORDS: what only the editor and the planner know of it. */
export interface FieldRecord {
  readonly path: string;
  readonly kind: FieldKind;
  readonly label: Text;
  readonly help?: Text;
  readonly options?: readonly { readonly value: string; readonly label: Text }[];
  /** Slider step for numbers. */
  readonly step?: number;
  /** Parts of a mix, in order. */
  readonly parts?: readonly { readonly key: string; readonly label: Text }[];
  /**
   * Numeric levers: where planners actually set it, [min, max] on the lever's
   * axis (window: start hour). Calibrated judgement, not the playbook; always
   * inside the schema's range. A numeric field without one is not a lever and
   * is listed in NOT_LEVERS.
   */
  readonly practical?: readonly [number, number];
  /** What the playbook advises for this lever; absent where it says nothing. */
  readonly playbook?: PlaybookAdvice;
  /**
   * The positionings whose operator can set this lever (absent: every group).
   * A brand's customer-service group cannot change who founded it, its
   * customers arrive through a live code (活码) and the brand does not control
   * the inflow; a resource-matching group's members come as the matching
   * brings them. The planner never moves such a lever for other groups.
   */
  readonly positionings?: readonly Positioning[];
  /**
   * Another lever this one needs switched on: with `path` at `off` the lever
   * does nothing an operator would recognise (a team *points* competition
   * with no points), so the planner does not move it alone; the diagnosis
   * moves it together with that lever, set to the playbook's setting.
   */
  readonly needs?: { readonly path: string; readonly off: string | boolean };
  /**
   * Options interchangeable with one another (the weekdays of a theme day):
   * a move from one to another is the run's calendar, not advice. The
   * diagnosis moves such a lever only between "none" and the playbook's
   * setting; the goal seek within the playbook keeps it where it is (or at
   * the playbook's setting when it is off).
   */
  readonly lateral?: readonly string[];
  /**
   * A window whose length is a lever of its own (the posting window's,
   * `content.windowHours`): that lever's record. It has no input of its own
   * (the editor sets the window's two ends); its source is the window's and
   * its unit hours, the whole hours the schema gives a window's ends in.
   */
  readonly length?: Omit<FieldRecord, 'length'>;
}

/** A lever's whole record: the written one, with its unit and source as the schema states them. */
export interface FieldSpec extends FieldRecord {
  /** From the schema (`unitOf`). */
  readonly unit?: Text;
  /** The playbook or model section the field comes from, from the schema (`sourceOf`). */
  readonly source: string;
  readonly length?: Omit<FieldSpec, 'length'>;
}

export interface FieldGroup<F extends FieldRecord = FieldSpec> {
  readonly id: string;
  readonly title: Text;
  /** The playbook sections the group's levers come from (the editor's section headings show it). */
  readonly section: string;
  readonly fields: readonly F[];
}

/**
 * Scenario fields (with what is inside them) a planner never varies, and why:
 * they describe the group, the experiment or the goals, or they are not one
 * axis. Every numeric field of the schema is a lever (it has a practical range)
 * or is listed here (test: `fields.test.ts`).
 */
export const NOT_LEVERS: Readonly<Record<string, string>> = {
  'group.positioning': 'describes the group: it sets the goals',
  'group.need': 'describes the members: what they need, not what the team does',
  'group.needVaries': 'describes what the planner knows of the members, not a strategy',
  horizonDays: 'the experiment', runs: 'the experiment', seed: 'the experiment',
  schemaVersion: 'the file format',
  goals: 'the goals, not a strategy',
  'team.dutyHours': 'a window of the team\'s day, not varied as one axis',
  'population.mix': 'a mix: its shares move together',
  'content.mix': 'a mix: its shares move together',
  'incentives.titleThresholds': 'a list of levels',
  ruleChanges: 'a schedule of events',
  parameters: 'calibrated model constants (parameters.ts), not the operator\'s',
};

/** Whether a field path is never varied by a planner (listed, or inside a listed field). */
export function isNotLever(path: string): boolean {
  return Object.keys(NOT_LEVERS).some((key) => path === key || path.startsWith(`${key}.`));
}

/**
 * Groups built as communities (§2–§6's tactics: chain rewards, team
 * competitions, theme days, monthly parties, points, DMs to lurkers, win-back,
 * a first wave of ≤ 40): a customer-service group serves customers instead. The
 * playbook's rules on those are judged in community groups only, and the
 * community events are not a customer-service group's levers.
 */
const COMMUNITY: readonly Positioning[] = ['knowledge_sharing', 'resource_matching'];
/** Groups whose operator chooses the founder, how members join and how many are invited. */
const OWN_INFLOW: readonly Positioning[] = ['knowledge_sharing'];

const knowledgeSharing = (s: Scenario) => s.group.positioning === 'knowledge_sharing';
const customerService = (s: Scenario) => s.group.positioning === 'customer_service';
const personalAccount = (s: Scenario) => s.group.platform === 'personal';
/** §3's admission filters screen the members of a community; an after-sales group admits the customers it serves (this lab's reading). */
const screensMembers = (s: Scenario) => s.group.positioning !== 'customer_service';

const WEEKDAY_OPTIONS = [
  { value: 'none', label: tx('none', '无') },
  { value: 'mon', label: tx('Monday', '周一') },
  { value: 'tue', label: tx('Tuesday', '周二') },
  { value: 'wed', label: tx('Wednesday', '周三') },
  { value: 'thu', label: tx('Thursday', '周四') },
  { value: 'fri', label: tx('Friday', '周五') },
  { value: 'sat', label: tx('Saturday', '周六') },
  { value: 'sun', label: tx('Sunday', '周日') },
] as const;

const DAYS = tx('days', '天');
const PEOPLE = tx('people', '人');
const HOURS = tx('hours', '小时');

const WINDOW_REASON = tx('topics posted 19:00–21:00 get ≥\u00a047\u00a0% response', '19:00–21:00 发布的话题响应率 ≥ 47%');

/**
 * The editor's word for each unit the schema names. A rate's label already says
 * "per week", so it shows the count's unit; a unit the label names already
 * (strikes, DMs) is not repeated (null).
 */
const UNIT_LABELS: Readonly<Record<string, Text | null>> = {
  days: DAYS, day: DAYS, people: PEOPLE, members: PEOPLE, admins: PEOPLE, runs: tx('runs', '次'),
  hours: HOURS, minutes: tx('minutes', '分钟'),
  'posts/week': tx('posts', '篇'), 'promotions/week': tx('posts', '条'), 'red packets/week': tx('red packets', '个'),
  strikes: null, DMs: null, points: null,
};

const FIELD_RECORDS: readonly FieldGroup<FieldRecord>[] = [
  {
    id: 'positioning',
    title: tx('Positioning and goals', '群定位与目标'),
    section: '§1',
    fields: [
      { path: 'group.positioning', kind: 'select', label: tx('Positioning', '群定位'), help: tx('Sets the KPIs the results are judged against.', '决定结果对照的关键指标。'),
        options: [
          { value: 'knowledge_sharing', label: tx('Knowledge sharing', '知识分享型') },
          { value: 'resource_matching', label: tx('Resource matching', '资源对接型') },
          { value: 'customer_service', label: tx('Customer service', '客户服务型') },
        ] },
      { path: 'group.platform', kind: 'select', label: tx('Platform', '平台'), help: tx('WeCom has APIs, tags, auto-reply and keyword monitoring.', '企业微信有接口、标签、自动回复和关键词监控。'),
        options: [
          { value: 'personal', label: tx('Personal WeChat', '个人微信') },
          { value: 'enterprise', label: tx('WeCom (enterprise WeChat)', '企业微信') },
        ] },
      { path: 'group.need', kind: 'number', label: tx('Members’ need for the group (1 = typical)', '成员对群的刚需程度（1 为一般）'),
        help: tx('Members come back to a group they need (a job or school-parents group) whatever the team does: 2 = twice a typical group’s need, 0.5 = half. The lab’s defaults describe a typical group (1).',
          '成员需要的群（如工作群、家长群），不管运营做什么，他们都会回来：2 为一般群的两倍，0.5 为一半。本实验室的默认值描述的是一般的群（1）。'), step: 0.1 },
      { path: 'group.needVaries', kind: 'boolean', label: tx('Not sure of the need: draw it anew in each run', '不确定刚需程度：每次模拟随机抽'),
        help: tx('Each run is a different group, its need drawn with the value above as the middle: some groups then live with nobody running them, others die. For a class or a group you know little about; leave it off for a group you know.',
          '每次模拟都是一个不同的群，刚需程度随机抽取，上面的值为中位数：这样有的群没人运营也能活下来，有的沉寂。适合课堂演示或不了解的群；了解自己的群时请不要勾选。') },
      { path: 'founder', kind: 'select', positionings: OWN_INFLOW, label: tx('Founder', '创建者'),
        options: [
          { value: 'admin', label: tx('An admin', '管理员') },
          { value: 'kol', label: tx('A domain KOL', '领域 KOL') },
        ] },
      { path: 'horizonDays', kind: 'integer', label: tx('Days simulated', '模拟天数'), step: 1 },
      { path: 'runs', kind: 'integer', label: tx('Runs in a full ensemble', '完整模拟次数'), step: 50 },
      { path: 'seed', kind: 'integer', label: tx('Random seed', '随机种子'), help: tx('Same strategy and seed give the same numbers.', '相同策略与种子得到相同结果。') },
      { path: 'goals.coreActive.target', kind: 'integer', label: tx('Goal: core active users', '目标：核心活跃用户数'), help: tx('The SMART goal asks for 10 (not a goal of a customer-service group).', 'SMART 目标为 10 人（客户服务型不考核此项）。'), step: 1 },
      { path: 'goals.coreActive.minDays', kind: 'integer', label: tx('A core active user speaks on at least', '核心活跃用户：至少发言'), help: tx('The playbook gives no definition; 4 of 14 days is about twice a week, every week.', '手册未给出定义；14 天中 4 天约为每周两次。'), step: 1 },
      { path: 'goals.coreActive.windowDays', kind: 'integer', label: tx('…of the last', '…在最近'), step: 1 },
    ],
  },
  {
    id: 'creation',
    title: tx('Creation and invitations', '创建与邀请'),
    section: '§2',
    fields: [
      { path: 'growth.channel', kind: 'select', positionings: OWN_INFLOW, label: tx('How members join', '入群方式'),
        options: [
          { value: 'direct', label: tx('Direct invitation', '直接邀请') },
          { value: 'qr', label: tx('Group QR code (7 days, ≤ 200)', '群二维码（7 天，200 人内）') },
          { value: 'enterprise', label: tx('WeCom API / live code', '企业微信接口 / 活码') },
        ] },
      { path: 'growth.initialInvites', kind: 'integer', label: tx('First wave', '首批邀请'), help: tx('The playbook advises ≤ 40.', '手册建议不超过 40 人。'), step: 5,
        practical: [10, 200],
        playbook: { positionings: COMMUNITY, min: 10, max: 40, advice: 40, source: '§2',
          reason: tx('the first wave of invitations is at most 40 people', '首批邀请不超过 40 人') } },
      { path: 'growth.batchSize', kind: 'integer', label: tx('Batch size', '每批人数'), help: tx('Personal accounts: batches above 20 risk the anti-spam block.', '个人号单批超过 20 人可能触发反垃圾机制。'), step: 5,
        practical: [5, 40],
        playbook: { min: 1, max: 20, advice: 20, source: '§2', appliesTo: personalAccount,
          reason: tx('personal accounts invite in batches of at most 20 to avoid the anti-spam system', '个人号每批邀请不超过 20 人，以免触发反垃圾机制') } },
      { path: 'growth.invitesPerDay', kind: 'integer', positionings: OWN_INFLOW, label: tx('Later invitations per day', '之后每日邀请'), step: 5,
        practical: [0, 40] },
      { path: 'growth.inviteDays', kind: 'integer', positionings: OWN_INFLOW, label: tx('Days with invitations', '邀请持续天数'), step: 1,
        practical: [0, 30] },
      { path: 'growth.inviteWording', kind: 'share', label: tx('Invitation wording quality', '邀请话术质量'), step: 0.05,
        practical: [0.2, 1] },
      { path: 'growth.qrRefreshDays', kind: 'integer', label: tx('Refresh the QR code every', '二维码刷新间隔'), help: tx('0 = never; a code is valid 7 days.', '0 表示不刷新；二维码有效期 7 天。'), step: 1,
        practical: [0, 7] },
      { path: 'group.capacity', kind: 'integer', label: tx('Member limit', '人数上限'), step: 10,
        practical: [100, 500] },
      { path: 'population.mix', kind: 'mix', label: tx('Who is invited', '邀请人群结构'), help: tx('Target pyramid 10 / 20 / 70; shares sum to 1.', '目标金字塔 10/20/70；占比之和为 1。'),
        parts: [
          { key: 'core', label: tx('core', '核心') },
          { key: 'active', label: tx('active', '活跃') },
          { key: 'ordinary', label: tx('ordinary', '普通') },
        ] },
    ],
  },
  {
    id: 'admission',
    title: tx('Admission', '准入'),
    section: '§3',
    fields: [
      { path: 'admission.questionnaire', kind: 'boolean', label: tx('Qualification questionnaire', '入群问卷'), help: tx('≈ 15 % eliminated at the default cutoff.', '默认门槛约淘汰 15%。'),
        playbook: { values: [true], advice: true, source: '§3', appliesTo: screensMembers,
          reason: tx('a qualification questionnaire is one of the three admission filters', '入群问卷是三道准入关之一') } },
      { path: 'admission.relevanceCutoff', kind: 'share', label: tx('Questionnaire cutoff (relevance)', '问卷门槛（相关度）'), step: 0.05,
        practical: [0.2, 0.8] },
      { path: 'admission.activityScreen', kind: 'boolean', label: tx('Activity screen (> 3/week elsewhere)', '活跃度筛选（他群周发言 > 3）'), help: tx('≈ 25 % eliminated.', '约淘汰 25%。') },
      { path: 'admission.valuesTest', kind: 'boolean', label: tx('Values test', '价值观测试'), help: tx('≈ 10 % eliminated.', '约淘汰 10%。') },
      { path: 'admission.identityCheck', kind: 'boolean', label: tx('Identity check', '身份验证'), help: tx('Blocks most marketers; costs some conversion.', '拦截大部分营销号；略降转化。'),
        playbook: { values: [true], advice: true, source: '§3', appliesTo: screensMembers,
          reason: tx('identity verification is one of the three admission filters', '身份验证是三道准入关之一') } },
      { path: 'admission.probationDays', kind: 'integer', label: tx('Muted probation', '静音观察期'), help: tx('The playbook advises 3 days.', '手册建议 3 天。'), step: 1,
        practical: [0, 7],
        playbook: { min: 3, max: 3, advice: 3, source: '§3', appliesTo: screensMembers,
          reason: tx('newcomers observe muted for 3 days', '新人静音观察 3 天') } },
    ],
  },
  {
    id: 'rules',
    title: tx('Rules, incentives and penalties', '规则、激励与惩罚'),
    section: '§4',
    fields: [
      { path: 'content.announcement', kind: 'boolean', label: tx('Announcement at creation', '建群公告'), help: tx('Covenant, value proposition, mute rules.', '群公约、价值主张、禁言规则。'),
        playbook: { values: [true], advice: true, source: '§2',
          reason: tx('right after creation, post the covenant, the value proposition and the mute rules', '建群后立即发布群公约、价值主张与禁言规则') } },
      { path: 'incentives.points', kind: 'select', label: tx('Points', '积分'),
        options: [
          { value: 'none', label: tx('none', '无') },
          { value: 'message', label: tx('per message', '按条计分') },
          { value: 'effective', label: tx('per effective message', '按有效发言计分') },
        ],
        playbook: { positionings: COMMUNITY, values: ['message', 'effective'], advice: 'effective', source: '§4',
          reason: tx('incentives are points exchange and title upgrades, counted by a bot', '激励是积分兑换与头衔升级，由机器人自动统计') } },
      { path: 'incentives.titleThresholds', kind: 'thresholds', label: tx('Title levels (points)', '头衔门槛（积分）'), help: tx('Comma-separated, increasing.', '逗号分隔，递增。') },
      { path: 'incentives.chainRewards', kind: 'boolean', positionings: COMMUNITY, label: tx('Chain (接龙) rewards', '接龙奖励'),
        playbook: { positionings: COMMUNITY, values: [true], advice: true, source: '§5',
          reason: tx('rewards for topic chains (接龙) are the lever for daily messages', '接龙奖励是提升日均发言的手段') } },
      { path: 'incentives.teamCompetition', kind: 'boolean', positionings: COMMUNITY, needs: { path: 'incentives.points', off: 'none' }, label: tx('Team points competition', '小组积分竞赛'),
        playbook: { positionings: COMMUNITY, values: [true], advice: true, source: '§5',
          reason: tx('team points competitions are the lever for weekly participation', '小组积分竞赛是提升周参与率的手段') } },
      { path: 'penalties.enabled', kind: 'boolean', label: tx('Enforce the covenant', '执行群公约'),
        playbook: { values: [true], advice: true, source: '§3, §4',
          reason: tx('violations are handled in grades: warning → timed mute → removal', '违规分级处理：警告 → 限时禁言 → 永久移出') } },
      { path: 'penalties.strikesToRemove', kind: 'integer', label: tx('Removal on strike', '第几次违规移出'), help: tx('Warning → timed mute → removal.', '警告 → 限时禁言 → 永久移出。'), step: 1,
        practical: [1, 5],
        playbook: { min: 3, max: 3, advice: 3, source: '§4',
          reason: tx('removal after three violations', '三次违规移出') } },
      { path: 'penalties.muteHours', kind: 'number', label: tx('Timed mute', '限时禁言'), step: 1,
        practical: [1, 72] },
      { path: 'penalties.detection', kind: 'share', label: tx('Chance the team notices', '违规发现率'), step: 0.05,
        practical: [0.2, 1] },
      { path: 'penalties.publicNotice', kind: 'boolean', label: tx('Announce removals with @all', '@全体成员 公示移出'),
        // a brand does not @all-announce that it removed a customer: a community's rule (§4)
        playbook: { positionings: COMMUNITY, values: [true], advice: true, source: '§4',
          reason: tx('the admin announces removals with @all', '管理员 @全体成员 公示') } },
      { path: 'ruleChanges', kind: 'ruleChanges', label: tx('Rule changes', '规则变更'), help: tx('3 days’ notice and a chain vote keep the cost small.', '提前 3 天公告并接龙投票，代价最小。') },
    ],
  },
  {
    id: 'content',
    title: tx('Content and activity', '内容与活跃'),
    section: '§5',
    fields: [
      { path: 'content.postsPerWeek', kind: 'number', label: tx('Content posts per week', '每周内容数'), help: tx('Knowledge sharing: ≥ 3 valuable posts a week.', '知识分享型：每周干货 ≥ 3 次。'), step: 1,
        practical: [0, 14],
        playbook: { min: 3, max: 14, advice: 3, source: '§1', appliesTo: knowledgeSharing,
          reason: tx('a knowledge-sharing group posts ≥ 3 valuable posts a week', '知识分享型群每周 ≥ 3 篇干货') } },
      { path: 'content.mix', kind: 'mix', label: tx('Content mix', '内容结构'), help: tx('Playbook: 30 % news, 40 % tips, 30 % spotlights.', '手册：30% 行业资讯、40% 实用技巧、30% 成员展示。'),
        parts: [
          { key: 'news', label: tx('news', '资讯') },
          { key: 'tips', label: tx('tips', '技巧') },
          { key: 'spotlight', label: tx('spotlights', '展示') },
        ] },
      { path: 'content.window', kind: 'window', label: tx('Posting window', '发布时段'), help: tx('19:00–21:00 gets ≥\u00a047\u00a0% response.', '19:00–21:00 话题响应率 ≥ 47%。'),
        practical: [8, 22],
        // a window: both its ends within 19:00–21:00; the playbook's own window is the whole of it (start 19, 2 hours)
        playbook: { min: 19, max: 21, advice: 19, source: '§5', reason: WINDOW_REASON },
        // its length moves too, so a 1-hour window can become the playbook's 19:00–21:00 (levers.ts)
        length: { path: 'content.windowHours', kind: 'integer', label: tx('Posting window length', '发布时段时长'), step: 1,
          practical: [1, 4],
          playbook: { min: 1, max: 2, advice: 2, source: '§5', reason: WINDOW_REASON } } },
      { path: 'content.themeDay', kind: 'select', positionings: COMMUNITY, label: tx('Weekly theme day', '每周主题讨论日'), options: WEEKDAY_OPTIONS,
        lateral: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
        playbook: { positionings: COMMUNITY, values: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], advice: 'thu', source: '§5',
          reason: tx('a weekly theme discussion (e.g. Thursday Q&A day)', '每周一次主题讨论日（如周四行业问答日）') } },
      { path: 'content.monthlyEvent', kind: 'boolean', positionings: COMMUNITY, label: tx('Monthly online party', '月度线上活动'),
        playbook: { positionings: COMMUNITY, values: [true], advice: true, source: '§5',
          reason: tx('a monthly online party', '每月一次线上活动') } },
      { path: 'content.needsPollEveryDays', kind: 'integer', label: tx('Needs poll every', '需求投票间隔'), help: tx('0 = never.', '0 表示不做。'), step: 1,
        practical: [0, 30],
        playbook: { min: 1, max: 30, advice: 14, source: '§5', appliesTo: personalAccount,
          reason: tx('personal accounts collect needs with polls', '个人号用投票收集需求') } },
      { path: 'content.promoPerWeek', kind: 'number', label: tx('Promotions per week', '每周推广'), help: tx('Over-marketing inflates activity falsely.', '过度营销会虚增活跃度。'), step: 1,
        practical: [0, 14],
        playbook: { min: 0, max: 1, advice: 0, source: '§4, §5',
          reason: tx('the covenant bans ads and over-marketing inflates activity falsely (effective messages >\u00a070\u00a0%); at most 1 a week is this lab\'s reading',
          '群公约禁止广告，过度营销会虚增活跃度（有效发言 > 70%）；每周至多 1 条是本实验室的解读') } },
      { path: 'content.promoHook', kind: 'select', label: tx('Promotions carry', '推广附带'), help: tx('A red packet or giveaway draws a burst of “1” and thanks: busy, not valuable.', '红包或抽奖会引来一串“1”和感谢：热闹，但不是有效发言。'),
        options: [
          { value: 'none', label: tx('nothing', '无') },
          { value: 'redPacket', label: tx('a red packet (红包)', '红包') },
          { value: 'giveaway', label: tx('a giveaway (抽奖/福利)', '抽奖/福利') },
        ],
        playbook: { values: ['none'], advice: 'none', source: '§5',
          reason: tx('a red packet or giveaway on a promotion buys a burst of “1”, not conversation (over-marketing)', '推广附带红包或抽奖换来一串“1”，不是讨论（过度营销）') } },
      { path: 'content.redPacketsPerWeek', kind: 'number', label: tx('Plain red packets per week', '每周普通红包'), help: tx('Warms the group for a day; costs money (counted per week in the results).', '暖群一天；需要花钱（结果中按周计数）。'), step: 1,
        practical: [0, 7],
        playbook: { min: 0, max: 1, advice: 0, source: '§4',
          reason: tx('the playbook\'s incentives are points and titles; red packets are not among them (at most 1 a week is this lab\'s reading)',
          '手册的激励是积分与头衔，不含红包（每周至多 1 个是本实验室的解读）') } },
    ],
  },
  {
    id: 'team',
    title: tx('Team and automation', '团队与工具'),
    // the team (§3), its tools (§4), win-back (§5) and DMs (§6): the article gives tools no section of their own
    section: '§3–§6',
    fields: [
      { path: 'team.admins', kind: 'integer', label: tx('Admins besides the owner', '管理员人数（不含群主）'), step: 1,
        practical: [0, 6],
        // §3 names the core managers: the owner and 3 admins (fewer is a thinner team, not a leaner one)
        playbook: { min: 3, max: 3, advice: 3, source: '§3',
          reason: tx('the core managers are the owner and 3 admins', '核心管理层为群主 + 3 名管理员') } },
      { path: 'team.dutyHours', kind: 'window', label: tx('Duty hours', '值班时段') },
      { path: 'team.replyMinutes', kind: 'number', label: tx('Team answer time on duty', '值班回复用时'), step: 1,
        // judgement, not the playbook's: an admin on duty who leaves a question longer than an hour is not on duty, so
        // sweeps and the advice try at most an hour (the editor still takes any time the schema allows)
        practical: [5, 60],
        playbook: { min: 1, max: 15, advice: 15, source: '§1', appliesTo: customerService,
          reason: tx('a customer-service group answers in under 15 minutes', '客户服务型群响应时间 < 15 分钟') } },
      { path: 'activation.dmPerAdminPerDay', kind: 'integer', label: tx('DMs per admin per day', '每位管理员每日私聊'), help: tx('One-to-one messages re-activate lurkers.', '一对一私聊激活潜水成员。'), step: 1,
        practical: [0, 10],
        playbook: { positionings: COMMUNITY, min: 1, max: 10, advice: 2, source: '§6',
          reason: tx('lurkers need one-to-one private messages to re-activate', '潜水成员需要一对一私聊激活') } },
      { path: 'activation.silentDays', kind: 'integer', label: tx('DM after days of silence', '沉默多少天后私聊'), step: 1,
        practical: [3, 21] },
      { path: 'activation.winBack', kind: 'boolean', label: tx('Follow up with members who left', '离群回访'),
        playbook: { positionings: COMMUNITY, values: [true], advice: true, source: '§5',
          reason: tx('follow up with members who left', '对离群成员回访') } },
      { path: 'automation.autoReply', kind: 'boolean', label: tx('Keyword auto-reply (WeCom)', '关键词自动回复（企业微信）') },
      { path: 'automation.autoReplyCoverage', kind: 'share', label: tx('Questions auto-reply answers', '自动回复覆盖的问题'), step: 0.05,
        practical: [0, 0.9] },
      { path: 'automation.keywordMonitoring', kind: 'boolean', label: tx('Keyword monitoring (WeCom)', '关键词监控（企业微信）') },
    ],
  },
];


interface JsonSchemaNode {
  properties?: Record<string, JsonSchemaNode>;
  type?: string | string[];
  /** Set by the schema's numeric fields (scenario.ts `numberIn`). */
  unit?: string;
  /** The playbook or model section of a field the editor shows (scenario.ts). */
  source?: string;
  minimum?: number;
  maximum?: number;
  default?: unknown;
  prefixItems?: JsonSchemaNode[];
  items?: JsonSchemaNode;
}

let schemaRoot: JsonSchemaNode | null = null;

/** The JSON Schema node of a dotted path (ranges and defaults come from here). */
export function schemaOf(path: string): JsonSchemaNode {
  schemaRoot ??= scenarioJsonSchema() as JsonSchemaNode;
  let node: JsonSchemaNode = schemaRoot;
  for (const part of path.split('.')) {
    const next = node.properties?.[part];
    if (!next) throw new Error(`no schema for ${path}`);
    node = next;
  }
  return node;
}

export function rangeOf(path: string): { min: number; max: number } {
  const node = schemaOf(path);
  const item = node.prefixItems?.[0] ?? node.items ?? node;
  return { min: item.minimum ?? 0, max: item.maximum ?? 1 };
}

export function getAt(object: unknown, path: string): unknown {
  let value: unknown = object;
  for (const part of path.split('.')) value = (value as Record<string, unknown> | undefined)?.[part];
  return value;
}

/** A copy of `object` with `value` at `path` (plain JSON objects). */
export function setAt<T>(object: T, path: string, value: unknown): T {
  const parts = path.split('.');
  const copy = structuredClone(object) as Record<string, unknown>;
  let node = copy;
  for (const part of parts.slice(0, -1)) {
    if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts.at(-1)!] = value;
  return copy as T;
}

/** The unit of a field, as the schema states it (none for shares, windows, options). */
export function unitOf(path: string): Text | undefined {
  const { unit } = schemaOf(path);
  if (unit === undefined) return undefined;
  const label = UNIT_LABELS[unit];
  if (label === undefined) throw new Error(`${path}: no label for the schema's unit "${unit}"`);
  return label ?? undefined;
}

/** The section a field comes from, as the schema states it (every field of the editor has one). */
export function sourceOf(path: string): string {
  const { source } = schemaOf(path);
  if (!source) throw new Error(`${path}: the schema names no source`);
  return source;
}

export const FIELD_GROUPS: readonly FieldGroup[] = FIELD_RECORDS.map((group) => ({
  ...group,
  fields: group.fields.map(({ length, ...field }): FieldSpec => {
    const unit = unitOf(field.path);
    const source = sourceOf(field.path);
    // a window's length: in the hours of its ends, from the window's source
    return { ...field, source, ...(unit ? { unit } : {}), ...(length ? { length: { ...length, source, unit: HOURS } } : {}) };
  }),
}));

/** The fields the editor shows. */
export const ALL_FIELDS: readonly FieldSpec[] = FIELD_GROUPS.flatMap((g) => g.fields);

/** Every record a planner may vary: the editor's fields, a window followed by its length where that is a lever. */
export const LEVER_RECORDS: readonly FieldSpec[] = ALL_FIELDS.flatMap((field) => (field.length ? [field, field.length] : [field]));
