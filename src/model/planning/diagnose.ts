/**
 * Why a goal is missed, and which lever would help: every lever is moved, one
 * at a time, to a few other settings (a quarter of its practical range up and
 * down, each other option, and the playbook's own advice where it gives a
 * number), each run with the current strategy's seed and run indices (paired,
 * local). For every goal not reliably met, the moves that raise its chance
 * most are reported with the size of the change and what else they cost.
 * An emptied or silent group is explained from its own numbers.
 */
import type { Summary, SummaryKey } from '../metrics.ts';
import { SUMMARY } from '../metrics.ts';
import { formatByUnit, formatPercent, formatSignedChange, langOf, type Locale } from '../format.ts';
import { goalsOf, meetsAll, meetsGoal, type Threshold } from '../playbook.ts';
import type { Scenario } from '../scenario.ts';
import type { Bilingual } from '../text.ts';
import { quantileSorted } from '../stats.ts';
import { evaluate, type Executor } from './jobs.ts';
import { describePosition, leverAt, leversFor, positionOf, snap, withSettings, type Lever } from './levers.ts';

/** The playbook's own advice, as a setting worth trying (docs/playbook.md). */
export const ADVICE: Readonly<Record<string, { readonly position: number; readonly source: string }>> = {
  'content.window': { position: 19, source: '§5' },
  'admission.probationDays': { position: 3, source: '§3' },
  'growth.initialInvites': { position: 40, source: '§2' },
  'growth.batchSize': { position: 20, source: '§2' },
  'content.postsPerWeek': { position: 3, source: '§1' },
};

/** A goal met in fewer runs than this is "not reliably met" and gets a diagnosis. */
export const RELIABLY_MET = 0.8;
/** A move must raise a goal's chance by at least this much to be suggested. */
export const WORTH_SUGGESTING = 0.05;

export interface Move {
  readonly path: string;
  readonly from: number;
  readonly to: number;
}

export interface MoveEffect {
  readonly move: Move;
  /** Paired median difference of the goal's KPI (moved − current). */
  readonly kpiChange: number;
  readonly metShare: readonly [before: number, after: number];
  readonly allGoals: readonly [before: number, after: number];
  /** Other goals whose chance drops by WORTH_SUGGESTING or more. */
  readonly costs: readonly { readonly metric: SummaryKey; readonly metShare: readonly [number, number] }[];
}

export interface GoalDiagnosis {
  readonly threshold: Threshold;
  readonly metShare: number;
  readonly median: number | null;
  /** Best first; empty when no single move helps. */
  readonly moves: readonly MoveEffect[];
}

export interface Diagnosis {
  readonly kind: 'diagnosis';
  readonly scenario: string;
  readonly seed: number;
  readonly runs: number;
  readonly movesTried: number;
  readonly allGoals: number;
  readonly goals: readonly GoalDiagnosis[];
  readonly outcome: readonly Bilingual[];
}

/** The moves tried for one lever. */
export function movesOf(lever: Lever, scenario: Scenario): Move[] {
  const from = positionOf(lever, scenario);
  const targets = new Set<number>();
  if (lever.options) lever.options.forEach((_, i) => targets.add(i));
  else {
    const quarter = (lever.max - lever.min) / 4;
    targets.add(snap(lever, from - quarter));
    targets.add(snap(lever, from + quarter));
    const advice = ADVICE[lever.path];
    if (advice) targets.add(snap(lever, advice.position));
  }
  targets.delete(from);
  return [...targets].map((to) => ({ path: lever.path, from, to }));
}

const share = (list: readonly Summary[], test: (s: Summary) => boolean) => list.filter(test).length / list.length;

function pairedMedian(a: readonly Summary[], b: readonly Summary[], key: SummaryKey): number {
  const diffs: number[] = [];
  a.forEach((s, r) => {
    const x = s[key];
    const y = b[r][key];
    if (x !== null && y !== null) diffs.push(y - x);
  });
  return diffs.length ? quantileSorted(Float64Array.from(diffs).sort(), 0.5) : 0;
}

export async function diagnose(
  executor: Executor, base: Scenario, runs: number,
  onProgress?: (done: number, total: number) => void,
): Promise<Diagnosis> {
  // each move validated once: the invalid ones are left out
  const tried = leversFor(base).flatMap((lever) => movesOf(lever, base))
    .flatMap((move) => {
      const parsed = withSettings(base, [[move.path, move.to]]);
      return parsed.ok ? [{ move, scenario: parsed.scenario }] : [];
    });
  const moves = tried.map((t) => t.move);
  const scenarios = [base, ...tried.map((t) => t.scenario)];
  const summaries = await evaluate(executor, scenarios, 0, runs, onProgress);
  return diagnosisFrom(base, moves, summaries);
}

