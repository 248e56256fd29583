/**
 * A diagnosis' remedies in words, in either language: the moves, every goal
 * at once with its interval and n, the focus goal's change, the costs on other
 * goals (with the side of a band they leave), the team hours, the check on
 * fresh runs and any breach of the playbook. The CLI and the browser say the same.
 */
import { SUMMARY } from '../metrics.ts';
import { formatByUnit, formatChance, formatPercent, formatSignedChange, formatSignedPoints, formatSignedPointsRange, langOf, type Locale } from '../format.ts';
import { goalsOf, type Threshold } from '../playbook.ts';
import type { Scenario } from '../scenario.ts';
import { fullWidth } from '../text.ts';
import { wilson } from '../stats.ts';
import { answersSlower, costsOf, gainsOf, goalCheckOf, notesOf, removesAds, settingsOfRemedy, type GoalEffect, type Move, type Remedy } from './remedy.ts';
import { isPlaybookMove } from './diagnosis-moves.ts';
import { describeBreach } from './guardrails.ts';
import { describePosition, isWindowLever, leverAt, WINDOW_HOURS_PATH, WINDOW_PATH, windowAfter, type Setting } from './levers.ts';

/** "Posting window 14:00–15:00 → 19:00–21:00" (and a second move joined with "+"). */
export function describeMoves(r: Remedy, base: Scenario, locale: Locale): string {
  return moveList(r, base, locale).join(langOf(locale) === 'zh' ? ' ＋ ' : ' + ');
}

/**
 * A search's changed settings in words, as moves from the current strategy (each lever's `current`): the
 * window's start and length read as one window ("14:00–15:00 → 19:00–21:00"). The goal seek's view and CLI.
 */
export function changeLines(levers: readonly { readonly path: string; readonly current: number }[], settings: readonly Setting[], base: Scenario, locale: Locale): string[] {
  return moveList({ moves: settings.map(([path, to]) => ({ path, from: levers.find((l) => l.path === path)!.current, to })) }, base, locale);
}

const LET_MEMBERS_ANSWER = { en: ' (let members answer each other first; the team steps in after)', zh: '（先让群友互相解答，团队随后补位）' } as const;

/** Each move of a remedy in words (the window's start and length as one). */
function moveList(r: { readonly moves: readonly Move[] }, base: Scenario, locale: Locale): string[] {
  const l = langOf(locale);
  const colon = l === 'zh' ? '：' : ': ';
  const hours = (w: readonly number[]) => `${w[0]}:00–${w[1]}:00`;
  // the window's start and length moved together read as one window: "14:00–15:00 → 19:00–21:00"
  const windowMoves = r.moves.filter((m) => isWindowLever(m.path));
  const together = windowMoves.length === 2;
  // the playbook strategy (many levers at the playbook's settings) is named first, so its long list reads as one plan
  const many = r.moves.length >= 4 && isPlaybookMove(r.moves, base);
  const title = many ? [l === 'zh' ? `按手册做（${r.moves.length - (together ? 1 : 0)} 项调整）：` : `Follow the playbook (${r.moves.length - (together ? 1 : 0)} changes):`] : [];
  return [...title, ...r.moves.flatMap((m) => {
    if (together && m.path === WINDOW_HOURS_PATH) return [];
    const lever = leverAt(m.path)!;
    if (together && isWindowLever(m.path)) return [`${lever.label[l]}${colon}${hours(windowAfter([], base))} → ${hours(windowAfter(windowMoves.map((w): Setting => [w.path, w.to]), base))}`];
    // a slower answer in a community is advice only with its reason: the team steps back so members answer each other first
    const why = m.path === 'team.replyMinutes' && m.to > m.from && base.group.positioning !== 'customer_service' ? LET_MEMBERS_ANSWER[l] : '';
    return [`${lever.label[l]}${colon}${describePosition(lever, m.from, base, l)} → ${describePosition(lever, m.to, base, l)}${why}`];
  })];
}

/**
 * Settings as a strategy reads them — "Posting window 19:00–21:00", "DMs per admin per day 4" — the window's start
 * and length as one window (never "19:00–20:00; length 2 hours"); `colon` puts "：" or ": " between label and value.
 */
