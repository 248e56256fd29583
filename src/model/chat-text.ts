/**
 * What the replay shows as message text: short templated phrases per message
 * kind (and per positioning where the talk differs), in both languages. They
 * stand for what kind of message it was — the model has no content — and the
 * replay says so. The phrase is picked by the message's index, so a run
 * replays the same way every time.
 */
import type { MessageKind } from './metrics.ts';
import type { Positioning } from './playbook.ts';
import { bilingual as tx, type Bilingual } from './text.ts';
import type { SystemEvent, TeamPost } from './engine/chat.ts';

type Phrases = readonly Bilingual[];

/** Kinds whose talk depends on what the group is for. */
type TopicalKind = 'chat' | 'question' | 'answer' | 'reply' | 'topicReply' | 'share';

const TOPICAL: Record<Positioning, Record<TopicalKind, Phrases>> = {
  knowledge_sharing: {
    chat: [tx('Anyone else tried the new reporting template?', '有人试过新的报表模板吗？'), tx('This week was busy, finally catching up here.', '这周太忙了，终于有空来群里看看。'), tx('Interesting point from yesterday’s thread.', '昨天那个讨论挺有意思。')],
    question: [tx('How do you handle scope changes mid-project?', '项目中途需求变更大家怎么处理？'), tx('Which tool do you use for weekly reviews?', '大家周复盘用什么工具？'), tx('Any good reading on pricing strategy?', '有关于定价策略的好书推荐吗？')],
    answer: [tx('We freeze scope after the kickoff and log changes for the next phase.', '我们启动后冻结需求，变更放到下一期。'), tx('A shared doc plus a 15-minute call works for us.', '一个共享文档加 15 分钟电话会就够了。'), tx('Try the chapter on value-based pricing, very practical.', '看看价值定价那一章，很实用。')],
    reply: [tx('Agreed, same experience here.', '同意，我这边也是这样。'), tx('Thanks, that helps!', '谢谢，很有帮助！'), tx('Could you share an example?', '能举个例子吗？')],
    topicReply: [tx('Good topic — in our team we…', '好话题——我们团队的做法是…'), tx('Saving this, very useful.', '收藏了，很实用。'), tx('My take: start small and measure.', '我的看法：先小范围试，再看数据。')],
    share: [tx('Sharing my notes from last week’s workshop (long read).', '分享上周工作坊的笔记（长文）。'), tx('A checklist I use before every launch.', '分享一份我每次上线前用的检查清单。')],
  },
  resource_matching: {
    chat: [tx('Anyone at the trade fair next week?', '下周展会有人去吗？'), tx('Market is slow this month.', '这个月行情一般。'), tx('Good to see new faces here.', '欢迎新朋友。')],
    question: [tx('Looking for a packaging supplier in the south, any leads?', '求华南地区包装供应商，有推荐吗？'), tx('Who handles cross-border logistics?', '谁做跨境物流？'), tx('Need 2,000 units by March, who can quote?', '3 月前需要 2000 件，谁能报价？')],
    answer: [tx('We work with one in Dongguan, I’ll DM you.', '我们在东莞合作过一家，私聊你。'), tx('I can quote, sending details.', '我可以报价，发你详情。'), tx('Check with the member who posted last Tuesday.', '可以问问上周二发帖的那位。')],
    reply: [tx('Interested, let’s talk.', '感兴趣，私聊。'), tx('Thanks for the lead!', '感谢推荐！'), tx('Same need here.', '我也有同样需求。')],
    topicReply: [tx('We can supply, capacity 5k a month.', '我们能供货，月产能 5000。'), tx('Following this one.', '关注一下。'), tx('Happy to connect offline.', '可以线下对接。')],
    share: [tx('Supply and demand list for this week (updated).', '本周供需清单（已更新）。'), tx('Price trends for raw materials, Q3 summary.', '原材料价格走势，第三季度汇总。')],
  },
  customer_service: {
    chat: [tx('The new version looks good.', '新版本看起来不错。'), tx('Just received my order, thanks.', '刚收到货，谢谢。'), tx('Is the event still on this weekend?', '周末的活动还照常吗？')],
    question: [tx('My order hasn’t shipped yet, can you check?', '我的订单还没发货，能帮忙查下吗？'), tx('How do I reset the device?', '设备怎么重置？'), tx('Can I return an opened item?', '拆封了还能退吗？')],
    answer: [tx('Checked: it ships today, tracking number by DM.', '已查询：今天发货，单号私信您。'), tx('Hold the power button for 10 seconds.', '长按电源键 10 秒即可。'), tx('Yes, within 7 days — here is how.', '可以，7 天内——操作方法如下。')],
    reply: [tx('Thanks, solved!', '谢谢，解决了！'), tx('Same problem here.', '我也遇到同样的问题。'), tx('That worked.', '这个方法有效。')],
    topicReply: [tx('Good to know, thanks.', '了解了，谢谢。'), tx('Will try this weekend.', '周末试试。'), tx('More tips like this please.', '希望多分享这类技巧。')],
    share: [tx('My setup guide, step by step.', '我的设置指南，一步步来。'), tx('Tips after a month of use.', '用了一个月的心得。')],
  },
};