/** The diagnosis from the current strategy's runs (`summaries[0]`) and each move's. */
export function diagnosisFrom(base: Scenario, moves: readonly Move[], summaries: readonly (readonly Summary[])[]): Diagnosis {
  const goals = goalsOf(base);
  const [current, ...moved] = summaries;
  const allBefore = share(current, (s) => meetsAll(goals, s));
  const diagnosed = goals.flatMap((threshold): GoalDiagnosis[] => {
    const metShare = share(current, (s) => meetsGoal(threshold, s[threshold.metric]));
    if (metShare >= RELIABLY_MET) return [];
    const effects = moves.map((move, k): MoveEffect => {
      const after = moved[k];
      const costs = goals.filter((g) => g !== threshold).flatMap((g) => {
        const before = share(current, (s) => meetsGoal(g, s[g.metric]));
        const now = share(after, (s) => meetsGoal(g, s[g.metric]));
        return before - now >= WORTH_SUGGESTING ? [{ metric: g.metric, metShare: [before, now] as const }] : [];
      });
      return {
        move,
        kpiChange: pairedMedian(current, after, threshold.metric),
        metShare: [metShare, share(after, (s) => meetsGoal(threshold, s[threshold.metric]))],
        allGoals: [allBefore, share(after, (s) => meetsAll(goals, s))],
        costs,
      };
    });
    const helpful = effects
      .filter((e) => e.metShare[1] - e.metShare[0] >= WORTH_SUGGESTING)
      // what the move does for this goal and for all goals at once: a move that helps one goal by breaking the others ranks lower
      .sort((a, b) => (b.metShare[1] + b.allGoals[1]) - (a.metShare[1] + a.allGoals[1]) || b.metShare[1] - a.metShare[1]);
    // one move per lever: its best setting
    const perLever = helpful.filter((e, i) => helpful.findIndex((o) => o.move.path === e.move.path) === i);
    const values = current.map((s) => s[threshold.metric]).filter((v): v is number => v !== null).sort((a, b) => a - b);
    return [{ threshold, metShare, median: values.length ? quantileSorted(values, 0.5) : null, moves: perLever.slice(0, 3) }];
  });
  return {
    kind: 'diagnosis',
    scenario: base.name,
    seed: base.seed,
    runs: current.length,
    movesTried: moves.length,
    allGoals: allBefore,
    goals: diagnosed,
    outcome: explainOutcome(base, current),
  };
}


/** "Posting window 14:00–15:00 → 19:00–21:00: topic response +18 pp (goal met in 12 % → 64 % of runs)". */
export function describeMove(effect: MoveEffect, threshold: Threshold, base: Scenario, locale: Locale): string {
  const lever = leverAt(effect.move.path)!;
  const l = langOf(locale);
  const from = describePosition(lever, effect.move.from, base, l);
  const to = describePosition(lever, effect.move.to, base, l);
  const kpi = SUMMARY[threshold.metric][l];
  const change = formatSignedChange(locale, threshold.metric, effect.kpiChange);
  const p = (v: number) => formatPercent(locale, v);
  const costs = effect.costs.map((c) => `${SUMMARY[c.metric][l]} ${p(c.metShare[0])} → ${p(c.metShare[1])}`);
  const worse = effect.allGoals[1] < effect.allGoals[0];
  return l === 'zh'
    ? `${lever.label.zh}：${from} → ${to}：${kpi} ${change} (达标比例 ${p(effect.metShare[0])} → ${p(effect.metShare[1])}；全部目标同时达成 ${p(effect.allGoals[0])} → ${p(effect.allGoals[1])})${costs.length ? `；代价——其他目标的达标比例：${costs.join('，')}` : ''}${worse ? '。⚠ 全部达标的机会反而下降' : ''}`
    : `${lever.label.en}: ${from} → ${to}: ${kpi} ${change} (goal met in ${p(effect.metShare[0])} → ${p(effect.metShare[1])} of runs; every goal at once ${p(effect.allGoals[0])} → ${p(effect.allGoals[1])})${costs.length ? `; but other goals are met less often: ${costs.join(', ')}` : ''}${worse ? '. ⚠ Lowers the chance of meeting every goal' : ''}`;
}

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
    out.push({ en: 'The team posts no content: nothing starts a conversation (§1, §5).', zh: '运营不发布任何内容：没有内容引发讨论 (§1，§5)。' });
  }
  if (base.activation.dmPerAdminPerDay === 0 || base.team.admins === 0) {
    out.push({ en: 'No one DMs silent members, so lurkers are never re-activated (§6).', zh: '没有人私聊沉默成员，潜水者不会被激活 (§6)。' });
  }
  return out;
}