export function describeSettings(settings: readonly Setting[], base: Scenario, locale: Locale, colon = false): string[] {
  const l = langOf(locale);
  const between = colon ? (l === 'zh' ? '：' : ': ') : ' ';
  const window = settings.some(([path]) => isWindowLever(path)) ? windowAfter(settings.filter(([path]) => isWindowLever(path)), base) : null;
  return [
    ...(window ? [`${leverAt(WINDOW_PATH)!.label[l]}${between}${window[0]}:00–${window[1]}:00`] : []),
    ...settings.filter(([path]) => !isWindowLever(path)).map(([path, v]) => `${leverAt(path)!.label[l]}${between}${describePosition(leverAt(path)!, v, base, l)}`),
  ];
}

/** The move's effect on one goal: "Weekly participation +4.1 pp (goal met in 55 % → 70 % of runs)". */
function focusEffect(r: Remedy, locale: Locale, focus: Threshold): string {
  const l = langOf(locale);
  const p = (v: number) => formatPercent(locale, v);
  const e = r.goals.find((g) => g.metric === focus.metric)!;
  const kpi = SUMMARY[focus.metric][l];
  const change = formatSignedChange(locale, focus.metric, e.kpiChange);
  return l === 'zh' ? `${kpi} ${change} (达标比例 ${p(e.metShare[0])} → ${p(e.metShare[1])}，90% 区间 ${afterRange(e, r.runs)})`
    : `${kpi} ${change} (goal met in ${p(e.metShare[0])} → ${p(e.metShare[1])} of runs, 90% interval ${afterRange(e, r.runs)})`;
}

/** The 90 % interval of a goal's chance after a move: "52–76%" — every chance shown with its uncertainty (its runs are the remedy's). */
function afterRange(e: GoalEffect, runs: number): string {
  const [lo, hi] = wilson(Math.round(e.metShare[1] * runs), runs);
  return `${Math.round(lo * 100)}–${Math.round(hi * 100)}%`;
}


/**
 * A move listed under a missed goal that is also remedy n of the list above:
 * its effect on that goal and which remedy it is. The full text (every goal,
 * costs, the check on fresh runs) stands once, with the remedy.
 */
export function describeRemedyAgain(r: Remedy, base: Scenario, locale: Locale, focus: Threshold, remedyNumber: number): string {
  const l = langOf(locale);
  const text = l === 'zh'
    ? `${describeMoves(r, base, locale)}：${focusEffect(r, locale, focus)}——即上方第 ${remedyNumber} 条建议`
    : `${describeMoves(r, base, locale)}: ${focusEffect(r, locale, focus)} — remedy ${remedyNumber} above`;
  return l === 'zh' ? fullWidth(text) : text;
}

/**
 * A move listed under a missed goal: named with its effect on that goal when it
 * is one of the remedies listed above, in full otherwise (the CLI and the
 * browser list them alike).
 */
export function describeGoalMove(r: Remedy, remedies: readonly Remedy[], base: Scenario, locale: Locale, focus: Threshold): string {
  const n = indexAmong(r, remedies);
  return n >= 0 ? describeRemedyAgain(r, base, locale, focus, n + 1) : describeRemedy(r, base, locale, focus);
}

/**
 * A remedy in words: the moves, every goal at once (with its interval and n),
 * the focus goal's change, the costs on other goals and any breach of the playbook.
 */
