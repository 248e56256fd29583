/**
 * The model's metrics measured on a chat log (issue 19), each beside the
 * playbook threshold the lab already uses (playbook.ts). The same function
 * measures an imported export and a simulated run's chat log, so calibration
 * compares like with like (fit.ts).
 *
 * Definitions (docs/import.md): the span runs from the first message's day to
 * the last's; *speaking* messages are all but low-value ones (stickers, red
 * packets, "1", thanks: docs/model.md §3.5); *members* are the roster when
 * there is one (authors missing from it left before the export), else every
 * author seen. The metrics the lab reports at its horizon are read over the
 * same windows here, ending on the span's last day: daily messages and weekly
 * participation over the last 7 days (metrics.ts SUMMARY), core actives over
 * the last 14, the speaking rate over the last 30.
 */
import { inequality, quantileSorted } from '../stats.ts';
import { CORE_ACTIVE_DEFAULT, describeThreshold, judge, thresholdsFor, type Positioning, type Status, type Threshold } from '../playbook.ts';
import type { MetricUnit } from '../metrics.ts';
import type { Bilingual } from '../text.ts';
import { MESSAGE_CLASSES, isEffective, isSpeaking } from './classify.ts';
import { MINUTES_PER_DAY } from './time.ts';

/** What measure() reads: an imported chat, or a simulated run's log in the same shape. */
export interface ChatTable {
  readonly minute: ArrayLike<number>;
  readonly author: ArrayLike<number>;
  readonly kind: ArrayLike<number>;
  readonly replyTo: ArrayLike<number>;
  readonly authors: { readonly length: number };
  readonly rosterAuthor: ArrayLike<number> | null;
}

/** A question counts as answered by the first later message of someone else within this many hours (parameters.ts: memberAnswerHorizonHours). */
export const ANSWER_HORIZON_HOURS = 48;
/** The lab's weekly window (metrics.ts: daily messages and weekly participation at the horizon). */
export const LAST_WEEK_DAYS = 7;
const QUICK_ANSWER_MINUTES = 15;
const LOW_VALUE = MESSAGE_CLASSES.indexOf('lowValue');
const QUESTION = MESSAGE_CLASSES.indexOf('question');

export const MEASURE_KEYS = [
  'speakingRate30d', 'weeklyParticipation', 'coreActiveUsers', 'dailyMessages', 'dailyMessagesSpan', 'effectiveRatio', 'lurkerShare',
  'top10ShareOfPosters', 'top10MessageShare', 'top30MessageShare', 'firstAnswerMinutesMedian', 'firstAnswerMinutesP90', 'answeredWithin15Share',
  'lowValueShare', 'questionShare', 'eveningShare', 'officeShare', 'members', 'posters', 'messagesPerPoster', 'leftShare',
] as const;
export type MeasureKey = (typeof MEASURE_KEYS)[number];

