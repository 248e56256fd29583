/**
 * The model's parameters: every constant the engine uses, with its default,
 * allowed range, unit and source (docs/model.md asks that every sourced number lives
 * in data). "calibrated" marks values tuned by `scripts/calibrate.ts` until the
 * calibration targets of MODEL §8 hold (see docs/calibration.md).
 * A scenario may override any of them in its `parameters` section.
 */

export interface ParameterSpec {
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly unit: string;
  readonly source: string;
  readonly en: string;
  readonly zh: string;
}

const p = (
  value: number,
  min: number,
  max: number,
  unit: string,
  source: string,
  en: string,
  zh: string,
): ParameterSpec => ({ default: value, min, max, unit, source, en, zh });

/** Constants earlier models had and model v3 does not: a scenario's override of one is dropped with this notice (files.ts). */
export const RETIRED_PARAMETERS: Readonly<Record<string, { readonly en: string; readonly zh: string }>> = {
  dmPostsPerDay: { en: 'model v3 DMs persuade a member in proportion to their own rate (dmPostLift) instead of adding messages.', zh: '模型 v3 中私聊按成员自身发言率提升其发言（dmPostLift），不再直接增加消息。' },
  dndPostFactor: { en: 'in model v3 do-not-disturb mutes reading, not the member\u2019s own posting.', zh: '模型 v3 中免打扰只减少阅读，不影响成员自己发言。' },
  violationBase: { en: 'in model v3 rule-breaking is a trait of members below violatorFitCutoff (violationsPerDay).', zh: '模型 v3 中违规是价值观契合度低于 violatorFitCutoff 的成员的特质（violationsPerDay）。' },
  adShareMemory: { en: 'model v3 counts unwanted messages per member; its memory is annoyanceMemory.', zh: '模型 v3 按成员统计看到的广告数；记忆权重为 annoyanceMemory。' },
};