export function describeRemedy(r: Remedy, base: Scenario, locale: Locale, focus?: Threshold): string {
  const l = langOf(locale);
  const p = (v: number) => formatPercent(locale, v);
  const moves = describeMoves(r, base, locale);
  const all = l === 'zh'
    ? `全部目标同时达成 ${p(r.allGoals[0])} → ${formatChance(locale, r.allGoals[1], r.runs)}`
    : `every goal at once ${p(r.allGoals[0])} → ${formatChance(locale, r.allGoals[1], r.runs)}`;
  const focusText = focus ? `${focusEffect(r, locale, focus)}${l === 'zh' ? '；' : '; '}` : '';
  const goalList = goalsOf(base);
  const goals = new Map(goalList.map((g) => [g.metric, g]));
  const costs = costsOf(r, goalList, focus?.metric).map((c) => {
    const g = goals.get(c.metric)!;
    const unit = SUMMARY[c.metric].unit === 'perDay' ? (l === 'zh' ? ' 条/天' : ' a day') : '';
    // a band (5–15 messages a day) left below: say which side
    const side = g.direction !== 'between' || c.kpiChange === 0 ? '' : c.kpiChange < 0 && removesAds(r) ? (l === 'zh' ? `，${adsWereTheActivity(g.value).zh}` : `: ${adsWereTheActivity(g.value).en}`)
      : (l === 'zh' ? `，更常低于 ${g.value}` : `: below ${g.value} more often`);
    return `${SUMMARY[c.metric][l]} ${p(c.metShare[0])} → ${p(c.metShare[1])} (${formatSignedChange(locale, c.metric, c.kpiChange)}${unit}${side})`;
  });
  const notes = notesOf(r, goalList, focus?.metric).map((n) => busierText(n, goals.get(n.metric)!, locale));
  const noteText = notes.length ? (l === 'zh' ? `；注意：${notes.join('，')}` : `; note: ${notes.join(', ')}`) : '';
  const slower = remedySlower(r, costsOf(r, goalList, focus?.metric).map((c) => c.metric), locale);
  const costText = (costs.length ? (l === 'zh' ? `；代价——其他目标的达标比例：${costs.join('，')}` : `; costs on other goals (met in): ${costs.join(', ')}`) : '')
    + (slower ? (l === 'zh' ? `；代价：${slower}` : `; cost: ${slower}`) : '');
  const worse = r.allGoals[1] < r.allGoals[0] ? (l === 'zh' ? '。⚠ 全部达标的机会反而下降' : '. ⚠ Lowers the chance of meeting every goal') : '';
  const lowers = r.check !== undefined && r.check.interval[1] < 0;
  const checkText = r.check ? (r.check.confirmed || lowers
    ? (lowers ? (l === 'zh' ? `；新模拟上全部达标的机会下降 (配对差异 ${formatSignedPoints(locale, r.check.difference)}，90% 区间 ${formatSignedPointsRange(locale, r.check.interval[0], r.check.interval[1])})` : `; on fresh runs every goal at once is met less often (paired difference ${formatSignedPoints(locale, r.check.difference)}, 90 % interval ${formatSignedPointsRange(locale, r.check.interval[0], r.check.interval[1])})`) : l === 'zh' ? `；在 ${r.runs} 次新模拟上得到确认 (配对差异 ${formatSignedPoints(locale, r.check.difference)}，90% 区间 ${formatSignedPointsRange(locale, r.check.interval[0], r.check.interval[1])})` : `; confirmed on ${r.runs} fresh runs (paired difference ${formatSignedPoints(locale, r.check.difference)}, 90 % interval ${formatSignedPointsRange(locale, r.check.interval[0], r.check.interval[1])})`)
    : (l === 'zh' ? `。⚠ 新模拟上未能确认 (配对差异 ${formatSignedPoints(locale, r.check.difference)}，90% 区间 ${formatSignedPointsRange(locale, r.check.interval[0], r.check.interval[1])}，含 0)：可能只是噪声` : `. ⚠ Not confirmed on fresh runs (paired difference ${formatSignedPoints(locale, r.check.difference)}, 90 % interval ${formatSignedPointsRange(locale, r.check.interval[0], r.check.interval[1])} includes 0): it may be noise`)) : '';
  const against = r.breaches.length ? (l === 'zh' ? '。⚠ ' : '. ⚠ ') + r.breaches.map((b) => describeBreach(b, l)).join(l === 'zh' ? '；' : '; ') : '';
  // what it costs the team, when it changes by half an hour a week or more
  const hours = Math.abs(r.hours[1] - r.hours[0]) >= 0.5
    ? (l === 'zh' ? `；每周运营工时 ${formatByUnit(locale, 'hours', r.hours[0])} → ${formatByUnit(locale, 'hours', r.hours[1])}` : `; team hours ${formatByUnit(locale, 'hours', r.hours[0])} → ${formatByUnit(locale, 'hours', r.hours[1])} a week`) : '';
  const text = `${moves}${l === 'zh' ? '：' : ': '}${focusText}${all}${hours}${costText}${noteText}${checkText}${worse}${against}`;
  // Chinese is typeset with full-width brackets and colons
  return l === 'zh' ? fullWidth(text) : text;
}

/**
 * Slower answers as a cost, in the lab's own measure (the median over runs of
 * each run's median first answer): "Questions wait longer: median first answer
 * 12 min → 31 min". Null when answers are not slower by enough to say
 * (`answersSlower`), or when the answer time is itself a goal whose cost is
 * already listed (a customer-service group). No playbook number is implied:
 * the playbook sets < 15 minutes for customer service only.
 */
export function slowerAnswersText(wait: readonly [number, number] | null | undefined, locale: Locale): string | null {
  if (!answersSlower(wait)) return null;
  const m = (v: number) => formatByUnit(locale, 'minutes', v);
  return langOf(locale) === 'zh'
    ? `提问等待更久：首次响应时效中位数 ${m(wait[0])} → ${m(wait[1])}`
    : `Questions wait longer: median first answer ${m(wait[0])} → ${m(wait[1])}`;
}

