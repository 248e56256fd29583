/**
 * The playbook in brief, section by section, in both languages: what each
 * section advises (summarised in our own words; the facts and numbers are the
 * article's, docs/playbook.md), and where the article is silent or cut off —
 * shown as gaps, never filled in. The thresholds of each section come from
 * THRESHOLDS (playbook.ts), so the numbers live in one place.
 */
import { bilingual as tx, type Bilingual } from './text.ts';

/** The article's sections (§ references everywhere in the app). */
export const SECTIONS = ['§1', '§2', '§3', '§4', '§5', '§6', '§7'] as const;
export type Section = (typeof SECTIONS)[number];

export interface PlaybookSection {
  readonly id: Section;
  readonly title: Bilingual;
  /** What the section advises, point by point. */
  readonly points: readonly Bilingual[];
  /** What the article leaves out or cuts off here, and what the lab does about it. */
  readonly gaps: readonly Bilingual[];
}

export const PLAYBOOK_INTRO: Bilingual = tx(
  'A practitioner’s article on building and running WeChat groups sees a group as eight parts working together: positioning, creation, members, rules, activity, data, risk and tools. Good groups balance openness and control through layered management, incentives and content: who is let in shapes the atmosphere, and what is measured feeds back into the rules. The lab judges every strategy against the article’s numbers below.',
  '一篇关于微信社群搭建与运营的实践文章，把社群看作八个环节的协同：定位、创建、成员、规则、活跃、数据、风险和工具。好的社群通过分层管理、激励和内容运营，在开放与管控之间取得平衡：准入决定氛围，监测反过来推动规则调整。实验室用下列数字评判每一个策略。',
);

/** What the article's outline promises and its sections do not hold. */
export const PLAYBOOK_INTRO_GAPS: readonly Bilingual[] = [
  tx('The eighth part, tools, has no section of its own: the article’s tool advice (WeCom’s APIs, tags, keyword auto-reply and monitoring, conversation archive) is spread over §1–§6, and the lab models it where it appears.', '第八个环节“工具支持”没有单独成节：文中的工具建议（企业微信接口、标签、关键词自动回复与监控、会话存档）分散在 §1–§6，实验室在相应位置模拟。'),
  tx('The closing names trends (AI customer service, layered member operations, online and offline together) without rules or numbers; the lab does not model them.', '结尾提到的趋势（AI 客服、会员分层运营、线上线下融合）没有规则或数字，实验室不作模拟。'),
];