export const MEASURE_INFO: Record<MeasureKey, { unit: MetricUnit; en: string; zh: string; definition: Bilingual }> = {
  speakingRate30d: { unit: 'share', en: 'Speaking rate (30 d)', zh: '成员发言率（30 日）', definition: { en: 'members who spoke in the last 30 days of the span', zh: '记录期最后 30 天内发过言的成员占比' } },
  weeklyParticipation: { unit: 'share', en: 'Weekly participation', zh: '周参与率', definition: { en: 'members who spoke in the last 7 days of the span (as the lab reads it at its horizon)', zh: '记录期最后 7 天内发过言的成员占比（与实验室在模拟期末的读法相同）' } },
  coreActiveUsers: { unit: 'count', en: 'Core active users', zh: '核心活跃用户', definition: { en: `members who spoke on ≥ ${CORE_ACTIVE_DEFAULT.minDays} of the last ${CORE_ACTIVE_DEFAULT.windowDays} days`, zh: `最近 ${CORE_ACTIVE_DEFAULT.windowDays} 天中至少 ${CORE_ACTIVE_DEFAULT.minDays} 天发过言的成员` } },
  dailyMessages: { unit: 'perDay', en: 'Daily messages', zh: '日均发言量', definition: { en: 'all messages of the last 7 days of the span, per day (low-value ones included; as the lab reads it at its horizon)', zh: '记录期最后 7 天平均每天的消息数（含低价值消息；与实验室在模拟期末的读法相同）' } },
  dailyMessagesSpan: { unit: 'perDay', en: 'Daily messages over the whole span', zh: '日均发言量（整个记录期）', definition: { en: 'daily messages read over the whole span instead of its last 7 days: all messages / the span\u2019s days (low-value ones included)', zh: '按整个记录期而非最后 7 天计算的日均发言量：全部消息数除以记录天数（含低价值消息）' } },
  effectiveRatio: { unit: 'share', en: 'Effective-content ratio (estimate)', zh: '发言有效率（估计）', definition: { en: 'messages that are not low value (stickers, red packets, "1", thanks, laughter, emoji only)', zh: '非低价值消息的占比（低价值：表情、红包、“1”、感谢、哈哈、纯表情符号）' } },
  lurkerShare: { unit: 'share', en: 'Lurker share', zh: '潜水成员占比', definition: { en: 'roster members with no speaking message in the last 30 days (needs a roster)', zh: '名单中最近 30 天没有发言的成员占比（需要成员名单）' } },
  top10ShareOfPosters: { unit: 'share', en: 'Messages by the top 10 % of posters', zh: '前 10% 发言者的发言占比', definition: { en: 'speaking messages by the top 10 % of authors who spoke', zh: '发过言的人中前 10% 的发言占比' } },
  top10MessageShare: { unit: 'share', en: 'Messages by the top 10 % of members', zh: '前 10% 成员发言占比', definition: { en: 'speaking messages by the top 10 % of roster members (needs a roster)', zh: '名单成员中前 10% 的发言占比（需要成员名单）' } },
  top30MessageShare: { unit: 'share', en: 'Messages by the top 30 % of members', zh: '前 30% 成员发言占比', definition: { en: 'speaking messages by the top 30 % of roster members: the playbook\u2019s core and active tiers (§3: 10 % + 20 %; needs a roster)', zh: '名单成员中前 30% 的发言占比：即手册的核心层与活跃层（§3：10% + 20%；需要成员名单）' } },
  firstAnswerMinutesMedian: { unit: 'minutes', en: 'First-answer time (median)', zh: '首次响应时效（中位数）', definition: { en: `minutes from a message ending in ? or ？ to the first later message of someone else (an explicit reply where the format records them) within ${ANSWER_HORIZON_HOURS} h`, zh: `以 ? 或 ？ 结尾的消息到他人在 ${ANSWER_HORIZON_HOURS} 小时内的第一条消息（格式记录了回复时按明确回复）的分钟数` } },
  firstAnswerMinutesP90: { unit: 'minutes', en: 'First-answer time (p90)', zh: '首次响应时效（p90）', definition: { en: 'as the median, 90th percentile', zh: '同中位数，取第 90 百分位' } },
  answeredWithin15Share: { unit: 'share', en: 'Questions answered within 15 min', zh: '15 分钟内响应占比', definition: { en: 'questions with a first answer under 15 minutes', zh: '15 分钟内得到首次响应的提问占比' } },
  lowValueShare: { unit: 'share', en: 'Low-value messages', zh: '低价值消息占比', definition: { en: '1 − effective ratio', zh: '1 − 发言有效率' } },
  questionShare: { unit: 'share', en: 'Questions among speaking messages', zh: '提问占发言比例', definition: { en: 'speaking messages ending in ? or ？', zh: '以 ? 或 ？ 结尾的发言占比' } },
  eveningShare: { unit: 'share', en: 'Speaking messages 19:00–24:00', zh: '19–24 点发言占比', definition: { en: 'share of speaking messages in the evening hours (the evening rhythm\u2019s peak)', zh: '晚间（19–24 点）发言占比（晚间型作息的高峰）' } },
  officeShare: { unit: 'share', en: 'Speaking messages 9:00–18:00 on weekdays', zh: '工作日 9–18 点发言占比', definition: { en: 'share of speaking messages in office hours Monday to Friday', zh: '周一至周五 9–18 点的发言占比' } },
  members: { unit: 'count', en: 'Members', zh: '成员数', definition: { en: 'roster entries (authors missing from it left and are not members), or every author seen without a roster', zh: '成员名单人数（不在名单中的发言者已退群，不算成员）；没有名单时为出现过的全部发言者' } },
  posters: { unit: 'count', en: 'Members who spoke', zh: '发言成员数', definition: { en: 'members (as counted in Members) with at least one speaking message in the span; with a roster, authors missing from it (they left) are not counted here but in Authors no longer in the group', zh: '成员（与“成员数”的口径相同）中记录期内至少发过一条言的人数；有成员名单时，不在名单中的发言者（已退群）不计入此项，而计入“已离群的发言者占比”' } },
  messagesPerPoster: { unit: 'count', en: 'Speaking messages per poster', zh: '人均发言数（发言者）', definition: { en: 'speaking messages / authors who spoke (those who left included)', zh: '发言数除以发过言的人数（含已退群者）' } },
  leftShare: { unit: 'share', en: 'Authors no longer in the group', zh: '已离群的发言者占比', definition: { en: 'authors missing from the roster (they left before the export) among all authors (needs a roster)', zh: '不在名单中的发言者（导出前已退群）占全部发言者的比例（需要成员名单）' } },
};

