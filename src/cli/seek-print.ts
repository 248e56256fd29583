/**
 * A goal seek's recommendation for the terminal, with its check on fresh runs
 * and the verdict, and the hours–chance frontier, in English or Chinese.
 */
import { SUMMARY } from '../model/metrics.ts';
import { describeThreshold } from '../model/playbook.ts';
import { formatByUnit, formatDifferenceInterval, formatPercent, formatSignedPoints, formatSignedPointsBare, langOf, type Locale } from '../model/format.ts';
import { describeBreach, heldBreaches } from '../model/planning/guardrails.ts';
import type { Scenario } from '../model/scenario.ts';
import { describePosition, leverAt, positionOf } from '../model/planning/levers.ts';
import { changeLines, describeSettings, seekCostsText, slowerAnswersText } from '../model/planning/diagnosis-text.ts';
import { WEAK_CHANCE, type GoalSeekResult } from '../model/planning/goal-seek.ts';
import type { FrontierPoint, FrontierResult } from '../model/planning/frontier.ts';
import { PLAN_MESSAGES } from '../i18n/messages-plan.ts';
import { plain } from './io.ts';
import { scenarioText } from '../model/text.ts';
import { print } from './terminal.ts';
import { heldByPlaybookText } from '../i18n/seek-text.ts';
import { displayWidth, multiLineTable, ofName, pct, printWrapped, table, terminalColumns } from './plan-print.ts';

const pctEn = pct;

const signedPoints = (v: number) => formatSignedPoints('en', v);

const VERDICT = {
  improves: { en: 'verdict: the fresh runs confirm the gain.', zh: '结论：新模拟证实了改进。' },
  unclear: { en: 'verdict: a gain the fresh runs do not confirm (the interval includes 0); try more runs (--runs) before changing course.', zh: '结论：新模拟未能证实这一改进（区间包含 0）；改变做法之前可加跑模拟（--runs）。' },
  closer: { en: 'verdict: no run meets every goal either way, but the goals are missed by less on fresh runs.', zh: '结论：两者都没有任何一次模拟同时达成全部目标，但新模拟中离目标更近。' },
  noGain: { en: 'verdict: NO GAIN on fresh runs — keep the current strategy; the search\'s gain was noise or the constraint fails.', zh: '结论：新模拟中没有改进——请保持当前策略；搜索中的改进只是随机波动，或不满足约束。' },
} as const;

