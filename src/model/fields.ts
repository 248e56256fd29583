/**
 * Every scenario lever the editor shows, grouped as the playbook is, with its
 * labels in both languages and its source. Ranges and defaults are not repeated
 * here: they are read from the zod schema's JSON Schema, so the editor cannot
 * drift from the validation.
 */
import { scenarioJsonSchema } from './scenario.ts';
import { bilingual as tx, type Bilingual as Text } from './text.ts';

export type FieldKind = 'select' | 'integer' | 'number' | 'share' | 'boolean' | 'window' | 'mix' | 'thresholds' | 'ruleChanges';

export interface FieldSpec {
  readonly path: string;
  readonly kind: FieldKind;
  readonly label: Text;
  readonly help?: Text;
  readonly unit?: Text;
  readonly source: string;
  readonly options?: readonly { readonly value: string; readonly label: Text }[];
  /** Slider step for numbers. */
  readonly step?: number;
  /** Parts of a mix, in order. */
  readonly parts?: readonly { readonly key: string; readonly label: Text }[];
}

export interface FieldGroup {
  readonly id: string;
  readonly title: Text;
  /** The playbook sections the group's levers come from (the editor's section headings show it). */
  readonly section: string;
  readonly fields: readonly FieldSpec[];
}

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

export const FIELD_GROUPS: readonly FieldGroup[] = [
  {
    id: 'positioning',
    title: tx('Positioning and goals', '群定位与目标'),
    section: '§1',
    fields: [
      { path: 'group.positioning', kind: 'select', label: tx('Positioning', '群定位'), source: '§1', help: tx('Sets the KPIs the results are judged against.', '决定结果对照的关键指标。'),
        options: [
          { value: 'knowledge_sharing', label: tx('Knowledge sharing', '知识分享型') },
          { value: 'resource_matching', label: tx('Resource matching', '资源对接型') },
          { value: 'customer_service', label: tx('Customer service', '客户服务型') },
        ] },
      { path: 'group.platform', kind: 'select', label: tx('Platform', '平台'), source: '§1', help: tx('WeCom has APIs, tags, auto-reply and keyword monitoring.', '企业微信有接口、标签、自动回复和关键词监控。'),
        options: [
          { value: 'personal', label: tx('Personal WeChat', '个人微信') },
          { value: 'enterprise', label: tx('WeCom (enterprise WeChat)', '企业微信') },
        ] },
      { path: 'founder', kind: 'select', label: tx('Founder', '创建者'), source: '§2',
        options: [
          { value: 'admin', label: tx('An admin', '管理员') },
          { value: 'kol', label: tx('A domain KOL', '领域 KOL') },
        ] },
      { path: 'horizonDays', kind: 'integer', label: tx('Days simulated', '模拟天数'), unit: DAYS, source: 'MODEL §1', step: 1 },
      { path: 'runs', kind: 'integer', label: tx('Runs in a full ensemble', '完整模拟次数'), unit: tx('runs', '次'), source: 'MODEL §1', step: 50 },
      { path: 'seed', kind: 'integer', label: tx('Random seed', '随机种子'), source: 'MODEL §9', help: tx('Same strategy and seed give the same numbers.', '相同策略与种子得到相同结果。') },
      { path: 'goals.coreActive.target', kind: 'integer', label: tx('Goal: core active users', '目标：核心活跃用户数'), unit: PEOPLE, source: '§1', help: tx('The SMART goal asks for 10 (not a goal of a customer-service group).', 'SMART 目标为 10 人（客户服务型不考核此项）。'), step: 1 },
      { path: 'goals.coreActive.minDays', kind: 'integer', label: tx('A core active user speaks on at least', '核心活跃用户：至少发言'), unit: DAYS, source: 'MODEL §7', help: tx('The playbook gives no definition; 4 of 14 days is about twice a week, every week.', '手册未给出定义；14 天中 4 天约为每周两次。'), step: 1 },
      { path: 'goals.coreActive.windowDays', kind: 'integer', label: tx('…of the last', '…在最近'), unit: DAYS, source: 'MODEL §7', step: 1 },
    ],
  },
  {
    id: 'creation',
    title: tx('Creation and invitations', '创建与邀请'),
    section: '§2',
    fields: [
      { path: 'growth.channel', kind: 'select', label: tx('How members join', '入群方式'), source: '§2',
        options: [
          { value: 'direct', label: tx('Direct invitation', '直接邀请') },
          { value: 'qr', label: tx('Group QR code (7 days, ≤ 200)', '群二维码（7 天，200 人内）') },
          { value: 'enterprise', label: tx('WeCom API / live code', '企业微信接口 / 活码') },
        ] },
      { path: 'growth.initialInvites', kind: 'integer', label: tx('First wave', '首批邀请'), unit: PEOPLE, source: '§2', help: tx('The playbook advises ≤ 40.', '手册建议不超过 40 人。'), step: 5 },
      { path: 'growth.batchSize', kind: 'integer', label: tx('Batch size', '每批人数'), unit: PEOPLE, source: '§2', help: tx('Personal accounts: batches above 20 risk the anti-spam block.', '个人号单批超过 20 人可能触发反垃圾机制。'), step: 5 },
      { path: 'growth.invitesPerDay', kind: 'integer', label: tx('Later invitations per day', '之后每日邀请'), unit: PEOPLE, source: '§2', step: 5 },
      { path: 'growth.inviteDays', kind: 'integer', label: tx('Days with invitations', '邀请持续天数'), unit: DAYS, source: '§2', step: 1 },
      { path: 'growth.inviteWording', kind: 'share', label: tx('Invitation wording quality', '邀请话术质量'), source: '§6', step: 0.05 },
      { path: 'growth.qrRefreshDays', kind: 'integer', label: tx('Refresh the QR code every', '二维码刷新间隔'), unit: DAYS, source: '§2', help: tx('0 = never; a code is valid 7 days.', '0 表示不刷新；二维码有效期 7 天。'), step: 1 },
      { path: 'group.capacity', kind: 'integer', label: tx('Member limit', '人数上限'), unit: PEOPLE, source: '§2', step: 10 },
      { path: 'population.mix', kind: 'mix', label: tx('Who is invited', '邀请人群结构'), source: '§3', help: tx('Target pyramid 10 / 20 / 70; shares sum to 1.', '目标金字塔 10/20/70；占比之和为 1。'),
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
      { path: 'admission.questionnaire', kind: 'boolean', label: tx('Qualification questionnaire', '入群问卷'), source: '§3', help: tx('≈ 15 % eliminated at the default cutoff.', '默认门槛约淘汰 15%。') },
      { path: 'admission.relevanceCutoff', kind: 'share', label: tx('Questionnaire cutoff (relevance)', '问卷门槛（相关度）'), source: '§3', step: 0.05 },
      { path: 'admission.activityScreen', kind: 'boolean', label: tx('Activity screen (> 3/week elsewhere)', '活跃度筛选（他群周发言 > 3）'), source: '§3', help: tx('≈ 25 % eliminated.', '约淘汰 25%。') },
      { path: 'admission.valuesTest', kind: 'boolean', label: tx('Values test', '价值观测试'), source: '§3', help: tx('≈ 10 % eliminated.', '约淘汰 10%。') },
      { path: 'admission.identityCheck', kind: 'boolean', label: tx('Identity check', '身份验证'), source: '§3', help: tx('Blocks most marketers; costs some conversion.', '拦截大部分营销号；略降转化。') },
      { path: 'admission.probationDays', kind: 'integer', label: tx('Muted probation', '静音观察期'), unit: DAYS, source: '§3', help: tx('The playbook advises 3 days.', '手册建议 3 天。'), step: 1 },
    ],
  },
  {
    id: 'rules',
    title: tx('Rules, incentives and penalties', '规则、激励与惩罚'),
    section: '§4',
    fields: [
      { path: 'content.announcement', kind: 'boolean', label: tx('Announcement at creation', '建群公告'), source: '§2', help: tx('Covenant, value proposition, mute rules.', '群公约、价值主张、禁言规则。') },
      { path: 'incentives.points', kind: 'select', label: tx('Points', '积分'), source: '§4',
        options: [
          { value: 'none', label: tx('none', '无') },
          { value: 'message', label: tx('per message', '按条计分') },
          { value: 'effective', label: tx('per effective message', '按有效发言计分') },
        ] },
      { path: 'incentives.titleThresholds', kind: 'thresholds', label: tx('Title levels (points)', '头衔门槛（积分）'), source: '§4', help: tx('Comma-separated, increasing.', '逗号分隔，递增。') },
      { path: 'incentives.chainRewards', kind: 'boolean', label: tx('Chain (接龙) rewards', '接龙奖励'), source: '§5' },
      { path: 'incentives.teamCompetition', kind: 'boolean', label: tx('Team points competition', '小组积分竞赛'), source: '§5' },
      { path: 'penalties.enabled', kind: 'boolean', label: tx('Enforce the covenant', '执行群公约'), source: '§3, §4' },
      { path: 'penalties.strikesToRemove', kind: 'integer', label: tx('Removal on strike', '第几次违规移出'), source: '§4', help: tx('Warning → timed mute → removal.', '警告 → 限时禁言 → 永久移出。'), step: 1 },
      { path: 'penalties.muteHours', kind: 'number', label: tx('Timed mute', '限时禁言'), unit: tx('hours', '小时'), source: '§3', step: 1 },
      { path: 'penalties.detection', kind: 'share', label: tx('Chance the team notices', '违规发现率'), source: 'MODEL §3.7', step: 0.05 },
      { path: 'penalties.publicNotice', kind: 'boolean', label: tx('Announce removals with @all', '@全体成员 公示移出'), source: '§4' },
      { path: 'ruleChanges', kind: 'ruleChanges', label: tx('Rule changes', '规则变更'), source: '§4', help: tx('3 days’ notice and a chain vote keep the cost small.', '提前 3 天公告并接龙投票，代价最小。') },
    ],
  },
  {
    id: 'content',
    title: tx('Content and activity', '内容与活跃'),
    section: '§5',
    fields: [
      { path: 'content.postsPerWeek', kind: 'number', label: tx('Content posts per week', '每周内容数'), unit: tx('posts', '篇'), source: '§1', help: tx('Knowledge sharing: ≥ 3 valuable posts a week.', '知识分享型：每周干货 ≥ 3 次。'), step: 1 },
      { path: 'content.mix', kind: 'mix', label: tx('Content mix', '内容结构'), source: '§5', help: tx('Playbook: 30 % news, 40 % tips, 30 % spotlights.', '手册：30% 行业资讯、40% 实用技巧、30% 成员展示。'),
        parts: [
          { key: 'news', label: tx('news', '资讯') },
          { key: 'tips', label: tx('tips', '技巧') },
          { key: 'spotlight', label: tx('spotlights', '展示') },
        ] },
      { path: 'content.window', kind: 'window', label: tx('Posting window', '发布时段'), source: '§5', help: tx('19:00–21:00 gets ≥ 47 % response.', '19:00–21:00 话题响应率 ≥ 47%。') },
      { path: 'content.themeDay', kind: 'select', label: tx('Weekly theme day', '每周主题讨论日'), source: '§5', options: WEEKDAY_OPTIONS },
      { path: 'content.monthlyEvent', kind: 'boolean', label: tx('Monthly online party', '月度线上活动'), source: '§5' },
      { path: 'content.needsPollEveryDays', kind: 'integer', label: tx('Needs poll every', '需求投票间隔'), unit: DAYS, source: '§5', help: tx('0 = never.', '0 表示不做。'), step: 1 },
      { path: 'content.promoPerWeek', kind: 'number', label: tx('Promotions per week', '每周推广'), unit: tx('posts', '条'), source: '§5', help: tx('Over-marketing inflates activity falsely.', '过度营销会虚增活跃度。'), step: 1 },
      { path: 'content.promoHook', kind: 'select', label: tx('Promotions carry', '推广附带'), source: 'MODEL §3.8', help: tx('A red packet or giveaway draws a burst of “1” and thanks: busy, not valuable.', '红包或抽奖会引来一串“1”和感谢：热闹，但不是有效发言。'),
        options: [
          { value: 'none', label: tx('nothing', '无') },
          { value: 'redPacket', label: tx('a red packet (红包)', '红包') },
          { value: 'giveaway', label: tx('a giveaway (抽奖/福利)', '抽奖/福利') },
        ] },
      { path: 'content.redPacketsPerWeek', kind: 'number', label: tx('Plain red packets per week', '每周普通红包'), unit: tx('red packets', '个'), source: 'MODEL §3.8', help: tx('Warms the group for a day; costs money (counted per week in the results).', '暖群一天；需要花钱（结果中按周计数）。'), step: 1 },
    ],
  },
  {
    id: 'team',
    title: tx('Team and automation', '团队与工具'),
    // the team (§3), its tools (§4), win-back (§5) and DMs (§6): the article gives tools no section of their own
    section: '§3–§6',
    fields: [
      { path: 'team.admins', kind: 'integer', label: tx('Admins besides the owner', '管理员人数（不含群主）'), unit: PEOPLE, source: '§3', step: 1 },
      { path: 'team.dutyHours', kind: 'window', label: tx('Duty hours', '值班时段'), source: 'MODEL §3.6' },
      { path: 'team.replyMinutes', kind: 'number', label: tx('Team answer time on duty', '值班回复用时'), unit: tx('minutes', '分钟'), source: '§1', step: 1 },
      { path: 'activation.dmPerAdminPerDay', kind: 'integer', label: tx('DMs per admin per day', '每位管理员每日私聊'), source: '§6', help: tx('One-to-one messages re-activate lurkers.', '一对一私聊激活潜水成员。'), step: 1 },
      { path: 'activation.silentDays', kind: 'integer', label: tx('DM after days of silence', '沉默多少天后私聊'), unit: DAYS, source: '§6', step: 1 },
      { path: 'activation.winBack', kind: 'boolean', label: tx('Follow up with members who left', '离群回访'), source: '§5' },
      { path: 'automation.autoReply', kind: 'boolean', label: tx('Keyword auto-reply (WeCom)', '关键词自动回复（企业微信）'), source: '§4' },
      { path: 'automation.autoReplyCoverage', kind: 'share', label: tx('Questions auto-reply answers', '自动回复覆盖的问题'), source: '§4', step: 0.05 },
      { path: 'automation.keywordMonitoring', kind: 'boolean', label: tx('Keyword monitoring (WeCom)', '关键词监控（企业微信）'), source: 'MODEL §3.7' },
    ],
  },
];

export const ALL_FIELDS: readonly FieldSpec[] = FIELD_GROUPS.flatMap((g) => g.fields);

interface JsonSchemaNode {
  properties?: Record<string, JsonSchemaNode>;
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