export interface MeasuredRow {
  readonly key: MeasureKey;
  readonly value: number | null;
  readonly threshold: string | null;
  readonly source: string | null;
  readonly status: Status | null;
  /** The playbook goal behind `threshold` (its unit, direction and band: the view and the CLI word it per language). */
  readonly goal: Threshold | null;
}

export interface ChatMeasures {
  readonly firstDay: number;
  readonly days: number;
  readonly messages: number;
  readonly hasRoster: boolean;
  readonly values: Record<MeasureKey, number | null>;
  /** Share of speaking messages in each hour of the day (24 values; NaN without any). */
  readonly hourlyProfile: readonly number[];
  readonly rows: readonly MeasuredRow[];
}

const share = (hits: number, of: number) => (of > 0 ? hits / of : null);

export function measureChat(chat: ChatTable, positioning: Positioning = 'knowledge_sharing', weekdayOfDay: (day: number) => number = (d) => (d + 3) % 7): ChatMeasures {
  const n = chat.minute.length;
  const authorCount = chat.authors.length;
  const firstDay = n ? Math.floor(chat.minute[0] / MINUTES_PER_DAY) : 0;
  const lastDay = n ? Math.floor(chat.minute[n - 1] / MINUTES_PER_DAY) : 0;
  const days = n ? lastDay - firstDay + 1 : 0;

  // authors of at least one message here (a window of a chat may leave some out)
  const wrote = new Uint8Array(authorCount);
  for (let i = 0; i < n; i++) wrote[chat.author[i]] = 1;
  const writers = wrote.reduce((a, b) => a + b, 0);
  // members: roster entries mapped to authors (-1: never wrote), or every author seen
  const memberAuthors: number[] = chat.rosterAuthor ? Array.from(chat.rosterAuthor) : Array.from({ length: authorCount }, (_, a) => a).filter((a) => wrote[a]);
  const members = memberAuthors.length;

  const lastSpokeDay = new Float64Array(authorCount).fill(-Infinity);
  const speakingCount = new Float64Array(authorCount);
  const daysSpoken: Set<number>[] = Array.from({ length: authorCount }, () => new Set());
  const spokeLastWeek = new Uint8Array(authorCount);
  const hours = new Float64Array(24);
  let speaking = 0, effective = 0, lowValue = 0, questions = 0, evening = 0, office = 0, lastWeekMessages = 0;

  for (let i = 0; i < n; i++) {
    const kind = MESSAGE_CLASSES[chat.kind[i]];
    if (lastDay - Math.floor(chat.minute[i] / MINUTES_PER_DAY) < LAST_WEEK_DAYS) lastWeekMessages++;
    if (isEffective(kind)) effective++;
    if (chat.kind[i] === LOW_VALUE) lowValue++;
    if (!isSpeaking(kind)) continue;
    const a = chat.author[i];
    const day = Math.floor(chat.minute[i] / MINUTES_PER_DAY);
    const hour = Math.floor((chat.minute[i] - day * MINUTES_PER_DAY) / 60);
    speaking++;
    if (chat.kind[i] === QUESTION) questions++;
    speakingCount[a]++;
    lastSpokeDay[a] = day;
    if (lastDay - day < CORE_ACTIVE_DEFAULT.windowDays) daysSpoken[a].add(day);
    if (lastDay - day < LAST_WEEK_DAYS) spokeLastWeek[a] = 1;
    hours[hour]++;
    if (hour >= 19) evening++;
    if (hour >= 9 && hour < 18 && weekdayOfDay(day) < 5) office++;
  }

  let spoke30 = 0, lurkers = 0, coreActive = 0, spokeWeek = 0;
  for (const a of memberAuthors) {
    const recent = a >= 0 && lastDay - lastSpokeDay[a] < 30;
    if (recent) spoke30++;
    else lurkers++;
    if (a >= 0 && daysSpoken[a].size >= CORE_ACTIVE_DEFAULT.minDays) coreActive++;
    if (a >= 0 && spokeLastWeek[a]) spokeWeek++;
  }

  const posterCounts = Float64Array.from(Array.from(speakingCount).filter((c) => c > 0));
  const memberCounts = Float64Array.from(memberAuthors, (a) => (a >= 0 ? speakingCount[a] : 0));
  const answers = answerMinutes(chat);

  const values: Record<MeasureKey, number | null> = {
    speakingRate30d: share(spoke30, members),
    weeklyParticipation: days >= LAST_WEEK_DAYS ? share(spokeWeek, members) : null,
    coreActiveUsers: days >= CORE_ACTIVE_DEFAULT.windowDays ? coreActive : null,
    dailyMessages: days ? lastWeekMessages / Math.min(days, LAST_WEEK_DAYS) : null,
    dailyMessagesSpan: days ? n / days : null,
    effectiveRatio: share(effective, n),
    lurkerShare: chat.rosterAuthor ? share(lurkers, members) : null,
    top10ShareOfPosters: posterCounts.length ? inequality(posterCounts).topShare : null,
    top10MessageShare: chat.rosterAuthor && speaking ? inequality(memberCounts).topShare : null,
    top30MessageShare: chat.rosterAuthor && speaking ? topShare(memberCounts, 0.3) : null,
    firstAnswerMinutesMedian: answers.length ? quantileSorted(answers, 0.5) : null,
    firstAnswerMinutesP90: answers.length ? quantileSorted(answers, 0.9) : null,
    answeredWithin15Share: answers.length ? answers.filter((m) => m < QUICK_ANSWER_MINUTES).length / answers.length : null,
    lowValueShare: share(lowValue, n),
    questionShare: share(questions, speaking),
    eveningShare: share(evening, speaking),
    officeShare: share(office, speaking),
    members,
    // members who spoke: with a roster, its entries who spoke (authors who left are not members, as in `members`)
    posters: chat.rosterAuthor ? new Set(memberAuthors.filter((a) => a >= 0 && speakingCount[a] > 0)).size : posterCounts.length,
    messagesPerPoster: posterCounts.length ? speaking / posterCounts.length : null,
    leftShare: chat.rosterAuthor && writers ? 1 - new Set(Array.from(chat.rosterAuthor).filter((a) => a >= 0 && wrote[a])).size / writers : null,
  };
  const rows = judgeRows(values, positioning);
  return {
    firstDay, days, messages: n, hasRoster: chat.rosterAuthor !== null, values,
    hourlyProfile: Array.from(hours, (h) => (speaking ? h / speaking : NaN)), rows,
  };
}