export const PLAYBOOK_SECTIONS: readonly PlaybookSection[] = [
  {
    id: '§1',
    title: tx('Positioning and goals', '群定位与核心目标'),
    points: [
      tx('Highly active groups have one clear vertical focus: 37 % of them are industry exchange, 28 % interest or social, 19 % customer maintenance.', '高活跃社群都有清晰的垂直定位：行业交流类占 37%，兴趣社交类占 28%，客户维护类占 19%。'),
      tx('Three positionings, each with its own yardstick: resource matching (> 200 messages a day), knowledge sharing (≥ 3 valuable posts a week), customer service (answers within 15 minutes).', '三种定位各有衡量标准：资源对接型（日均信息量 > 200 条）、知识分享型（每周干货 ≥ 3 次）、客户服务型（响应时效 < 15 分钟）。'),
      tx('Goals are SMART. For a new group: within 30 days, 80 % of members have spoken and 10 core active users have been cultivated.', '目标遵循 SMART 原则。新群示例：30 天内 80% 成员发过言，培养出 10 名核心活跃用户。'),
      tx('WeCom (企业微信) tags members automatically through its APIs; a personal account does it by hand.', '企业微信可通过接口自动打标签；个人号只能手工完成。'),
    ],
    gaps: [
      tx('“Core active user” is not defined. The lab counts a member who spoke on at least 4 of the last 14 days (editable with the goal).', '文章没有定义“核心活跃用户”。实验室以“最近 14 天中至少 4 天发言”计（可随目标修改）。'),
      tx('The shares of high-activity groups add up to 84 %; the rest is not stated.', '高活跃社群的类型占比合计 84%，其余未说明。'),
    ],
  },
  {
    id: '§2',
    title: tx('Creation', '创建流程'),
    points: [
      tx('The founder is a domain KOL or an admin; the group name (at most 15 characters) names its theme.', '群主由领域 KOL 或管理员担任；群名不超过 15 个字，点明主题。'),
      tx('Invite a first wave of at most 40 people; a personal account creates at most 5 groups a day.', '首批邀请不超过 40 人；个人号每天最多新建 5 个群。'),
      tx('Direct creation takes under 3 minutes; a QR code takes 5–10 minutes and is valid for 7 days; WeCom’s API adds members automatically, and its live codes (活码) get round per-code limits.', '直接建群不到 3 分钟；二维码建群需 5–10 分钟，有效期 7 天；企业微信接口可自动拉人，活码可突破单码扫码限制。'),
      tx('On a personal account, invite in batches of at most 20 to stay clear of the anti-spam system.', '个人号分批邀请，每批不超过 20 人，以免触发反垃圾机制。'),
      tx('Right after creation, post an announcement with the covenant, the value proposition and the mute rules.', '建群后立即发布群公告：群公约、价值主张和禁言规则。'),
      tx('Platform limits the article assumes: at most 500 members; a group QR code stops admitting at 200.', '文章默认的平台限制：群上限 500 人；群二维码在 200 人后不能再扫码入群。'),
    ],
    gaps: [
      tx('Direct creation is said to lack “capacity-expansion permission”, without explanation; the lab does not model it.', '文章称直接建群“无扩容权限”，但未解释；实验室不模拟这一点。'),
      tx('The 5-groups-a-day limit is not modelled: each run is one group.', '每天 5 个群的限制不在模拟范围内：每次模拟只有一个群。'),
    ],
  },
  {
    id: '§3',
    title: tx('Members and admission', '成员结构与准入'),
    points: [
      tx('The target pyramid: 10 % core (the owner, 3 admins, KOLs), 20 % active, 70 % ordinary members.', '目标金字塔：10% 核心（群主、3 名管理员、KOL），20% 活跃，70% 普通成员。'),
      tx('Three filters: a qualification questionnaire, an identity check (work badge on WeCom, real name on a personal account) and a 3-day muted probation for newcomers.', '三道门槛：入群问卷、身份验证（企业微信用工牌，个人号用实名）、新人 3 天静音观察期。'),
      tx('Screening by relevance (job match > 60 %) eliminates about 15 %, by activity elsewhere (> 3 messages a week) about 25 %, by a values test about 10 %.', '按相关度（岗位匹配 > 60%）筛选约淘汰 15%，按他群活跃度（每周发言 > 3 次）约淘汰 25%，按价值观情景测试约淘汰 10%。'),
      tx('Members are grouped by tags on WeCom, or by remark names (industry_role_region) on a personal account.', '企业微信按标签分组；个人号用“行业_职位_地区”格式的备注名分组。'),
      tx('Violations are handled in grades: a warning, then a timed mute, then removal.', '违规分级处理：先警告，再限时禁言，最后永久移出。'),
    ],
    gaps: [
      tx('The article does not say how long a timed mute lasts; the lab’s default is an editable assumption.', '文章未说明限时禁言的时长；实验室的默认值是可修改的假设。'),
    ],
  },
  {
    id: '§4',
    title: tx('Rules', '运营规则'),
    points: [
      tx('Three tiers: a covenant (no ads, civil speech) pinned in the announcement; incentives (points, titles) counted by a bot; penalties — removal on the third violation, announced with @all.', '规则分三层：置顶公告中的基础公约（禁止广告、文明发言）；由机器人自动统计的激励（积分兑换、头衔升级）；处罚——第三次违规移出，并由管理员 @全体成员 公示。'),
      tx('WeCom can answer keywords automatically (a keyword such as 福利 replies with an event link).', '企业微信可设置关键词自动回复（如发送“福利”推送活动链接）。'),
      tx('On a personal account members put the group on do-not-disturb and read it at set times.', '个人号群成员会开启免打扰，定时查看。'),
      tx('An important rule change is announced 3 days ahead and agreed by a chain vote (接龙投票).', '重要规则变更提前 3 天公告，并通过接龙投票确认。'),
    ],
    gaps: [],
  },
  {
    id: '§5',
    title: tx('Keeping the group active', '活跃度提升'),
    points: [
      tx('Activity is a loop: content → interaction → relationships.', '活跃是一个循环：内容 → 互动 → 关系。'),
      tx('The best window is 19:00–21:00: topics posted then get at least 47 % response.', '最佳时段是 19:00–21:00：此时发布的话题响应率不低于 47%。'),
      tx('The content mix: 30 % industry news, 40 % practical tips, 30 % member spotlights.', '内容结构：30% 行业资讯、40% 实用技巧、30% 成员展示。'),
      tx('A weekly theme discussion (e.g. a Thursday Q&A day) and a monthly online party.', '每周一次主题讨论日（如周四行业问答日），每月一次线上活动。'),
      tx('Healthy: 5–15 messages a day (raised by rewards for chains) and weekly participation above 60 % (raised by team points competitions).', '健康区间：日均发言 5–15 条（靠接龙奖励提升），周参与率 > 60%（靠小组积分竞赛提升）。'),
      tx('Over-marketing inflates activity: in a good group more than 70 % of messages carry real value.', '过度营销会让活跃度虚高：优质社群中超过 70% 的发言是有效发言。'),
    ],
    gaps: [
      tx('Monthly retention has no threshold in the article; the lab shows it without a goal.', '文章未给出月留存率的阈值；实验室只展示数值，不设目标。'),
      tx('“5–15 a day” does not say per group or per member, and clashes with “> 200 a day” for resource matching. The lab reads it per group, for knowledge-sharing groups, and says so on the chart. A customer-service group is judged on its first answer (< 15 minutes) and the effective-content ratio only: its customers need not be active.', '“日均 5–15 条”没有说明是全群还是人均，也与资源对接型“> 200 条”矛盾。实验室按全群理解，只用于知识分享型，并在图表上注明。客户服务型只考核响应时效（< 15 分钟）和发言有效率：客户不必活跃。'),
    ],
  },
  {
    id: '§6',
    title: tx('Data and evaluation', '数据监测'),
    points: [
      tx('Member behaviour is measured by join conversion and speaking frequency, and improved by better invitation wording.', '成员行为用入群转化率和发言频率衡量，靠优化邀请话术提升。'),
      tx('The 3D principle: watch daily, analyse weekly, review monthly.', '3D 原则：每日监测、每周分析、每月复盘。'),
      tx('In groups above 200 members about 35 % are lurkers (潜水型), who need one-to-one private messages to come back.', '超过 200 人的群约有 35% 潜水成员，需要一对一私聊激活。'),
      tx('WeCom tracks members’ trajectories (links clicked, files opened); a personal account tallies valuable content by hand.', '企业微信可追踪成员轨迹（点击链接、打开文件）；个人号只能手工统计优质内容。'),
    ],
    gaps: [
      tx('Content quality has no metric and commercial value has neither a metric nor a lever: the table is left empty in the article.', '内容质量没有指标，商业价值既没有指标也没有改进方法：文章中的表格是空的。'),
    ],
  },
  {
    id: '§7',
    title: tx('Risk and compliance', '风险控制'),
    points: [
      tx('Content violations are the one kind of risk the text keeps.', '正文只保留了“内容违规”这一类风险。'),
      tx('A WeCom group falls under the Cybersecurity Law (art. 21, data security); a personal account under WeChat’s rules against induced sharing and malicious marketing.', '企业微信群受《网络安全法》第 21 条（数据安全）约束；个人号受微信关于诱导分享和恶意营销的规定约束。'),
    ],
    gaps: [
      tx('Three kinds of risk are announced but the table is cut off after the first.', '文章预告了三类风险，但表格在第一类之后被截断。'),
      tx('“A review every quarter” is cut off mid-sentence.', '“每季度一次审查”一句被截断。'),
      tx('The lab models content violations and marketers; legal compliance is outside its scope.', '实验室模拟内容违规和营销号；法律合规不在模拟范围内。'),
    ],
  },
];

/** The section a source reference such as "§3, §4" or "MODEL §3.7" points to first (null: none, or the model's). */
export function sectionOf(source: string): PlaybookSection | null {
  const match = /(?<!MODEL )§(\d)/.exec(source);
  return match ? PLAYBOOK_SECTIONS.find((s) => s.id === `§${match[1]}`) ?? null : null;
}