/** A goal whose share of runs falls by this much or more is a cost of a goal seek's strategy (as a remedy's, diagnose.ts). */
export const SEEK_COST_POINTS = 0.05;

/**
 * What a goal seek's strategy costs, on the fresh runs it was checked on (`HeldOutCheck` of goal-seek.ts):
 * each goal met less often by 5 points or more ("Core active users met in 68% → 60% of runs"), slower
 * answers (unless the answer time is such a goal), and team hours up by half an hour a week or more.
 */
export function seekCostsText(c: {
  readonly goals: readonly { readonly threshold: Threshold; readonly metShare: readonly [number, number]; readonly difference?: { readonly median: number } | null }[];
  readonly answerMinutes?: readonly [number, number] | null;
  readonly start: { readonly medianCost: number };
  readonly best: { readonly medianCost: number };
}, locale: Locale): string[] {
  const l = langOf(locale);
  const p = (v: number) => formatPercent(locale, v);
  // a band goal left on its upper side (busier than 5–15 messages a day) is not a cost: a lively group (as in the diagnosis' notes)
  const busier = (g: (typeof c.goals)[number]) => g.threshold.direction === 'between' && (g.difference?.median ?? 0) > 0;
  const lower = c.goals.filter((g) => g.metShare[0] - g.metShare[1] >= SEEK_COST_POINTS - 1e-9 && !busier(g));
  const goals = lower.map((g) => (l === 'zh'
    ? `${SUMMARY[g.threshold.metric].zh}达标比例 ${p(g.metShare[0])} → ${p(g.metShare[1])}`
    : `${SUMMARY[g.threshold.metric].en} met in ${p(g.metShare[0])} → ${p(g.metShare[1])} of runs`));
  const slower = lower.some((g) => g.threshold.metric === 'firstAnswerMinutesMedian') ? null : slowerAnswersText(c.answerMinutes, locale);
  const hours = (v: number) => formatByUnit(locale, 'hours', v);
  const more = c.best.medianCost - c.start.medianCost >= 0.5
    ? [l === 'zh' ? `每周运营工时 ${hours(c.start.medianCost)} → ${hours(c.best.medianCost)}` : `Team hours ${hours(c.start.medianCost)} → ${hours(c.best.medianCost)} a week`] : [];
  return [...goals, ...(slower ? [slower] : []), ...more];
}

/** A remedy's slower answers, unless the answer time is a goal already listed among its costs. */
function remedySlower(r: Remedy, costMetrics: readonly string[], locale: Locale): string | null {
  return costMetrics.includes('firstAnswerMinutesMedian') ? null : slowerAnswersText(r.answerMinutes, locale);
}

/**
 * Daily messages below the band after the ads are removed: not a plain price
 * but the group's own level showing (§5: over-marketing inflates activity
 * falsely). The goal counts every message, ads too, so the cost stays listed.
 */
export const adsWereTheActivity = (low: number): { en: string; zh: string } => ({
  en: `the ads were the activity: without them the group's own talk is below ${low} a day more often (§5: over-marketing inflates activity falsely)`,
  zh: `原来的活跃来自广告：去掉广告后，群里自己的发言更常低于每天 ${low} 条（§5：过度营销会虚增活跃度）`,
});

/**
 * A band goal left on its upper side, as a note: "Daily messages: busier than
 * the playbook's 5–15 a day (within it in 90% → 73% of runs)". More than 15
 * messages a day reads as a lively group, not harm; the band still counts
 * against every goal at once.
 */
function busierText(n: GoalEffect, g: Threshold, locale: Locale): string {
  const l = langOf(locale);
  const p = (v: number) => formatPercent(locale, v);
  const perDay = SUMMARY[n.metric].unit === 'perDay';
  return l === 'zh'
    ? `${SUMMARY[n.metric].zh}比手册的${perDay ? '每天 ' : ''}${g.value}–${g.upper}${perDay ? ' 条' : ''}更热闹（在此范围内 ${p(n.metShare[0])} → ${p(n.metShare[1])}）`
    : `${SUMMARY[n.metric].en}: busier than the playbook's ${g.value}–${g.upper}${perDay ? ' a day' : ''} (within it in ${p(n.metShare[0])} → ${p(n.metShare[1])} of runs)`;
}