export const PARAMETERS = {
  // ── Traits (MODEL §2) ──────────────────────────────────────────────
  rateMedianCore: p(0.8, 0.01, 50, 'messages/day', 'MODEL §2; calibrated (Nielsen 90-9-1)', 'Median posting rate of a fully engaged core member', '核心成员满投入时的日发言中位数'),
  rateMedianActive: p(0.26, 0.01, 50, 'messages/day', 'MODEL §2; calibrated', 'Median posting rate of a fully engaged active member', '活跃成员满投入时的日发言中位数'),
  rateMedianOrdinary: p(0.14, 0.0001, 10, 'messages/day', 'MODEL §2; calibrated', 'Median posting rate of a fully engaged ordinary member', '普通成员满投入时的日发言中位数'),
  rateFactorResource: p(7.5, 0.1, 20, 'factor', '§1 (resource matching: > 200 messages/day of supply and demand); calibrated', 'Posting rates of core and active members in a resource-matching group, relative to knowledge sharing', '资源对接群核心/活跃成员的发言率倍数'),
  rateFactorResourceOrdinary: p(0.6, 0.01, 20, 'factor', '§1 (resource matching: members come for supply and demand; most watch, lurker share 25–45 %, MODEL §8.3); calibrated', 'Posting rate of an ordinary member in a resource-matching group, relative to knowledge sharing', '资源对接群普通成员的发言率倍数'),
  rateFactorService: p(3.39, 0.1, 20, 'factor', 'MODEL §3 (customer service: questions); calibrated', 'Posting rates in a customer-service group, relative to knowledge sharing', '客户服务群的发言率倍数'),
  replyRateHalf: p(0.465, 0.001, 50, 'messages/day', 'calibrated (chatty members reply more; top 10 % ≥ 50 %)', 'Posting rate at which a member is half as likely to reply as the chattiest', '回复倾向减半时的发言率'),
  rateSigma: p(0.357, 0.1, 2.5, 'log-sd', 'MODEL §2 (lognormal σ≈1.0); calibrated', 'Spread of posting rates (lognormal σ)', '发言率离散度（对数正态 σ）'),
  engagementStartCore: p(0.8, 0, 1, 'share', 'MODEL §2', 'Starting engagement, core', '核心成员初始投入度'),
  engagementStartActive: p(0.6, 0, 1, 'share', 'MODEL §2', 'Starting engagement, active', '活跃成员初始投入度'),
  engagementStartOrdinary: p(0.35, 0, 1, 'share', 'MODEL §2', 'Starting engagement, ordinary', '普通成员初始投入度'),
  engagementStartNoise: p(0.1, 0, 0.5, 'sd', 'MODEL §2 (± noise)', 'Noise on starting engagement', '初始投入度噪声'),
  incentiveResponsiveShare: p(0.2, 0, 1, 'share', 'Hoernle et al. 2020 (~20 % of badge earners steered)', 'Share of members who respond to points and titles', '对积分/头衔有反应的成员比例'),
  toleranceMedian: p(40, 5, 1000, 'messages/day', 'Ren & Kraut (benefit falls past ~40 messages/day)', 'Median messages/day a member reads before overload', '成员可承受的日消息量中位数'),
  toleranceRateGain: p(0.334, 0, 10, 'per message/day', 'calibrated (busy groups: a core keeps trading, MODEL §4)', 'Tolerance added per message/day of the member\u2019s own posting rate', '每单位自身发言率增加的承受度'),
  toleranceSigma: p(0.5, 0, 2, 'log-sd', 'calibrated', 'Spread of overload tolerance', '承受度离散度'),
  profileEveningShare: p(0.6, 0, 1, 'share', 'MODEL §2 (evening 60 %)', 'Members with an evening rhythm (peak 19–23)', '晚间型作息成员比例'),
  profileOfficeShare: p(0.3, 0, 1, 'share', 'MODEL §2 (office 30 %)', 'Members with an office rhythm (9–18 + lunch)', '办公型作息成员比例'),
  valuesFitA: p(4, 0.2, 20, 'shape', 'calibrated (≈10 % fail a values test)', 'Values-fit distribution shape a', '价值观契合度分布参数 a'),
  valuesFitB: p(1.6, 0.2, 20, 'shape', 'calibrated', 'Values-fit distribution shape b', '价值观契合度分布参数 b'),
  relevanceDirectA: p(3.5, 0.2, 20, 'shape', 'MODEL §2 (targeted > public QR)', 'Relevance shape a, direct invitations', '定向邀请的相关度参数 a'),
  relevanceDirectB: p(1.8, 0.2, 20, 'shape', 'MODEL §2', 'Relevance shape b, direct invitations', '定向邀请的相关度参数 b'),
  relevanceQrA: p(1.8, 0.2, 20, 'shape', 'MODEL §2 (public QR is least targeted)', 'Relevance shape a, QR code', '二维码进群的相关度参数 a'),
  relevanceQrB: p(1.8, 0.2, 20, 'shape', 'MODEL §2', 'Relevance shape b, QR code', '二维码进群的相关度参数 b'),
  relevanceEnterpriseA: p(3, 0.2, 20, 'shape', 'MODEL §2 (tag-based pulls are targeted)', 'Relevance shape a, enterprise API', '企业微信接口拉群的相关度参数 a'),
  relevanceEnterpriseB: p(1.8, 0.2, 20, 'shape', 'MODEL §2', 'Relevance shape b, enterprise API', '企业微信接口拉群的相关度参数 b'),
  marketerShareDirect: p(0.03, 0, 1, 'share', 'MODEL §2 (marketer by channel)', 'Marketers among direct invitees', '定向邀请中的营销号比例'),
  marketerShareQr: p(0.12, 0, 1, 'share', 'MODEL §2 (public QR highest)', 'Marketers among QR joiners', '二维码进群中的营销号比例'),
  marketerShareEnterprise: p(0.05, 0, 1, 'share', 'MODEL §2', 'Marketers among enterprise pulls', '企业微信拉群中的营销号比例'),

  // ── Activity (MODEL §3) ────────────────────────────────────────────
  engagementExponent: p(1.74, 0.5, 4, 'γ', 'MODEL §3 (γ≈1.5); calibrated', 'How strongly engagement scales posting (eᵞ)', '投入度对发言的放大指数 γ'),
  livelinessReference: p(0.18, 0.001, 10, 'messages/member/day', 'MODEL §3.2 A*; calibrated (Qiu et al. 2016: ~40 % of unoperated groups silent within a week)', 'Member messages per present member per day at which the group feels normally alive', '群内正常活跃的参考水平（每人每日成员消息数）'),
  livelinessExponent: p(0.866, 0, 3, 'β', 'MODEL §3.2 (β ≈ 0.5–1); calibrated', 'How strongly recent liveliness scales posting', '近期活跃度对发言的影响指数 β'),
  livelinessFloor: p(0.0256, 0.001, 1, 'ε', 'MODEL §3.2 (ε small); calibrated', 'Liveliness of a silent group, relative to the reference', '沉寂群的相对活跃下限 ε'),
  livelinessMax: p(1.09, 1, 5, 'factor', 'MODEL §3.2 (capped at Lmax); calibrated', 'Largest posting lift a lively group gives', '活跃群对发言的最大提升'),
  livelinessDays: p(3, 1, 14, 'days', 'MODEL §3.2 (the last 3 days)', 'Days of member messages the group\u2019s liveliness reads', '计算群活跃度的天数'),
  activeOnShare: p(0.3, 0.05, 1, 'share', 'MODEL v3 §3.2 (bursty members: real logs have median Fano 2–83 across days); judgement', 'Share of days a member is in an active spell', '成员处于活跃期的天数比例'),
  activePersistence: p(0.3, 0, 0.95, 'autocorrelation', 'MODEL v3 §3.2 (sessions and spells, Barabási 2005); calibrated', 'Day-to-day persistence of a member\u2019s active or quiet spell (0: none)', '活跃期/沉寂期的逐日持续性'),
  spellFullRate: p(1, 0.01, 50, 'messages/day', 'MODEL v3 §3.2 (burstiness is measured on members with ≥ 20 messages; a member who says a line a week is not shown bursty by any log); judgement', 'Posting rate at which a member\u2019s spells reach full depth (lighter members\u2019 are shallower)', '活跃期/沉寂期达到完全幅度时的发言率（发言少的成员幅度较小）'),
  activeOffFactor: p(0.23, 0, 1, 'factor', 'MODEL v3 §3.2; calibrated', 'Posting on a quiet-spell day, relative to the member\u2019s mean (active days make up the rest)', '沉寂期的发言系数（相对平均）'),
  dndReadFactor: p(0.08, 0, 1, 'factor', 'MODEL §4 (content barely reaches dnd)', 'Share of messages a dnd member reads', '免打扰成员的阅读比例'),
  weekendFactorOffice: p(0.5, 0, 2, 'factor', 'MODEL §2 (weekend factor)', 'Weekend activity of office-rhythm members', '办公型成员周末活跃系数'),
  weekendFactorOther: p(1.15, 0, 2, 'factor', 'MODEL §2 (weekend factor)', 'Weekend activity of evening and night members', '晚间/夜猫型成员周末活跃系数'),
  topicReplyBase: p(0.23, 0, 1, 'probability', 'MODEL §3 ρ₀; calibrated (≥ 47 % in 19–21, §5)', 'Base chance a member replies to an operator topic', '成员回应运营话题的基础概率 ρ₀'),
  topicReplyDelayMinutes: p(32.6, 1, 240, 'minutes', 'calibrated', 'Mean delay of a topic reply', '话题回复平均延迟'),
  branchingRatio: p(0.62, 0, 0.99, 'm', 'MODEL §3 (Hawkes m < 1); calibrated to 40–60 % unreplied (Burke 2007)', 'Replies each message spawns at full group mood', '每条消息引发的回复数（分支比）'),
  replyDelayMinutes: p(8, 0.5, 120, 'minutes', 'MODEL §3 (τ≈8 min)', 'Mean delay of a cascade reply', '连锁回复平均延迟'),
  questionShareKnowledge: p(0.197, 0, 1, 'share', 'MODEL §3 (by positioning)', 'Questions among member messages, knowledge sharing', '知识分享群中提问占比'),
  questionShareResource: p(0.3, 0, 1, 'share', 'MODEL §3 (supply/demand requests)', 'Questions among member messages, resource matching', '资源对接群中提问（需求）占比'),
  questionShareService: p(0.373, 0, 1, 'share', 'MODEL §3 (customer service high); calibrated', 'Questions among member messages, customer service', '客户服务群中提问占比'),
  shareBaseCore: p(0.114, 0, 1, 'share', 'MODEL §3 (shares more likely for core)', 'Chance a core message is a 干货 share (× relevance)', '核心成员消息为干货分享的概率'),
  shareBaseOther: p(0.03, 0, 1, 'share', 'MODEL §3', 'Chance another member message is a share (× relevance)', '其他成员消息为干货分享的概率'),
  chatEffectiveBase: p(0.3, 0, 1, 'probability', 'MODEL §3 (rises with relevance); calibrated', 'Chance chat is effective at relevance 0', '相关度为 0 时闲聊有效概率'),
  chatEffectiveSlope: p(0.7, 0, 1, 'probability', 'MODEL §3; calibrated', 'Added chance chat is effective at relevance 1', '相关度为 1 时闲聊有效概率增量'),
  violatorFitCutoff: p(0.5, 0, 1, 'values fit', 'MODEL v3 §3.7 (rule-breaking is a trait of few members: the ≈10 % a values test turns away)', 'Values fit below which a member breaks the covenant at all', '会违规的成员的价值观契合度上限'),
  violationsPerDay: p(0.3, 0, 10, 'violations/day', 'MODEL v3 §3.7 (∝ how far below the cutoff); calibrated', 'Violations a day of a member at values fit 0, unchecked', '价值观契合度为 0 的成员每日违规数'),
  marketerAdsPerDay: p(0.774, 0, 20, 'ads/day', 'calibrated', 'Ads a marketer posts per day when unchecked', '营销号每日广告数'),
  copycatAdChance: p(0.901, 0, 1, 'probability', 'MODEL §3.8 (marketers answer promotions with ads); calibrated', 'Chance a present marketer answers a team promotion with an ad of their own', '营销号跟风回应推广的概率'),
  hookStrengthRedPacket: p(0.8, 0, 20, 'factor', 'MODEL §3.8 (红包 bursts); calibrated', 'Burst a red packet draws: chance per online member, before talkativeness and attention', '红包引发的回应强度'),
  hookStrengthGiveaway: p(1, 0, 20, 'factor', 'MODEL §3.8 (抽奖/福利 bursts); calibrated', 'Burst a giveaway draws, as for a red packet', '抽奖/福利引发的回应强度'),
  hookReplyMinutes: p(4, 0.5, 120, 'minutes', 'MODEL §3.8 (within minutes)', 'Mean delay of a burst message after the hook', '红包/福利回应的平均延迟'),
  hookBoostLift: p(0.209, 0, 5, 'factor', 'MODEL §3.8 (a short blip); calibrated', 'Posting boost of a member who joined a burst', '参与红包/福利后的发言提升'),
  hookBoostDecay: p(0.4, 0, 1, 'factor/day', 'MODEL §3.8 (decays in a day or two)', 'Share of that boost left the next day', '该提升每日保留比例'),
  announcementViolationFactor: p(0.6, 0, 1, 'factor', '§2 announcement (covenant, mute rules)', 'Violations and ads with an announcement', '有群公告时违规/广告系数'),
  memberAnswerRate: p(0.02, 0, 1, 'answers/min per unit', 'calibrated', 'Rate at which online relevant members answer questions', '在线相关成员的答题速率'),
  autoReplyMaxMinutes: p(1, 0.1, 10, 'minutes', 'MODEL §3 (< 1 min)', 'Keyword auto-reply delay (upper bound)', '关键词自动回复延迟上限'),
  memberAnswerHorizonHours: p(48, 1, 168, 'hours', 'assumption (a question nobody takes up in two days is not answered by a member)', 'Longest wait for a member to answer a question', '成员回答问题的最长等待时间'),
  lowValueReplyFactor: p(0.25, 0, 1, 'factor', 'assumption (people ignore ads and filler)', 'Replies filler draws, relative to chat', '灌水消息引发回复的相对系数'),

  // ── Penalties (MODEL §3) ───────────────────────────────────────────
  keywordMonitoringDetection: p(0.7, 0, 1, 'probability', 'MODEL §3 (enterprise keyword monitoring)', 'Detection added by keyword monitoring', '关键词监控带来的检出率'),
  warnedOffenceFactor: p(0.5, 0, 1, 'factor', 'MODEL §3 (deterrence)', 'Offences after a personal warning', '被警告后违规系数'),
  publicNoticeDeterrence: p(0.6, 0, 1, 'share', 'MODEL §3 (@all deters everyone)', 'Reduction of offences right after an @all notice', '@全体公示后违规降低比例'),
  deterrenceDecayPerDay: p(0.85, 0, 1, 'factor/day', 'calibrated', 'Daily decay of deterrence', '威慑效果每日衰减'),
  publicNoticeEngagementCost: p(0.01, 0, 0.5, 'engagement', 'MODEL §3 (costs everyone a little attention)', 'Engagement everyone loses per @all notice', '每次@全体公示的全员投入度损失'),
  probationMarketerQuitPerDay: p(0.25, 0, 1, 'probability/day', 'MODEL §5 (probation blocks early ads)', 'Chance a muted marketer on probation gives up each day', '试用期营销号每日放弃概率'),

  // ── Engagement (MODEL §4) ──────────────────────────────────────────
  replyLift: p(0.0161, 0, 0.5, 'engagement/reply', 'Joyce & Kraut 2006 (44 → 56 %)', 'Engagement gained per reply received (up to 3/day)', '每收到一条回复增加的投入度'),
  newcomerReplyLift: p(0.4, 0, 1, 'engagement', 'Joyce & Kraut 2006 (a reply to a first post: 44 → 56 % post again); calibrated', 'Engagement gained when a member\u2019s first message gets a reply', '首次发言得到回复带来的投入度'),
  newcomerIgnoredCost: p(0.3, 0, 1, 'engagement', 'Joyce & Kraut 2006; calibrated', 'Engagement lost when a member\u2019s first message gets no reply', '首次发言无人回应的投入度损失'),
  contentLift: p(0.0193, 0, 0.5, 'engagement/item', 'MODEL §4 (valuable content × relevance); calibrated', 'Engagement per valuable item read (× relevance)', '每读到一条干货增加的投入度'),
  recognitionLift: p(0.0732, 0, 0.5, 'engagement', 'MODEL §4 (title, spotlight, event)', 'Engagement from a title level-up, spotlight or event', '头衔升级/成员展示/活动带来的投入度'),
  dmLift: p(0.4, 0, 1, 'engagement', 'MODEL §4 / §6 (private-message activation); judgement', 'Engagement from a DM the member replies to (× tie strength)', '成员回复私聊带来的投入度（乘以关系强度）'),
  overloadCost: p(0.04, 0, 1, 'engagement', 'Ren & Kraut; MODEL §4', 'Engagement lost per unit of overload (seen/tolerance − 1)', '每单位过载损失的投入度'),
  annoyanceMemory: p(0.5, 0, 0.99, 'weight', 'assumption (yesterday\u2019s ads still annoy)', 'Weight of earlier days in the annoyance a member feels', '反感程度中前几天的权重'),
  adTolerance: p(8.69, 0.1, 100, 'messages/day', 'MODEL v3 §4 (annoyance by count; Dasgupta et al. 2012: convex); calibrated', 'Ads and violations seen a day that make annoyance 1 for a member who gets nothing from the group', '无收获成员反感程度为 1 时每日看到的广告与违规数'),
  annoyanceValueOffset: p(0.305, 0, 10, 'per item', 'MODEL v3 §4 (value offsets annoyance); calibrated', 'How much each valuable item read (× relevance) or reply received raises a member\u2019s tolerance of ads', '每条干货或回复对广告容忍度的提升'),
  repliesCountedPerDay: p(3, 0, 50, 'replies/day', 'assumption (diminishing returns)', 'Replies received that lift engagement, per day at most', '每日计入投入度的回复上限'),
  valuableCountedPerDay: p(5, 0, 50, 'items/day', 'assumption (diminishing returns)', 'Valuable items read that lift engagement, per day at most', '每日计入投入度的干货上限'),
  ignoredCountedPerDay: p(3, 0, 50, 'posts/day', 'assumption (diminishing returns)', 'Ignored posts that cost engagement, per day at most', '每日计入的无人回应发言上限'),
  adExposureCost: p(0.141, 0, 5, 'engagement', 'Dasgupta et al. 2012 (convex); calibrated', 'Engagement lost per day × annoyance²', '反感程度平方对投入度的损耗'),
  ignoredCost: p(0.02, 0, 0.5, 'engagement', 'Joyce & Kraut 2006', 'Engagement lost per ignored post', '发言无人回应的投入度损失'),
  penaltyCost: p(0.1, 0, 1, 'engagement', 'MODEL §4', 'Engagement lost when warned or muted', '被警告/禁言的投入度损失'),
  meanReversion: p(0.108, 0, 1, 'per day', 'MODEL §4; calibrated', 'Daily pull of engagement toward its baseline', '投入度每日向基线回归的速度'),
  baselineIntercept: p(0.00124, 0, 1, 'engagement', 'calibrated', 'Engagement baseline at relevance and values fit 0', '投入度基线截距'),
  baselineRelevance: p(0.123, 0, 1, 'engagement', 'calibrated', 'Baseline added at full relevance', '相关度对基线的贡献'),
  baselineValues: p(0.0729, 0, 1, 'engagement', 'calibrated', 'Baseline added at full values fit', '价值观契合对基线的贡献'),
  announcementEngagement: p(0.05, 0, 0.5, 'engagement', 'MODEL §5 (a small engagement start)', 'Starting engagement from the announcement', '群公告带来的初始投入度'),
  kolFounderEngagement: p(0.08, 0, 0.5, 'engagement', 'MODEL §4 (KOL founder: more trust)', 'Starting engagement with a KOL founder', 'KOL 创始人带来的初始投入度'),
  kolFounderSharesPerWeek: p(2, 0, 20, 'posts/week', 'MODEL §4 (KOL founder: more 干货)', 'Extra 干货 a KOL founder posts per week', 'KOL 创始人每周额外干货'),

  // ── Do-not-disturb and leaving (MODEL §4) ──────────────────────────
  dndSwitchRate: p(0.362, 0, 5, 'per overload/day', 'survey: 74.6 % mute vs 38.4 % leave; calibrated', 'Chance per unit of overload of switching to dnd each day', '每单位过载切换免打扰的概率'),
  dndAdRate: p(0.43, 0, 50, 'per annoyance²/day', 'MODEL §4 v2 (ads mute before they drive out; survey 74.6 % mute vs 38.4 % leave); calibrated', 'Chance per unit of annoyance² of switching to dnd each day', '每单位反感程度平方切换免打扰的概率'),
  dndRevertPerDay: p(0.02, 0, 1, 'probability/day', 'calibrated', 'Chance a dnd member turns notifications back on', '免打扰成员每日恢复提醒的概率'),
  dndSwitchMax: p(0.9, 0, 1, 'probability/day', 'assumption (someone always keeps reading)', 'Largest daily chance of switching to dnd', '每日切换免打扰的最大概率'),
  leaveHazardBase: p(0.0067, 0, 0.5, 'probability/day', 'MODEL §4 h₀; calibrated (Qiu et al. 2016)', 'Daily leaving hazard on day 0 at engagement ½', '投入度 ½ 时首日退群风险 h₀'),
  leaveTenureShape: p(0.6, 0.1, 1.5, 'k', 'MODEL §4 (k≈0.6: hazard falls with tenure)', 'Tenure shape of the leaving hazard', '退群风险的在群时长形状参数 k'),
  leaveEngagementSlope: p(4, 0, 20, 'c', 'MODEL §4', 'How strongly engagement protects from leaving', '投入度对退群的保护强度 c'),
  dndLeaveFactor: p(0.62, 0, 1, 'factor', 'survey: 74.6 % mute vs 38.4 % leave (muting replaces leaving); calibrated', 'Leaving hazard of a member on do-not-disturb, relative', '免打扰成员的退群风险系数'),
  leaveOverloadWeight: p(0.938, 0, 5, 'per overload', 'MODEL §4; survey (fewer leave than mute); calibrated', 'Leaving hazard added per unit of overload', '过载对退群风险的影响'),
  leaveAdWeight: p(17.4, 0, 50, 'per annoyance²', 'Dasgupta et al. 2012; calibrated', 'Leaving hazard added per unit of annoyance²', '反感程度平方对退群风险的影响'),
  annoyanceMax: p(12.8, 1, 50, 'factor', 'MODEL §4 v2 (Mmax ≈ 5–10); the search found 17.2, which meets the same targets as 10; calibrated', 'Largest factor overload and ads together put on the leaving hazard', '过载与广告对退群风险的最大倍数'),
  leaveHazardMax: p(0.1, 0, 1, 'probability/day', 'MODEL §4 v2 (hmax ≈ 0.1)', 'Largest daily chance that a member leaves', '每日退群概率上限'),
  tieProtection: p(0.5, 0, 3, 'κ', 'Backstrom et al. 2006 (ties protect)', 'How strongly reply ties protect from leaving', '互动关系对退群的保护强度 κ'),
  tieBaselineGain: p(0.0984, 0, 1, 'engagement', 'MODEL v3 §4 (ties and reciprocity sustain a group: Backstrom et al. 2006; Butler 2001); calibrated', 'Engagement baseline a member with many reply ties gains', '互动关系多的成员投入度基线提升'),
  tieBaselineScale: p(9.66, 0.5, 100, 'ties', 'MODEL v3 §4; calibrated', 'Ties at which that gain is ≈63 % reached', '达到该提升约 63% 所需的互动关系数'),

  // ── Incentives (MODEL §4) ──────────────────────────────────────────
  pointsBoost: p(0.427, 0, 5, 'factor', 'MODEL §4; calibrated', 'Posting boost of a responsive member under points', '积分制下响应型成员的发言提升'),
  goalGradientBoost: p(0.769, 0, 5, 'factor', 'MODEL §4 (goal gradient)', 'Extra boost within 20 % of the next title', '接近下一头衔时的额外提升'),
  goalGradientWindow: p(0.8, 0, 1, 'share of the next threshold', 'MODEL §4 (goal gradient); assumption', 'Points, as a share of the next title threshold, from which the goal-gradient boost applies', '达到下一头衔门槛的多少比例后开始冲刺'),
  fillerShare: p(0.365, 0, 1, 'share', 'MODEL §3 (points per message invite filler)', 'Filler among a responsive member\u2019s messages when points pay per message', '按条计分时响应型成员的灌水比例'),
  competitionNudgePerDay: p(1.2, 0, 5, 'messages/day', 'MODEL §4 / §5 (team points competitions lift weekly participation); calibrated (+3–6 points on knowledge-sharing)', 'Messages/day teammates draw from a fully talkative member silent this week (× engagement × talkativeness)', '竞赛中队友每日带动本周未发言成员的发言数'),
  chainsPerWeek: p(2, 0, 7, 'chains/week', 'MODEL §4 / §5 (接龙 rewards)', 'Chains the team starts per week when chain rewards run', '每周发起接龙次数'),
  chainJoinBase: p(0.287, 0, 1, 'probability', 'calibrated', 'Chance an engaged, attentive member adds a chain entry', '成员参与接龙的基础概率'),
  chainJoinEngagementFloor: p(0.3, 0, 1, 'share', 'assumption (a chain is easy to join)', 'Chain-entry chance of a member at engagement 0, relative to one at engagement 1', '投入度为 0 的成员参与接龙的相对概率'),
  chainEntryDelayMinutes: p(60, 1, 600, 'minutes', 'assumption (entries come over the next hours)', 'Mean delay of a chain entry', '接龙条目的平均延迟'),

  // ── Operator content (MODEL §3) ────────────────────────────────────
  appealNews: p(0.8, 0, 10, 'factor', 'MODEL §3 appeal(kind)', 'Topic appeal of industry news', '行业资讯的话题吸引力'),
  appealTips: p(1.0, 0, 10, 'factor', 'MODEL §3', 'Topic appeal of practical tips', '实用技巧的话题吸引力'),
  appealSpotlight: p(1.3, 0, 10, 'factor', 'MODEL §3', 'Topic appeal of a member spotlight', '成员展示的话题吸引力'),
  appealThemeDay: p(1.8, 0, 10, 'factor', '§5 (weekly theme discussion)', 'Topic appeal of a theme-day discussion', '主题讨论日的话题吸引力'),
  appealEvent: p(4, 0, 20, 'factor', '§5 (monthly online party)', 'Topic appeal of the monthly party', '月度线上活动的话题吸引力'),
  appealPositioningResource: p(0.8, 0, 5, 'factor', 'MODEL §3 appeal(positioning)', 'Topic appeal multiplier, resource matching', '资源对接群话题吸引力系数'),
  appealPositioningService: p(0.6, 0, 5, 'factor', 'MODEL §3 appeal(positioning)', 'Topic appeal multiplier, customer service', '客户服务群话题吸引力系数'),
  pollAppealBoost: p(0.3, 0, 3, 'factor', '§5 (polls collect needs)', 'Topic appeal added for 14 days after a needs poll', '需求投票后 14 天话题吸引力提升'),
  pollBoostDays: p(14, 0, 90, 'days', '§5 (polls shape the following weeks\u2019 topics)', 'Days a needs poll raises topic appeal', '需求投票提升话题吸引力的天数'),
  anyTimeFromHour: p(9, 0, 23, 'hour', 'assumption (promotions and KOL posts go out in the day)', 'Earliest hour of posts not tied to the posting window', '不限时段发布的最早时间'),
  anyTimeToHour: p(23, 1, 24, 'hour', 'assumption', 'Latest hour of posts not tied to the posting window', '不限时段发布的最晚时间'),
  announcementHour: p(10, 0, 23, 'hour', 'assumption (the announcement goes out on the morning of day 0)', 'Hour of the announcement on day 0', '建群公告的发布时间'),
  monthlyEventDay: p(24, 0, 29, 'day of 30', 'assumption (the article gives no date)', 'Day within each 30-day month of the online party', '每 30 天中线上活动所在日'),

  // ── Activation (MODEL §4) ──────────────────────────────────────────
  dmSuccessBase: p(0.8, 0, 1, 'probability', 'MODEL v3 §4 (∝ relevance × tie × fatigue); judgement (a known admin\u2019s DM is answered often) and the lurker-share effect (docs/calibration.md)', 'Chance a member at relevance 1 and the strongest tie replies to a first DM', '相关度为 1、关系最强的成员回复首次私聊的概率'),
  dmEngagementFloor: p(0.5, 0, 1, 'share', 'MODEL §4 (∝ relevance); judgement (the disengaged answer less)', 'DM success of a member at engagement 0, relative to one at engagement 1 (1: engagement does not matter)', '投入度为 0 的成员私聊激活的相对成功率'),
  dmTagBonus: p(0.25, 0, 2, 'factor', 'MODEL §4 (tags on enterprise help)', 'Relative DM success gain from enterprise tags', '企业微信标签对私聊成功率的提升'),
  needPostShare: p(1.4, 0, 5, 'factor', 'MODEL v3 §3.2 (members come back for what they need: questions, supply and demand, answers; Kraut & Resnick 2012 ch. 3, need-based commitment); calibrated to 11a', 'Posts a member makes from their own need, per unit of need above the typical group\u2019s (need − 1), at a strong tie (× the member\u2019s own rate), whatever their engagement or the group\u2019s liveliness', '成员出于自身需要的发言（需要程度每高出一般群 1 个单位、关系紧密时，乘以成员自身发言率），不随投入度和群活跃度变化'),
  needTieHalf: p(6, 0.1, 50, 'ties', 'MODEL v3 §3.2 (a member comes back with a need where someone has answered them); judgement', 'Reply ties at which a member\u2019s need-driven posts reach half their full rate', '出于需要的发言达到一半时的回复关系数'),
  needSpread: p(1.1, 0, 3, 'log-sd', 'MODEL v3 §3.2 (groups differ in how much their members need them); calibrated to 11a/11b', 'Spread of the need from group to group when it is not known (lognormal σ, median 1)', '需要程度未知时各群之间的离散度（对数正态 σ，中位数 1）'),
  dmBoostDays: p(17.4, 0, 60, 'days', 'MODEL v3 §4 (a persuaded member posts more for a couple of weeks); judgement; calibrated', 'Days of higher posting after a DM that persuades', '私聊说服后发言提升的天数'),
  dmPostLift: p(1.2, 0, 10, 'factor', 'MODEL v3 §4 (a DM persuades in proportion to the member\u2019s own rate and tie); calibrated', 'Posting lift after a DM that persuades, at the strongest tie (× the member\u2019s own rate)', '私聊说服后的发言提升（最强关系时，乘以成员自身发言率）'),
  dmTieFloor: p(0.6, 0, 1, 'share', 'MODEL v3 §4 (a stranger\u2019s DM persuades less); judgement', 'Tie strength of a member with no reply ties', '没有互动关系的成员的关系强度'),
  dmTieHalf: p(2, 0.1, 50, 'ties', 'MODEL v3 §4; judgement', 'Reply ties at which the tie strength is halfway from that floor to 1', '关系强度达到一半所需的互动关系数'),
  dmFatigue: p(0.7, 0, 10, 'per recent DM', 'MODEL v3 §4 (repeated DMs to one member work less); judgement', 'How fast repeated DMs lose effect: reply chance × exp(−fatigue × recent DMs)', '重复私聊的效果衰减'),
  dmWearinessDecay: p(0.95, 0, 1, 'factor/day', 'MODEL v3 §4 (a DM is remembered for weeks); judgement', 'Share of the weariness from earlier DMs left each day', '私聊疲劳每日保留比例'),
  dmPrivateShare: p(0.5, 0, 1, 'share', 'MODEL v3 §4 (many replies stay private); judgement', 'Replies to a DM that stay in private: engagement but no posting lift', '只私下回复、不回群发言的比例'),
  dmUnwantedBase: p(0.04, 0, 1, 'probability', 'MODEL v3 §4 (an unwanted DM has a cost); judgement', 'Chance a DM is unwelcome to a member at engagement 0 on a first DM (× 1 + recent DMs)', '投入度为 0 的成员首次私聊即反感的概率'),
  dmUnwantedCost: p(0.1, 0, 1, 'engagement', 'MODEL v3 §4; judgement', 'Engagement lost to an unwelcome DM', '私聊反感的投入度损失'),
  dmUnwantedLeave: p(0.05, 0, 1, 'probability', 'MODEL v3 §4 (some leave the group over a pushy DM); judgement', 'Chance an unwelcome DM makes the member leave', '私聊反感后退群的概率'),
  dmUnwantedMute: p(0.3, 0, 1, 'probability', 'MODEL v3 §4 (or mute the group); judgement', 'Chance an unwelcome DM makes the member mute the group (do-not-disturb)', '私聊反感后设群免打扰的概率'),
  winBackShare: p(0.12, 0, 1, 'probability', 'MODEL §4 (small, calibrate)', 'Chance a contacted leaver rejoins', '离群回访的回流概率'),
  winBackEngagementFactor: p(0.6, 0, 1, 'factor', 'MODEL §4 (reduced engagement)', 'Engagement kept by a rejoining member', '回流成员保留的投入度'),

  // ── Rule changes (MODEL §4) ────────────────────────────────────────
  ruleChangeCostNone: p(0.12, 0, 1, 'engagement', '§4 (3 days notice + chain vote)', 'Engagement cost of an unannounced rule change', '无预告规则变更的投入度损失'),
  ruleChangeCostNotice: p(0.05, 0, 1, 'engagement', '§4', 'Cost with ≥ 3 days notice but no vote', '提前 3 天公告但无投票的损失'),
  ruleChangeNoticeDays: p(3, 0, 30, 'days', '§4 (announce a change 3 days ahead)', 'Days of notice that make a rule change announced', '规则变更算作提前公告所需的天数'),
  ruleChangeCostVote: p(0.015, 0, 1, 'engagement', '§4', 'Cost with ≥ 3 days notice and a chain vote', '提前公告并接龙投票的损失'),
  ruleChangeLeaveShock: p(4, 1, 50, 'factor', 'MODEL §4 (none triggers some leaving)', 'Leaving hazard multiplier on the day of an unannounced change', '无预告变更当天退群风险倍数'),

  // ── Growth and admission (MODEL §5) ────────────────────────────────
  acceptBase: p(0.7, 0, 1, 'probability', 'MODEL §5 (base + gain · wording)', 'Invitation acceptance at wording 0', '邀请话术为 0 时的接受率'),
  acceptWordingGain: p(0.25, 0, 1, 'probability', '§6 (improve invitation wording)', 'Acceptance gained at wording 1', '话术满分时增加的接受率'),
  antiSpamBatchLimit: p(20, 1, 500, 'people', '§2 (batches ≤ 20 on personal accounts)', 'Batch size above which the anti-spam system may block', '反垃圾机制的单批人数上限'),
  antiSpamRiskPerExtra: p(0.04, 0, 1, 'probability/person', 'calibrated', 'Block chance per person above the batch limit', '超出上限每人增加的封禁概率'),
  antiSpamLossShare: p(0.3, 0, 1, 'share', 'assumption (the operator re-sends blocked invitations once the block lifts; some are lost)', 'Share of blocked invitations never sent again', '被拦截邀请中未再发送的比例'),
  qrValidDays: p(7, 1, 30, 'days', '§2 (QR valid 7 days)', 'Days a group QR code stays valid', '群二维码有效天数'),
  qrMemberLimit: p(200, 1, 500, 'members', 'platform fact (§2 note)', 'Members above which QR joins stop', '二维码进群人数上限'),
  groupMemberLimit: p(500, 1, 500, 'members', 'platform fact (§2 note)', 'Hard cap on group members', '群人数硬上限'),
  activityScreenMinWeekly: p(3, 0, 100, 'messages/week', '§3 (> 3 times/week elsewhere)', 'Activity a candidate needs elsewhere to pass the screen', '活跃度筛选门槛（他群周发言）'),
  elsewhereActivityScale: p(28, 0.1, 1000, 'factor', 'calibrated (≈25 % eliminated, §3; members post far more across all their groups than in this one)', 'Elsewhere weekly messages per unit of rate', '他群活跃度与本群发言率之比'),
  elsewhereActivitySigma: p(0.5, 0, 2, 'log-sd', 'calibrated (≈25 % eliminated, §3)', 'Spread of activity elsewhere around the member\u2019s own rate', '他群活跃度的离散度'),
  valuesTestCutoff: p(0.5, 0, 1, 'values fit', 'calibrated (≈10 % eliminated, §3)', 'Values fit below which the values test rejects', '价值观测试淘汰线'),
  identityMarketerBlock: p(0.9, 0, 1, 'probability', 'MODEL §5 (blocks most marketers)', 'Chance the identity check stops a marketer', '身份验证拦截营销号的概率'),
  frictionQuestionnaire: p(0.92, 0, 1, 'factor', 'MODEL §5 (each filter adds friction)', 'Acceptance kept with a questionnaire', '入群问卷后的接受率系数'),
  frictionIdentity: p(0.9, 0, 1, 'factor', 'MODEL §5', 'Acceptance kept with an identity check', '身份验证后的接受率系数'),
  frictionOther: p(0.97, 0, 1, 'factor', 'MODEL §5', 'Acceptance kept per other filter', '其他筛选的接受率系数'),

  // ── Team effort (MODEL §6) ─────────────────────────────────────────
  minutesContentPost: p(25, 0, 600, 'minutes', 'MODEL §6', 'Writing one content post', '撰写一篇内容'),
  minutesTopic: p(15, 0, 600, 'minutes', 'MODEL §6', 'Hosting a theme-day topic', '主持一次主题讨论'),
  minutesEvent: p(120, 0, 1200, 'minutes', 'MODEL §6', 'Running the monthly party', '组织一次月度活动'),
  minutesPromo: p(5, 0, 600, 'minutes', 'MODEL §6', 'Posting one promotion', '发布一条推广'),
  minutesRedPacket: p(3, 0, 60, 'minutes', 'MODEL §6', 'Sending one red packet or giveaway', '发一个红包或福利'),
  minutesAnswer: p(4, 0, 120, 'minutes', 'MODEL §6', 'Answering one question', '回答一个问题'),
  minutesEnforcement: p(5, 0, 120, 'minutes', 'MODEL §6', 'Handling one violation', '处理一次违规'),
  minutesDm: p(6, 0, 120, 'minutes', 'MODEL §6', 'One private message', '一次私聊'),
  minutesInviteBatch: p(5, 0, 120, 'minutes', 'MODEL §6', 'Inviting one batch by hand (personal)', '手动邀请一批（个人号）'),
  minutesScreening: p(2, 0, 60, 'minutes', 'MODEL §6', 'Screening one candidate by hand', '人工审核一名候选人'),
  minutesChain: p(10, 0, 600, 'minutes', 'MODEL §6', 'Running one chain', '组织一次接龙'),
  minutesCompetitionWeek: p(45, 0, 1200, 'minutes', 'MODEL §6', 'Running the points competition, per week', '每周运营积分竞赛'),
  minutesPoll: p(20, 0, 600, 'minutes', 'MODEL §6', 'Running a needs poll', '组织一次需求投票'),
  minutesWinBack: p(5, 0, 120, 'minutes', 'MODEL §6', 'Contacting one leaver', '回访一名离群成员'),
  minutesAnnouncement: p(30, 0, 600, 'minutes', 'MODEL §6', 'Writing the announcement', '撰写群公告'),
  enterpriseAutomationSaving: p(0.5, 0, 1, 'share', 'MODEL §6 (enterprise automation makes some free)', 'Share of screening, invite and enforcement minutes enterprise tools save', '企业微信自动化节省的工时比例'),
} as const satisfies Record<string, ParameterSpec>;

export type ParameterKey = keyof typeof PARAMETERS;
export type Parameters = Record<ParameterKey, number>;
export const PARAMETER_KEYS = Object.keys(PARAMETERS) as ParameterKey[];

export function defaultParameters(): Parameters {
  return resolveParameters(undefined);
}

/**
 * Defaults with a scenario's overrides applied (the schema already checked ranges).
 * Built in one go (Object.fromEntries), not key by key: V8 keeps such an object
 * in fast mode, and the engine reads it in its hot loops.
 */
export function resolveParameters(overrides: Partial<Record<string, number>> | undefined): Parameters {
  const key = overrides ?? NO_OVERRIDES;
  let resolved = resolvedFor.get(key);
  if (!resolved) {
    resolved = Object.fromEntries(PARAMETER_KEYS.map((k) => [k, overrides?.[k] ?? PARAMETERS[k].default])) as Parameters;
    resolvedFor.set(key, resolved);
  }
  return resolved;
}

/**
 * Every run of an ensemble resolves the same overrides object (a validated
 * scenario's), so the table is built once per scenario, not per run (3 % of
 * a small group's run). Callers do not mutate the result.
 */
const resolvedFor = new WeakMap<object, Parameters>();
const NO_OVERRIDES = {};
