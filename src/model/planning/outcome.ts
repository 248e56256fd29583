/**
 * A group's outcome in words, from its own numbers: did it empty or fall
 * silent, and what the numbers point to (ads, do-not-disturb, removals, no
 * content, no DMs). The diagnosis shows these above its remedies.
 */
import type { Summary, SummaryKey } from '../metrics.ts';
import { formatByUnit, formatPercent, type Locale } from '../format.ts';
import type { Scenario } from '../scenario.ts';
import type { Bilingual } from '../text.ts';
import { quantileSorted } from '../stats.ts';

const median = (list: readonly Summary[], key: SummaryKey): number | null => {
  const values = list.map((s) => s[key]).filter((v): v is number => v !== null).sort((a, b) => a - b);
  return values.length ? quantileSorted(values, 0.5) : null;
};

/** Thresholds for calling a group emptied or silent, and for naming a likely cause (judgement, stated in the text). */
export const OUTCOME_SIGNS = {
  /** Emptied: at most this share of everyone who joined is still in at the end. */
  emptiedStayed: 0.25,
  /** Silent: at most this share of members took part in the last week (a third of §5's 60 %), or at most this many messages a day, or silent by day 7 in half the runs. */
  silentParticipation: 0.2,
  silentMessages: 1,
  silentWithinWeek: 0.5,
  adShare: 0.2,
  dndShare: 0.3,
  removedShare: 0.15,
} as const;

/** In words: did the group empty or fall silent, and what its numbers point to. */
export function explainOutcome(base: Scenario, runs: readonly Summary[]): Bilingual[] {
  const out: Bilingual[] = [];
  const team = 1 + base.team.admins;
  const joins = median(runs, 'joinsTotal') ?? 0;
  const members = (median(runs, 'members') ?? team) - team;
  const left = median(runs, 'leavesTotal') ?? 0;
  const removed = median(runs, 'removalsTotal') ?? 0;
  const messages = median(runs, 'dailyMessages') ?? 0;
  const ads = median(runs, 'ads') ?? 0;
  const dnd = median(runs, 'dndShare') ?? 0;
  const silentWeek = runs.reduce((s, r) => s + (r.silentWithinWeek ?? 0), 0) / runs.length;
  const participation = median(runs, 'weeklyParticipation') ?? 0;
  const n = (v: number) => formatByUnit('en', 'count', Math.round(v));
  const pc = (v: number, locale: Locale) => formatPercent(locale, v);
  const emptied = joins > 0 && members <= OUTCOME_SIGNS.emptiedStayed * joins;
  const silent = participation <= OUTCOME_SIGNS.silentParticipation || messages <= OUTCOME_SIGNS.silentMessages || silentWeek >= OUTCOME_SIGNS.silentWithinWeek;
  if (emptied) {
    out.push({
      en: `The group emptied: of ${n(joins)} who joined, ${n(members)} are still in at the end (median; ${n(left)} left, ${n(removed)} removed).`,
      zh: `群空了：入群 ${n(joins)} 人，期末仍在 ${n(members)} 人 (中位数；退群 ${n(left)} 人，移出 ${n(removed)} 人)。`,
    });
  }
  if (silent) {
    out.push({
      en: `The group fell silent: ${pc(participation, 'en')} of members took part in the last week, ${formatByUnit('en', 'perDay', messages)} messages a day (medians); silent by day 7 in ${pc(silentWeek, 'en')} of runs.`,
      zh: `群沉寂了：最后一周仅 ${pc(participation, 'zh-CN')} 的成员参与，日均 ${formatByUnit('zh-CN', 'perDay', messages)} 条发言 (中位数)；${pc(silentWeek, 'zh-CN')} 的运行在第 7 天已沉寂。`,
    });
  }
  if (!emptied && !silent) return out;
  const adShare = messages > 0 ? Math.min(1, ads / messages) : 0;
  if (adShare >= OUTCOME_SIGNS.adShare) {
    out.push({
      en: `Ads are ${pc(adShare, 'en')} of messages in the last week: members leave or mute a group that reads like an ad channel (§5: over-marketing).`,
      zh: `最后一周广告占发言的 ${pc(adShare, 'zh-CN')}：像广告群的群，成员会退群或设免打扰 (§5：过度营销)。`,
    });
  }
  if (dnd >= OUTCOME_SIGNS.dndShare) {
    out.push({
      en: `${pc(dnd, 'en')} of members have set do-not-disturb: they no longer see the group.`,
      zh: `${pc(dnd, 'zh-CN')} 的成员设了免打扰：他们已看不到群消息。`,
    });
  }
  if (joins > 0 && removed >= OUTCOME_SIGNS.removedShare * joins) {
    out.push({
      en: `Penalties removed ${n(removed)} of ${n(joins)} members (§4): the covenant is enforced on a group that breaks it often.`,
      zh: `惩罚移出了 ${n(joins)} 人中的 ${n(removed)} 人 (§4)：群规执行面对的是频繁违规的群。`,
    });
  }
  if (base.content.postsPerWeek === 0) {
    out.push({ en: 'The team posts no content: nothing starts a conversation (§1, §5).', zh: '运营不发布任何内容：没有内容引发讨论（§1，§5）。' });
  }
  if (base.activation.dmPerAdminPerDay === 0 || base.team.admins === 0) {
    out.push({ en: 'No one DMs silent members, so lurkers are never re-activated (§6).', zh: '没有人私聊沉默成员，潜水者不会被激活（§6）。' });
  }
  return out;
}