/** The diagnosis' lists' headings and what is said when nothing is confirmed (the CLI and the browser say the same). */
export const DIAGNOSIS_TEXT = {
  remedies: { en: 'What to change, best first (confirmed on fresh runs; moves against the playbook rank lower)', zh: '建议调整，按效果排序（已在新模拟上确认；违背手册的调整排在后面）' },
  nothingReliable: { en: 'Nothing reliable to change found: no move or pair tried is confirmed on fresh runs.', zh: '未找到可靠的调整：所试的调整在新模拟上都没有得到确认。' },
  unconfirmed: { en: 'Not confirmed on fresh runs — may be noise (not advised; moves against the playbook are not listed here)', zh: '新模拟上未能确认——可能只是噪声（不建议采用；违背手册的调整不列在这里）' },
  nothingReliableGoal: { en: 'No move tried is confirmed for this goal on fresh runs.', zh: '所试的调整中，没有一项在新模拟上被确认对本目标有效。' },
  unconfirmedGoal: { en: 'Not confirmed for this goal on fresh runs — may be noise (not advised; moves against the playbook are not listed here)', zh: '新模拟上未能确认对本目标有效——可能只是噪声（不建议采用；违背手册的调整不列在这里）' },
  otherGoalMoves: { en: 'Other moves for this goal', zh: '针对这个目标的其他调整' },
} as const;

/** The remedies table's columns, in order (the browser's headers and the CLI's). */
export const REMEDY_COLUMNS = {
  rank: { en: '#', zh: '#' },
  move: { en: 'Move (from → to)', zh: '调整（原 → 新）' },
  focus: { en: 'This goal', zh: '本目标' },
  chance: { en: 'Every goal at once (90% interval)', zh: '全部目标同时达成（90% 区间）' },
  effects: { en: 'Goals met more often', zh: '更常达成的目标' },
  costs: { en: 'Costs', zh: '代价' },
  notes: { en: 'Notes', zh: '备注' },
  playbook: { en: 'Playbook', zh: '手册' },
  check: { en: 'Fresh runs (every goal at once)', zh: '新模拟验证（全部目标同时达成）' },
  /** Under a missed goal: the check is on that goal. */
  checkGoal: { en: 'Fresh runs (this goal)', zh: '新模拟验证（本目标）' },
  above: { en: 'In the table above', zh: '见上表' },
} as const;

/** Under a missed goal: a move that is remedy n of the table above is named by its number (its figures stand there). */
export const remedyAboveText = (n: number, locale: Locale): string => (langOf(locale) === 'zh' ? `第 ${n} 条建议` : `remedy ${n}`);

/** The index of a remedy among those listed (the same moves), or −1. */
export function indexAmong(r: Remedy, remedies: readonly Remedy[]): number {
  const key = JSON.stringify(settingsOfRemedy(r));
  return remedies.findIndex((x) => JSON.stringify(settingsOfRemedy(x)) === key);
}

export type RemedyColumn = keyof typeof REMEDY_COLUMNS;

/** One remedy as the table's cells, in one language: lists are one item a line. */
export interface RemedyCells {
  readonly move: readonly string[];
  /** The effect on the goal a section is about (under a missed goal only). */
  readonly focus?: string;
  /** "0% → 28%" and "20–39%, 60 runs". */
  readonly chance: readonly [change: string, interval: string];
  readonly lowersChance: boolean;
  readonly effects: readonly string[];
  readonly costs: readonly string[];
  readonly notes: readonly string[];
  readonly playbook: { readonly within: boolean; readonly text: string; readonly short: string };
  readonly check: { readonly state: 'confirmed' | 'unconfirmed' | 'lowers' | 'unchecked'; readonly text: string; readonly short: string };
}