/** A message of the Plan view (messages-plan.ts) in the CLI's language, its {placeholders} filled. */
function planText(key: keyof typeof PLAN_MESSAGES, locale: Locale, vars: Record<string, string | number> = {}): string {
  const text: string = PLAN_MESSAGES[key][langOf(locale)];
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

export function printGoalSeek(result: GoalSeekResult, scenario: Scenario, seconds: number, locale: Locale = 'en'): void {
  const zh = langOf(locale) === 'zh';
  // Chinese percentages without a space ("35%")
  const pct = (v: number) => (zh ? formatPercent(locale, v) : pctEn(v));
  const l = langOf(locale);
  const sep = zh ? '；' : '; ';
  const h = (v: number) => (zh ? `${v.toFixed(1)} 小时` : `${v.toFixed(1)} h`);
  const goal = result.objective.kind === 'maxGoals'
    ? (zh ? `全部目标达成比例最高，且每周运营工时 ≤ ${result.objective.budget} 小时` : `maximise the share of runs meeting every goal, team hours ≤ ${result.objective.budget} a week`)
    : (zh ? `每周运营工时最少，且全部目标达成比例 ≥ ${pct(result.objective.minChance)}` : `fewest team hours a week with every goal met in ≥ ${pct(result.objective.minChance)} of runs`);
  print(zh
    ? `${ofName(scenarioText(scenario, 'zh').name)}目标寻优：${goal}\n${result.levers.length} 个策略项，${result.evaluations} 次模拟，用时 ${seconds.toFixed(1)} 秒\n`
    : `goal seek on ${plain(result.scenario)}: ${goal}\n${result.levers.length} levers, ${result.evaluations} runs in ${seconds.toFixed(1)} s\n`);
  if (result.withinPlaybook) print(zh ? '遵循手册：每个策略项限定在手册给出的设置或范围内（--outside-playbook 取消此限制）\n' : 'within the playbook: each lever within its § setting or range (--outside-playbook lifts this)\n');
  const lever = (path: string) => leverAt(path)!;
  const moveLines = (settings: GoalSeekResult['start']['settings']) => changeLines(result.levers, settings, scenario, locale).map((line) => `  ${line}`);
  if (!result.best) {
    print(zh
      ? `尝试过的策略都不满足约束（当前策略：全部达标比例 ${pct(result.start.assessment.chance)}，每周运营工时 ${h(result.start.assessment.medianCost)}）。`
      : `no strategy tried meets the constraint (the current one: ${pct(result.start.assessment.chance)} of runs meet every goal, ${result.start.assessment.medianCost.toFixed(1)} team hours a week).`);
    const cheap = result.cheapest;
    if (cheap) {
      print(zh
        ? `${result.withinPlaybook ? '符合手册的' : '尝试过的'}最省策略每周需要运营工时 ${h(cheap.assessment.medianCost)}，全部达标比例 ${pct(cheap.assessment.chance)}：`
        : `the cheapest strategy tried${result.withinPlaybook ? ' that keeps to the playbook' : ''} needs ${cheap.assessment.medianCost.toFixed(1)} team hours a week and meets every goal in ${pct(cheap.assessment.chance)} of runs:`);
      for (const line of moveLines(cheap.settings.filter(([, v], i) => v !== result.levers[i].current))) print(line);
      const cc = result.cheapestCheck;
      // its figures on fresh runs (the search's are flattered: it picked among many on the same runs)
      if (cc) {
        print(zh
          ? `  用 ${cc.runs} 次新模拟复核：全部达标比例 ${pct(cc.start.chance)}（当前） → ${pct(cc.best.chance)}；配对差值 ${formatSignedPoints(locale, cc.chanceDifference.mean)}（${formatSignedPointsBare(locale, cc.chanceDifference.interval[0])} … ${formatSignedPointsBare(locale, cc.chanceDifference.interval[1])}）；每周运营工时 ${h(cc.best.medianCost)}`
          : `  checked on ${cc.runs} fresh runs: every goal met in ${pct(cc.start.chance)} (yours) → ${pct(cc.best.chance)}; paired difference ${signedPoints(cc.chanceDifference.mean)} (${signedPoints(cc.chanceDifference.interval[0])} … ${signedPoints(cc.chanceDifference.interval[1])}); team hours ${cc.best.medianCost.toFixed(1)} a week`);
      }
      const costs = cc ? seekCostsText(cc, locale) : [];
      if (costs.length) print(`  ⚠ ${planText('seekCheapestCosts', locale, { cost: costs.join(sep) })}`);
    }
    if (result.withinPlaybook && result.objective.kind === 'maxGoals') {
      const budget = result.objective.budget;
      const floor = cheap ? cheap.assessment.medianCost.toFixed(1) : null;
      const team = cheap ? heldByPlaybookText(result, cheap.settings, scenario, locale) : planText('seekHeldTeam', locale, { n: scenario.team.admins });
      print(zh
        ? `在手册范围内，尝试过的策略都无法在每周 ${budget} 小时内完成：工时花在手册规定的事项上（${team}）。请把预算提高${floor ? `到至少 ${floor} 小时` : ''}，或用 --outside-playbook 查看偏离手册的代价。`
        : `within the playbook no strategy tried fits ${budget} team hours a week: the hours go to what the playbook holds (${team}). Raise the budget${floor ? ` to at least ${floor} h` : ''}, or see with --outside-playbook what leaving the playbook would cost.`);
    }
    return;
  }
  const changes = result.best.settings.filter(([path, v], i) => v !== result.levers[i].current || path !== result.levers[i].path);
  // the figures to trust: the fresh runs that picked nothing (results saved before them: the check's)
  const c = result.confirm ?? result.check;
  const trusted = c !== null && c.verdict === 'improves';
  // verdict first: only a confirmed gain is recommended; otherwise keep the strategy, and the best candidate is a lead
  if (changes.length && !trusted) {
    print(planText('seekKeepVerdict', locale));
    print(planText('seekLead', locale));
  } else print(zh ? '推荐的调整' : 'recommended changes');
  if (!changes.length) print(zh ? '  无：当前策略就是找到的最优策略' : '  none: the current strategy is the best found');
  for (const line of moveLines(changes)) print(line);
  for (const b of result.best.breaches) print(`  ⚠ ${lever(b.path).label[l]}${zh ? '：违背手册（' : ': against the playbook ('}${b.source}${zh ? '：' : ': '}${b.reason[l]}${zh ? '）' : ')'}`);
  // what it costs the members: goals met less often, slower answers, more hours (on the fresh runs that picked nothing)
  const costs = changes.length && c ? seekCostsText(c, locale) : [];
  if (costs.length) print(`  ⚠ ${planText('seekCost', locale, { cost: costs.join(sep) })}`);
  // a weak best (the goals still missed in most runs), and the levers held as they are that leave the playbook: what may cap it
  if (c && c.best.chance < WEAK_CHANCE) printWrapped(`  ⚠ ${planText('seekWeak', locale, { share: pct(c.best.chance) })}`);
  const held = heldBreaches(result.levers.map((x) => x.path), scenario);
  if (held.length) {
    printWrapped(`  ⚠ ${planText('seekHeldAgainstCli', locale)}`);
    for (const b of held) print(`    ${lever(b.path).label[l]}${zh ? '：' : ': '}${describePosition(lever(b.path), positionOf(lever(b.path), scenario), scenario, l)}${zh ? '——' : ' — '}${describeBreach(b, l)}`);
  }
  const a = result.best.assessment;
  const s = result.start.assessment;
  print(zh
    ? `\n搜索中（最优策略 ${a.runs} 次模拟，当前策略 ${s.runs} 次）：全部达标比例 ${pct(s.chance)} → ${pct(a.chance)}；每周运营工时 ${h(s.medianCost)} → ${h(a.medianCost)}`
    : `\nin the search (the best on ${a.runs} runs, the current on ${s.runs}): every goal met in ${pct(s.chance)} → ${pct(a.chance)} of runs; team hours ${s.medianCost.toFixed(1)} → ${a.medianCost.toFixed(1)} a week`);
  print(planText(result.separated ? 'seekSeparated' : 'seekNotSeparated', locale, { runs: result.leaderRuns }));
  if (c) {
    const points = (v: number) => formatSignedPoints(locale, v);
    print(zh
      ? `用 ${c.runs} 次新模拟复核（模拟编号从 ${c.firstRun} 起）：全部达标比例 ${pct(c.start.chance)}（90% 区间 ${pct(c.start.interval[0])}–${pct(c.start.interval[1])}） → ${pct(c.best.chance)}（${pct(c.best.interval[0])}–${pct(c.best.interval[1])}）；配对差值 ${points(c.chanceDifference.mean)}（${formatSignedPointsBare(locale, c.chanceDifference.interval[0])} … ${formatSignedPointsBare(locale, c.chanceDifference.interval[1])}）；每周运营工时 ${h(c.best.medianCost)}${c.withinBudget === false ? '——新模拟上超出预算' : ''}`
      : `checked on ${c.runs} fresh runs (run indices from ${c.firstRun}): every goal met in ${pct(c.start.chance)} (90 %: ${pct(c.start.interval[0])}–${pct(c.start.interval[1])}) → ${pct(c.best.chance)} (${pct(c.best.interval[0])}–${pct(c.best.interval[1])}); paired difference ${signedPoints(c.chanceDifference.mean)} (${signedPoints(c.chanceDifference.interval[0])} … ${signedPoints(c.chanceDifference.interval[1])}); team hours ${c.best.medianCost.toFixed(1)} a week${c.withinBudget === false ? ' — OVER the budget on fresh runs' : ''}`);
    print(table([zh ? ['目标', `当前 → ${trusted ? '推荐' : '线索'}（达标比例）`, '指标变化（中位数，p5 … p95）'] : ['goal', `current → ${trusted ? 'recommended' : 'lead'} (share of runs meeting it)`, 'KPI change (median, p5 … p95)'], ...c.goals.map((g) => [
      `${SUMMARY[g.threshold.metric][l]} ${describeThreshold(g.threshold, locale)}`, `${pct(g.metShare[0])} → ${pct(g.metShare[1])}`,
      g.difference ? formatDifferenceInterval(locale, g.threshold.metric, g.difference) : '—'])]));
    const picked = result.check;
    if (result.weighed > 1 && picked) {
      if (zh) {
        print(result.confirm
          ? planText('seekPicked', locale, { n: result.weighed, runs: picked.runs, to: pct(picked.best.chance) })
          : `在这批新模拟上从 ${result.weighed} 个策略（搜索的领先者、工时—达标曲线上的点和当前策略）中选出。`);
      } else {
        const none = result.objective.kind === 'maxGoals' ? 'none of them within the budget meets every goal more often' : `none of them reaches ${pct(result.objective.minChance)} with fewer team hours`;
        const where = result.confirm
          ? `on ${picked.runs} other fresh runs (run indices from ${picked.firstRun}, the frontier's), where it reached ${pct(picked.best.chance)} — as the best of several, a little flattered; the check above ran on runs that picked nothing`
          : 'on these fresh runs';
        print(`chosen ${where}, among ${result.weighed} strategies (the search's leaders, the hours–chance frontier's points and the current one): ${none} there`);
      }
    }
    print(`\n${VERDICT[c.verdict][l]}`);
  }
  if (result.runnersUp.length) {
    print(zh ? '\n备选策略（模拟次数比最优策略少的备选策略可能因偶然而显示更高的比例：它的区间更宽）' : '\nrunners-up (a runner-up on fewer runs than the best can show a higher share by chance: its interval is wider)');
    for (const r of result.runnersUp) {
      const moved = describeSettings(r.settings.filter(([, v], i) => v !== result.levers[i].current), scenario, locale).join(sep) || planText('currentStrategy', locale);
      print(zh ? `  ${pct(r.assessment.chance)}（${r.assessment.runs} 次模拟），${h(r.assessment.medianCost)}：${moved}` : `  ${pct(r.assessment.chance)} on ${r.assessment.runs} runs, ${r.assessment.medianCost.toFixed(1)} h: ${moved}`);
    }
  }
}

/** The frontier's lines in English and Chinese (the browser's frontier panel says the same, messages-plan.ts). */
const FRONTIER_TEXT = {
  title: (name: string, within: boolean, levers: number, runs: number, seconds: string) => ({
    en: `hours–chance frontier of ${name}${within ? ', within the playbook' : ''}: ${levers} levers, ${runs} runs in ${seconds} s`,
    zh: `${ofName(name)}工时与达标概率取舍曲线${within ? '（在手册范围内）' : ''}：${levers} 个策略项，${runs} 次模拟，用时 ${seconds} 秒`,
  }),
  each: (fresh: { runs: number; firstRun: number } | null) => ({
    en: `each point: no strategy tried meets every goal more often with as few team hours a week${fresh ? `; every figure from ${fresh.runs} fresh runs (run indices from ${fresh.firstRun}), as a goal seek's check` : ''}`,
    zh: `每个点：尝试过的策略中，没有哪个能以不多于它的每周运营工时更常达成全部目标${fresh ? `；所有数字都来自 ${fresh.runs} 次新模拟（运行编号从 ${fresh.firstRun} 起），与目标寻优的验证相同` : ''}`,
  }),
  columns: {
    en: ['team h/week', 'every goal met (90 % interval, runs)', 'changes from the current strategy'],
    zh: ['每周运营工时', '全部目标同时达成（90% 区间）', '相对当前策略的改动'],
  },
  current: { en: 'the current strategy', zh: '当前策略' },
  against: (sources: string) => ({ en: `⚠ against the playbook (${sources})`, zh: `⚠ 违背手册（${sources}）` }),
  floor: (hours: string) => ({
    en: `within the playbook the curve starts at ${hours} team hours a week: no strategy tried that keeps to it needs fewer; a smaller budget means leaving the playbook (--outside-playbook shows what that would cost)`,
    zh: `在手册范围内，曲线的起点是每周运营工时 ${hours} 小时：尝试过的符合手册的策略都不少于此数；预算更少就意味着偏离手册（--outside-playbook 可查看偏离的代价）`,
  }),
  short: (n: number, wanted: number) => ({
    en: `only ${n} of the ${wanted} points asked for are on the front: more team hours do not buy a higher chance here`,
    zh: `所要的 ${wanted} 个点中只有 ${n} 个在曲线上：在此范围内增加运营工时并不能提高全部目标同时达成的概率`,
  }),
  currentLine: (hours: string, chance: string, onFront: boolean) => ({
    en: `current strategy: ${hours} h a week, every goal met in ${chance}${onFront ? ' — on the frontier' : ''}`,
    zh: `当前策略：每周 ${hours} 小时，全部目标同时达成 ${chance}${onFront ? '；它就在曲线上' : ''}`,
  }),
};

/**
 * The hours–chance frontier in --lang (en or zh-CN), fitted to the terminal's
 * COLUMNS: its prose wrapped, its points a table (`multiLineTable`; each change
 * a line of its cell) or, where the columns would be too narrow, a block per point.
 */
export function printFrontier(result: FrontierResult, scenario: Scenario, seconds: number, locale: Locale = 'en', width = terminalColumns()): void {
  const lang = langOf(locale);
  const say = (text: string) => printWrapped(text, width);
  say(FRONTIER_TEXT.title(lang === 'zh' ? scenarioText(scenario, 'zh').name : plain(result.scenario), result.withinPlaybook, result.levers.length, result.evaluations, seconds.toFixed(1))[lang]);
  say(`${FRONTIER_TEXT.each(result.current.firstRun > 0 ? result.current : null)[lang]}\n`);
  const changes = (p: FrontierPoint) => {
    const list = describeSettings(p.settings.filter(([, v], i) => v !== result.levers[i].current), scenario, locale, lang === 'zh');
    return list.length ? list : [FRONTIER_TEXT.current[lang]];
  };
  // a point that slows answers says what it costs the members
  const slower = (p: FrontierPoint) => (p.current || p.answerMinutes == null || result.current.answerMinutes == null ? null
    : slowerAnswersText([result.current.answerMinutes, p.answerMinutes], locale));
  // (under the table's header the runs are a bare number in English; in a sentence, "200 runs")
  const chance = (share: number, interval: readonly [number, number], runs: number, runsWord = false) => (lang === 'zh'
    ? `${formatPercent(locale, share)}（${Math.round(interval[0] * 100)}–${formatPercent(locale, interval[1])}，${runs} 次模拟）`
    : `${pct(share)} (${pct(interval[0])}–${pct(interval[1])}, ${runs}${runsWord ? ' runs' : ''})`);
  const hours = (v: number) => formatByUnit(locale, 'hours', v);
  if (result.points.length) {
    const rows = result.points.map((p) => {
      const warn = slower(p);
      const against = p.breaches.length ? [FRONTIER_TEXT.against(p.breaches.map((b) => b.source).join(lang === 'zh' ? '、' : ', '))[lang]] : [];
      return [[hours(p.hours)], [chance(p.chance, p.interval, p.runs)], [...changes(p), ...(warn ? [`⚠ ${warn}`] : []), ...against]];
    });
    // the hours and the chance with its interval are kept whole; the changes wrap (or, too narrow, each point is a block)
    const whole = [0, 1].map((c) => Math.max(...rows.map((r) => displayWidth(r[c][0]))));
    print(multiLineTable(FRONTIER_TEXT.columns[lang], rows, width, [...whole, 24], 'whenTooNarrow'));
  }
  if (result.withinPlaybook && result.points.length) say(FRONTIER_TEXT.floor(result.points[0].hours.toFixed(1))[lang]);
  if (result.points.length < result.pointsWanted) say(FRONTIER_TEXT.short(result.points.length, result.pointsWanted)[lang]);
  const c = result.current;
  say(`\n${FRONTIER_TEXT.currentLine(c.hours.toFixed(1), chance(c.chance, c.interval, c.runs, true), c.current && result.points.some((p) => p.current))[lang]}`);
}