/**
 * The chat's last `days` days (ending on its last message's day): what a
 * simulated group of that horizon is compared with. Messages are in time
 * order, so the window is a suffix; replies to messages before it are dropped.
 */
export function lastDays(chat: ChatTable, days: number): ChatTable {
  const n = chat.minute.length;
  if (!n) return chat;
  const from = (Math.floor(chat.minute[n - 1] / MINUTES_PER_DAY) - days + 1) * MINUTES_PER_DAY;
  let start = 0;
  while (start < n && chat.minute[start] < from) start++;
  if (start === 0) return chat;
  const slice = <T extends ArrayLike<number>>(a: T) => Float64Array.from({ length: n - start }, (_, i) => a[start + i]);
  return {
    minute: slice(chat.minute), author: slice(chat.author), kind: slice(chat.kind),
    replyTo: Float64Array.from({ length: n - start }, (_, i) => (chat.replyTo[start + i] >= start ? chat.replyTo[start + i] - start : -1)),
    authors: chat.authors, rosterAuthor: chat.rosterAuthor,
  };
}

/** The measured values against a positioning's thresholds (re-judged when the positioning changes after reading). */
export function judgeRows(values: Readonly<Record<MeasureKey, number | null>>, positioning: Positioning): MeasuredRow[] {
  const goals = thresholdsFor(positioning);
  return MEASURE_KEYS.map((key): MeasuredRow => {
    const goal = goals.find((g) => g.metric === key);
    const value = values[key];
    return { key, value, threshold: goal ? describeThreshold(goal) : null, source: goal ? goal.source : null, status: goal && value !== null ? judge(goal, value) : null, goal: goal ?? null };
  });
}