/** A remedy's cells for the table (the browser's and the CLI's). */
export function remedyCells(r: Remedy, base: Scenario, locale: Locale, focus?: Threshold): RemedyCells {
  const l = langOf(locale);
  const zh = l === 'zh';
  const p = (v: number) => formatPercent(locale, v);
  const typeset = (text: string) => (zh ? fullWidth(text) : text);
  const goalList = goalsOf(base);
  const goals = new Map(goalList.map((g) => [g.metric, g]));
  const share = (e: GoalEffect) => `${SUMMARY[e.metric][l]} ${p(e.metShare[0])} → ${p(e.metShare[1])} (${afterRange(e, r.runs)})`;
  const hours = (v: number) => formatByUnit(locale, 'hours', v);
  const hoursText = typeset(zh ? `每周运营工时 ${hours(r.hours[0])} → ${hours(r.hours[1])}` : `Team hours ${hours(r.hours[0])} → ${hours(r.hours[1])} a week`);
  const hoursMove = r.hours[1] - r.hours[0];
  const costs = costsOf(r, goalList, focus?.metric).map((c) => {
    const g = goals.get(c.metric)!;
    // the ads removed were the activity: the group's own talk shows (§5), said so rather than as a plain price
    const below = g.direction === 'between' && c.kpiChange < 0 ? (removesAds(r) ? (zh ? `（${adsWereTheActivity(g.value).zh}）` : ` (${adsWereTheActivity(g.value).en})`)
      : zh ? `（更常低于 ${g.value}）` : ` (below ${g.value} more often)`) : '';
    return `${share(c)}${below}`;
  });
  // under a missed goal the check is on that goal, above on every goal at once (a result saved before goals were checked one by one: every goal at once); said so;
  // no run changed is said in words, not "±0 to ±0"
  const onGoal = focus ? goalCheckOf(r, focus.metric) : undefined;
  const check = onGoal ?? r.check;
  const unchanged = check !== undefined && check.interval[0] === 0 && check.interval[1] === 0;
  const interval = check ? formatSignedPointsRange(locale, check.interval[0], check.interval[1]) : '';
  const difference = check ? formatSignedPoints(locale, check.difference) : '';
  const what = onGoal ? (zh ? '本目标' : 'this goal') : zh ? '全部目标同时达成' : 'every goal at once';
  const checkCell: RemedyCells['check'] = !check
    ? { state: 'unchecked', text: zh ? '未验证' : 'not checked', short: '—' }
    : unchanged
      ? { state: 'unconfirmed', text: typeset(zh ? `⚠ 未能确认：新模拟上${what}的结果一次也没有改变` : `⚠ not confirmed: on fresh runs, ${what} changed in no run`), short: zh ? '⚠ 未确认' : '⚠ not confirmed' }
      : check.confirmed
        ? { state: 'confirmed', text: typeset(zh ? `✓ 已确认（${what}）：${difference}（90% 区间 ${interval}）` : `✓ confirmed (${what}): ${difference} (90% interval ${interval})`), short: `✓ ${difference}` }
        : check.interval[1] < 0
          ? { state: 'lowers', text: typeset(zh ? `⚠ 反而下降（${what}）：${difference}（90% 区间 ${interval}）` : `⚠ lower (${what}): ${difference} (90% interval ${interval})`), short: `⚠ ${difference}` }
          : { state: 'unconfirmed', text: typeset(zh ? `⚠ 未能确认（${what}）：${difference}（90% 区间 ${interval}，含 0），可能只是噪声` : `⚠ not confirmed (${what}): ${difference} (90% interval ${interval} includes 0), may be noise`), short: zh ? '⚠ 未确认' : '⚠ not confirmed' };
  return {
    move: moveList(r, base, locale),
    ...(focus ? { focus: typeset(focusEffect(r, locale, focus)) } : {}),
    chance: [`${p(r.allGoals[0])} → ${p(r.allGoals[1])}`, zh ? `${formatChance(locale, r.allGoals[1], r.runs, 'interval')}，${r.runs} 次模拟` : `${formatChance(locale, r.allGoals[1], r.runs, 'interval')}, ${r.runs} runs`],
    lowersChance: r.allGoals[1] < r.allGoals[0],
    effects: gainsOf(r, focus?.metric).map(share),
    costs: [...costs, ...[remedySlower(r, costsOf(r, goalList, focus?.metric).map((c) => c.metric), locale)].flatMap((x) => (x ? [typeset(x)] : [])), ...(hoursMove >= 0.5 ? [hoursText] : [])],
    // fewer team hours is welcome but not a goal: a note, not a goal met more often
    notes: [...notesOf(r, goalList, focus?.metric).map((n) => busierText(n, goals.get(n.metric)!, locale)), ...(hoursMove <= -0.5 ? [hoursText] : [])],
    playbook: r.breaches.length
      ? { within: false, text: typeset(`⚠ ${r.breaches.map((b) => describeBreach(b, l)).join(zh ? '；' : '; ')}`), short: `⚠ ${[...new Set(r.breaches.map((b) => b.source))].join(zh ? '、' : ', ')}` }
      : { within: true, text: zh ? '✓ 符合手册' : '✓ within the playbook', short: zh ? '✓ 符合' : '✓ within' },
    check: checkCell,
  };
}