const GENERAL: Record<Exclude<MessageKind, TopicalKind | 'team'>, Phrases> = {
  chain: [tx('12. Li Ming +1', '12. 李明 +1'), tx('13. Zhang Wei, joining!', '13. 张伟 报名！'), tx('14. Chen +1', '14. 陈 +1')],
  filler: [tx('haha', '哈哈哈'), tx('👍', '👍'), tx('good morning everyone', '大家早上好'), tx('+1', '+1')],
  ad: [tx('Cheap agency accounts, add me for details!', '低价代理，详情加我！'), tx('Part-time job, earn 300 a day, DM me', '兼职日赚 300，私聊'), tx('Scan the code for a free gift', '扫码领免费礼品'), tx('Followers for sale, 10k for 99', '涨粉服务，1 万粉只要 99'), tx('Loans in 5 minutes, no checks', '5 分钟放款，无需审核')],
  violation: [tx('[a message that breaks the covenant]', '[一条违反群公约的发言]')],
  promo: [tx('Limited offer for members: 30 % off this week only!', '群友专享：本周限时 7 折！'), tx('New course launch — early-bird price today', '新课上线——今日早鸟价'), tx('Group-buy open: three more to unlock the price', '拼团开启：再来 3 人成团'), tx('Members’ day: free shipping tonight', '会员日：今晚包邮'), tx('Last call for the workshop discount', '工作坊优惠最后一天')],
  redPacket: [tx('[Red packet] A little something for everyone!', '[红包] 给大家的小心意！')],
  burst: [tx('1', '1'), tx('Thanks boss!', '谢谢老板！'), tx('Got it, thanks!', '抢到了，谢谢！'), tx('1111', '1111'), tx('Too slow, missed it', '手慢了，没抢到'), tx('🧧 thanks!', '🧧 谢谢！'), tx('Lucky today!', '今天运气不错！')],
};

const TEAM: Record<TeamPost | 'other', Phrases> = {
  news: [tx('Industry news: this week’s three things worth knowing.', '行业资讯：本周值得关注的三件事。')],
  tips: [tx('Practical tip: a 5-step checklist you can use today.', '实用技巧：今天就能用的 5 步清单。')],
  spotlight: [tx('Member spotlight: meet one of our members and their work.', '成员展示：认识一位群友和他的工作。')],
  themeDay: [tx('Theme day Q&A is open — bring your questions!', '今天是主题讨论日（行业问答）——欢迎提问！')],
  event: [tx('Monthly online party tonight at 20:00, join us!', '今晚 20:00 月度线上活动，欢迎参加！')],
  poll: [tx('Poll: what should we cover next month?', '投票：下个月想听什么主题？')],
  announcement: [tx('Announcement: our covenant, what this group is for, and the mute rules.', '群公告：群公约、本群价值和禁言规则。')],
  chain: [tx('Chain (接龙): sign up for next week’s session!', '接龙：报名下周的分享会！')],
  other: [tx('Team update.', '运营通知。')],
};

function choose(phrases: Phrases, index: number): Bilingual {
  // Knuth's multiplicative hash spreads neighbouring messages over the phrases
  return phrases[((index * 2654435761) >>> 0) % phrases.length];
}

/** The phrase standing for message `index` of kind `kind` (team posts by what they were). */
export function messageText(kind: MessageKind, positioning: Positioning, index: number, teamPost: TeamPost | null): Bilingual {
  if (kind === 'team') return choose(TEAM[teamPost ?? 'other'], index);
  if (kind in GENERAL) return choose(GENERAL[kind as keyof typeof GENERAL], index);
  return choose(TOPICAL[positioning][kind as TopicalKind], index);
}

/** A system line: "{name} joined", … */
export const SYSTEM_TEXT: Record<SystemEvent, Bilingual> = {
  joined: tx('{name} joined the group', '{name} 加入了群聊'),
  rejoined: tx('{name} came back to the group', '{name} 重新加入了群聊'),
  left: tx('{name} left the group', '{name} 退出了群聊'),
  removed: tx('{name} was removed from the group', '{name} 被移出群聊'),
  warned: tx('An admin warned {name} (first violation)', '管理员警告了{name}（首次违规）'),
  muted: tx('{name} was muted for a while', '{name} 被限时禁言'),
  dnd: tx('{name} put the group on do-not-disturb', '{name} 开启了消息免打扰'),
};