/**
 * Minutes from each question to its first answer, sorted: an explicit reply
 * to it, or the next speaking message of someone else, whichever is first,
 * within the horizon. Unanswered questions are left out (as in the model).
 */
export function answerMinutes(chat: ChatTable): Float64Array {
  const n = chat.minute.length;
  const explicit = new Float64Array(n).fill(Infinity);
  for (let i = 0; i < n; i++) {
    const target = chat.replyTo[i];
    if (target >= 0 && chat.author[target] !== chat.author[i]) explicit[target] = Math.min(explicit[target], chat.minute[i]);
  }
  const horizon = ANSWER_HORIZON_HOURS * 60;
  const out: number[] = [];
  for (let q = 0; q < n; q++) {
    if (chat.kind[q] !== QUESTION) continue;
    let first = explicit[q];
    for (let j = q + 1; j < n && chat.minute[j] - chat.minute[q] <= horizon && chat.minute[j] < first; j++) {
      if (chat.author[j] !== chat.author[q] && chat.kind[j] !== LOW_VALUE) {
        first = chat.minute[j];
        break;
      }
    }
    if (first - chat.minute[q] <= horizon) out.push(first - chat.minute[q]);
  }
  return Float64Array.from(out).sort();
}

/** Share of the total held by the top `fraction` of values (at least one). */
function topShare(values: Float64Array, fraction: number): number {
  const sorted = Float64Array.from(values).sort();
  const total = sorted.reduce((a, b) => a + b, 0);
  const top = Math.max(1, Math.ceil(sorted.length * fraction));
  let sum = 0;
  for (let i = sorted.length - top; i < sorted.length; i++) sum += sorted[i];
  return total ? sum / total : NaN;
}
