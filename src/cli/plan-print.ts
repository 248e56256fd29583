/**
 * The planning verbs' tables for the terminal (English): a sweep (one lever:
 * medians and p10–p90 per goal; two: the share of runs meeting every goal),
 * sensitivity indices sorted by importance, and a goal seek's recommendation
 * with its check on fresh runs and the verdict.
 */
import { SUMMARY, type SummaryKey } from '../model/metrics.ts';
import { describeThreshold, type Threshold } from '../model/playbook.ts';
import { formatPercent, formatSignedChange, formatSignedPoints, langOf, type Locale } from '../model/format.ts';
import { guardrailOf } from '../model/planning/guardrails.ts';
import { formatMetric } from '../model/report.ts';
import type { Scenario } from '../model/scenario.ts';
import { describePosition, isWindowLever, leverAt } from '../model/planning/levers.ts';
import type { SweepResult } from '../model/planning/sweep.ts';
import type { SensitivityResult } from '../model/planning/sensitivity-model.ts';
import { NEGLIGIBLE_WIDTH, type SobolIndex } from '../model/planning/sobol.ts';
import { RELIABLY_MET, type Remedy } from '../model/planning/diagnose.ts';
import { indexAmong, REMEDY_COLUMNS, remedyAboveText, remedyCells, seekCostsText, slowerAnswersText, type RemedyColumn } from '../model/planning/diagnosis-text.ts';
import type { GoalSeekResult } from '../model/planning/goal-seek.ts';
import type { FrontierPoint, FrontierResult } from '../model/planning/frontier.ts';
import { PLAN_MESSAGES } from '../i18n/messages-plan.ts';
import { plain } from './io.ts';
import { print } from './terminal.ts';

/** Columns a string takes in a terminal: Chinese characters and full-width punctuation take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const wide = (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3)
      || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60)
      || (code >= 0xffe0 && code <= 0xffe6) || code >= 0x20000;
    width += wide ? 2 : 1;
  }
  return width;
}

/** Columns aligned by display width (first column to the left, the rest to the right). */
export function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => displayWidth(r[c] ?? ''))));
  const pad = (cell: string, c: number) => ' '.repeat(widths[c] - displayWidth(cell));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell + pad(cell, c) : pad(cell, c) + cell)).join('  ')).join('\n');
}

export const pct = (v: number) => `${Math.round(v * 100)} %`;
const pctEn = pct;

const isWide = (ch: string) => displayWidth(ch) === 2;
/** Punctuation that does not start a line: it stays with what it follows. */
const CLOSING = new Set([...'，。、；：？！）」』》〉】,.;:?!)]%']);

/** A text's tokens: words, Chinese characters one by one, with the punctuation that closes them; `space` says a space came before. */
function tokensOf(text: string): { text: string; space: boolean }[] {
  const tokens: { text: string; space: boolean }[] = [];
  let space = false;
  for (const ch of text) {
    const last = tokens.at(-1);
    if (ch === ' ') { space = true; continue; }
    const before = last && [...last.text].at(-1)!;
    // a break is allowed between Chinese characters and after a hyphen ("Effective-" / "content")
    if (last && !space && (CLOSING.has(ch) || (!isWide(ch) && !isWide(before!) && before !== '-'))) last.text += ch;
    else tokens.push({ text: ch, space });
    space = false;
  }
  // a unit stays with its number: "+28.2 pp", "55 %" are not cut at their space
  return tokens.reduce<{ text: string; space: boolean }[]>((out, t) => {
    const last = out.at(-1);
    if (last && t.space && UNITS.test(t.text) && /\d$/.test(last.text)) last.text += ` ${t.text}`;
    else out.push({ ...t });
    return out;
  }, []);
}

/** Units written after a space ("12.5 pp", "55 %"), with any closing punctuation. */
const UNITS = /^(pp|%)[),.;:，。；）]*$/;

/** The widest piece of a text that `wrap` keeps whole: its longest word (a Chinese character with its closing punctuation). */
export function longestWord(text: string): number {
  return Math.max(0, ...tokensOf(text).map((t) => displayWidth(t.text)));
}

/**
 * A text cut into lines of at most `width` columns (displayWidth: a Chinese
 * character takes two): at spaces, and between Chinese characters (not before
 * closing punctuation); a word wider than the line is cut by characters.
 */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const token of tokensOf(text)) {
    const joined = line ? `${line}${token.space ? ' ' : ''}${token.text}` : token.text;
    if (displayWidth(joined) <= width || !line) line = joined;
    else { out.push(line); line = token.text; }
    // a word wider than the line: cut by characters
    while (displayWidth(line) > width && [...line].length > 1) {
      let head = '';
      for (const ch of line) { if (displayWidth(head + ch) > width) break; head += ch; }
      head ||= [...line][0];
      out.push(head);
      line = line.slice(head.length);
    }
  }
  return line ? [...out, line] : out;
}

/**
 * The columns a table may take: COLUMNS when set (e.g. COLUMNS=80 to see a
 * narrow terminal's layout in a file), else the terminal's width, 100 when the
 * output is not a terminal.
 */
export function terminalColumns(): number {
  const fromEnv = Number(process.env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv >= 20) return fromEnv;
  return process.stdout.isTTY && process.stdout.columns > 0 ? process.stdout.columns : 100;
}

/**
 * A table whose cells hold several items (each item one line or more), columns
 * left-aligned, a rule under the header and between rows. The widest columns
 * are narrowed (their items wrapped, `wrap`) until the table fits `maxWidth`
 * columns, none below 8 (or its width, if narrower), nor below `minWidths`, nor
 * below its longest word: a word is never cut. When the columns cannot all
 * be that narrow, each row is printed as a block instead, a cell a line under
 * its column's name (`cards`).
 */
export function multiLineTable(header: readonly string[], rows: readonly (readonly (readonly string[])[])[], maxWidth = Infinity, minWidths: readonly number[] = []): string {
  const all = [header.map((h) => [h]), ...rows];
  const natural = header.map((_, c) => Math.max(1, ...all.map((r) => Math.max(0, ...(r[c] ?? []).map((item) => displayWidth(item))))));
  const words = header.map((_, c) => Math.max(1, ...all.map((r) => Math.max(0, ...(r[c] ?? []).map(longestWord)))));
  const floor = natural.map((w, c) => Math.max(words[c], Math.min(w, Math.max(8, minWidths[c] ?? 0))));
  const room = maxWidth - 2 * (header.length - 1);
  if (floor.reduce((a, b) => a + b, 0) > room) return cards(header, rows, maxWidth);
  // narrow, a column at a time, the one that adds the fewest lines to the table (the widest of those): a long
  // text takes the room, not a short one cut into a column of fragments
  const widths = [...natural];
  const linesOf = (c: number, width: number) => all.map((r) => (r[c] ?? []).reduce((n, item) => n + wrap(item, width).length, 0));
  const heights = header.map((_, c) => linesOf(c, widths[c]));
  const tableHeight = (c: number, column: readonly number[]) => all.reduce((sum, _, k) => sum + Math.max(...heights.map((h, j) => (j === c ? column[k] : h[k]))), 0);
  for (let sum = widths.reduce((a, b) => a + b, 0); sum > room; sum--) {
    let best = -1;
    let bestHeight = Infinity;
    let bestColumn: number[] = [];
    widths.forEach((w, c) => {
      if (w <= floor[c]) return;
      const column = linesOf(c, w - 1);
      const height = tableHeight(c, column);
      if (height < bestHeight || (height === bestHeight && w > widths[best])) { best = c; bestHeight = height; bestColumn = column; }
    });
    if (best < 0) break;
    widths[best]--;
    heights[best] = bestColumn;
  }
  const wrapped = all.map((r) => r.map((cell, c) => cell.flatMap((item) => wrap(item, widths[c]))));
  const fitted = header.map((_, c) => Math.max(...wrapped.map((r) => Math.max(0, ...(r[c] ?? []).map((line) => displayWidth(line))))));
  const render = (r: readonly (readonly string[])[]) => {
    const height = Math.max(1, ...r.map((cell) => cell.length));
    const padded = (line: string, c: number) => line + ' '.repeat(Math.max(0, fitted[c] - displayWidth(line)));
    return Array.from({ length: height }, (_, k) => r.map((cell, c) => padded(cell[k] ?? '', c)).join('  ').trimEnd()).join('\n');
  };
  const rule = fitted.map((w) => '─'.repeat(w)).join('  ');
  const asTable = [render(wrapped[0]), rule, ...wrapped.slice(1).map(render).flatMap((text, i) => (i ? [rule.replace(/─/g, '·'), text] : [text]))].join('\n');
  // the shorter of the two: a table whose columns are so narrow that it is taller than the rows as blocks is harder to read
  const asCards = cards(header, rows, maxWidth);
  return Number.isFinite(maxWidth) && asCards.split('\n').length < asTable.split('\n').length ? asCards : asTable;
}

/**
 * A table a row at a time (when its columns would be too narrow): the row's
 * first cell as its title (after its number, "#n", when the first column is
 * "#"), then each other cell as "column: items", wrapped to the width with a
 * hanging indent; a cell that is only "—" is left out. A rule between rows.
 */
export function cards(header: readonly string[], rows: readonly (readonly (readonly string[])[])[], maxWidth: number): string {
  const width = Math.max(20, maxWidth);
  const hang = (text: string, first: string, rest: string) => wrap(text, width - displayWidth(rest)).map((line, i) => (i ? rest : first) + line);
  const blocks = rows.map((r) => {
    const numbered = header[0] === '#';
    const titleAt = numbered ? 1 : 0;
    const lead = numbered ? `#${(r[0] ?? []).join(' ')}  ` : '';
    const lines = hang((r[titleAt] ?? []).join(' + '), lead, ' '.repeat(displayWidth(lead) || 2));
    header.forEach((name, c) => {
      const items = (r[c] ?? []).filter((item) => item !== '—');
      if (c <= titleAt || !items.length) return;
      const chinese = isWide(name[0]);
      const text = items.reduce((all, item) => (all ? `${all}${/^[(（]/.test(item) ? (isWide(item[0]) ? '' : ' ') : chinese ? '；' : '; '}${item}` : item), '');
      lines.push(...hang(`${name}${isWide(name.at(-1)!) ? '：' : ': '}${text}`, '    ', '      '));
    });
    return lines.join('\n');
  });
  const rule = '─'.repeat(Math.min(width, 40));
  return [rule, ...blocks.flatMap((b, i) => (i ? [rule.replace(/─/g, '·'), b] : [b]))].join('\n');
}

/** A diagnosis' remedies as the browser's table (diagnosis-text.ts `remedyCells`), fitted to `width` columns (the terminal's), in English or Chinese. */
export function remedyTable(list: readonly Remedy[], scenario: Scenario, remedies: readonly Remedy[], focus?: Threshold, width = terminalColumns(), locale: Locale = 'en'): string {
  const lang = langOf(locale);
  // the cells say what the chance and the check are of: the headers need not; under a missed goal the fresh runs check that goal
  const head = (c: RemedyColumn) => REMEDY_COLUMNS[c === 'check' && focus ? 'checkGoal' : c][lang].replace(/ \((90% interval|every goal at once)\)|（(90% 区间|全部目标同时达成)）/, '');
  const cut = (items: readonly string[]) => (items.length ? items : ['—']);
  const above = list.map((r) => (focus ? indexAmong(r, remedies) : -1));
  // under a missed goal whose moves are all remedies of the table above: each named by its number
  if (focus && above.every((n) => n >= 0)) {
    return multiLineTable([head('move'), head('focus'), head('above')], list.map((r, i) => {
      const cells = remedyCells(r, scenario, locale, focus);
      return [cut(cells.move), cut([cells.focus!]), [remedyAboveText(above[i] + 1, locale)]];
    }), width);
  }
  const header = [...(focus ? [] : [head('rank')]), head('move'), ...(focus ? [head('focus')] : []), head('chance'), head('effects'), head('costs'), head('notes'), head('playbook'), head('check')];
  const rows = list.map((r, i) => {
    const cells = remedyCells(r, scenario, locale, focus);
    const lead = [...(focus ? [] : [[String(i + 1)]]), cut(cells.move), ...(focus ? [cut([cells.focus!])] : [])];
    if (above[i] >= 0) return [...lead, [lang === 'zh' ? `${remedyAboveText(above[i] + 1, locale)}（见上表）` : `${remedyAboveText(above[i] + 1, locale)} above`]];
    return [...lead, [`${cells.chance[0]}${cells.lowersChance ? ' ⚠' : ''}`, lang === 'zh' ? `（${cells.chance[1]}）` : `(${cells.chance[1]})`], cut(cells.effects), cut(cells.costs), cut(cells.notes),
      cut([cells.playbook.text]), cut([cells.check.text])];
  });
  // the chance ("12% → 40%" and its interval) is kept whole
  const chance = header.indexOf(head('chance'));
  return multiLineTable(header, rows, width, header.map((_, c) => (c === chance ? Math.max(...rows.map((r) => Math.max(0, ...(r[c] ?? []).map(displayWidth)))) : 0)));
}

export function printSweep(result: SweepResult): void {
  const [first, second] = result.axes;
  print(`sweep of ${plain(result.scenario)} — ${result.runs} runs per point, seed ${result.seed}, same run indices at every point\n`);
  if (!second) {
    const keys = [...new Set(result.goals.map((g) => g.metric))];
    const rows = [[first.path, 'all goals', ...keys.map((k) => `${SUMMARY[k].en} (${describeThreshold(result.goals.find((g) => g.metric === k)!)})`)]];
    result.points.forEach((p, i) => rows.push([first.labels.en[i], p.stats ? pct(p.stats.allGoalsMetShare) : p.notRun ? 'not run (cancelled)' : 'invalid',
      ...keys.map((k) => (p.stats ? `${formatMetric(k, p.stats.kpis[k].p50)} [${formatMetric(k, p.stats.kpis[k].p10)}–${formatMetric(k, p.stats.kpis[k].p90)}]` : ''))]));
    print(table(rows));
    print('\neach cell: median [p10–p90] over runs; "all goals": share of runs meeting every goal at once');
    return;
  }
  print(`share of runs meeting every goal — rows: ${first.path}, columns: ${second.path}${result.points.some((p) => p.notRun) ? ' ("not run": cancelled before its runs finished)' : ''}`);
  const rows = [[`${first.path} \\ ${second.path}`, ...second.labels.en]];
  first.labels.en.forEach((label, i) => rows.push([label, ...second.labels.en.map((_, j) => {
    const p = result.points[i * second.positions.length + j];
    return p.stats ? pct(p.stats.allGoalsMetShare) : p.notRun ? 'not run' : 'invalid';
  })]));
  print(table(rows));
}

const outputLabel = (output: string) => (output === 'allGoals' ? 'share of runs meeting every goal' : SUMMARY[output as SummaryKey].en);

/** Why these outputs: the goals the current strategy misses, every goal, or the planner's list. */
function outputsLine(result: SensitivityResult): string {
  const b = result.baseline;
  const now = b ? ` (current strategy, same runs: every goal met in ${pct(b.allGoals)})` : '';
  if (result.outputsFrom === 'missedGoals') {
    const missed = b!.goals.filter((g) => result.outputs.includes(g.metric)).map((g) => `${SUMMARY[g.metric].en} ${pct(g.metShare)}`);
    return `outputs: the KPIs of the goals met in < ${pct(RELIABLY_MET)} of runs${now}: ${missed.join(', ')}; --outputs all for every goal`;
  }
  if (result.outputsFrom === 'everyGoal') return `outputs: every goal's KPI${now}`;
  return `outputs: as chosen (--outputs)${now}`;
}

export function printSensitivity(result: SensitivityResult, scenario: Scenario): void {
  print(`${result.method === 'morris' ? 'Morris screening' : 'Sobol indices'} of ${plain(result.scenario)} — ${result.points} strategies × ${result.runs} runs, seed ${result.seed}`);
  print(outputsLine(result));
  let unreliable = false;
  for (const output of result.outputs) {
    print(`\n${outputLabel(output)}`);
    const order = result.levers.map((_, i) => i);
    if (result.morris) {
      const m = result.morris[output];
      order.sort((a, b) => m[b].muStar - m[a].muStar);
      const fmt = (v: number) => (output === 'allGoals' || SUMMARY[output].unit === 'share' ? `${(v * 100).toFixed(1)} pp` : v.toFixed(2));
      print(table([['lever (range)', 'μ*', 'μ', 'σ'], ...order.map((i) => {
        const l = leverAt(result.levers[i].path)!;
        return [`${l.path} (${describePosition({ ...l, ...result.levers[i] }, result.levers[i].min, scenario, 'en')} … ${describePosition({ ...l, ...result.levers[i] }, result.levers[i].max, scenario, 'en')})`, fmt(m[i].muStar), fmt(m[i].mu), fmt(m[i].sigma)];
      })]));
    } else if (result.sobol?.[output]) {
      const s = result.sobol[output];
      order.sort((a, b) => s[b].st - s[a].st);
      unreliable ||= s.some((x) => x.s1Unreliable || x.stUnreliable);
      print(sobolTable(s, order, ['lever', (i) => result.levers[i].path]));
    } else print('  (undefined at some strategies: no variance decomposition)');
  }
  if (result.morris) print('\nμ*: mean absolute change when the lever moves across its whole range; σ: how much that depends on the other levers');
  else {
    if (unreliable) print(`\n${unreliableHint(true)}`);
    if (!Number.isInteger(Math.log2(result.samples))) print(`N = ${result.samples} is not a power of 2: the Sobol' points are balanced at 2^m (e.g. --samples ${2 ** Math.round(Math.log2(result.samples))})`);
  }
}

export const unreliableHint = (onModel: boolean) => `?: the 95 % interval is wider than the index (and than ${NEGLIGIBLE_WIDTH}): not resolved; give more base samples N (--samples)${onModel ? ', and more runs per strategy (--runs) to cut the noise' : ''}`;

/** S1 and ST with their intervals, in the given order; "?" marks an index its interval does not resolve. */
export function sobolTable(indices: readonly SobolIndex[], order: readonly number[], name: [string, (i: number) => string], analytic?: { s1: readonly number[]; st: readonly number[] }): string {
  const f = (v: number) => v.toFixed(3);
  const mark = (flag: boolean | undefined) => (flag ? ' ?' : '  ');
  const head = [name[0], 'S1', '95 % interval', ...(analytic ? ['analytic'] : []), 'ST', '95 % interval', ...(analytic ? ['analytic'] : [])];
  return table([head, ...order.map((i) => {
    const s = indices[i];
    return [name[1](i), `${f(s.s1)}${mark(s.s1Unreliable)}`, `${f(s.s1Interval[0])} … ${f(s.s1Interval[1])}`, ...(analytic ? [f(analytic.s1[i])] : []),
      `${f(s.st)}${mark(s.stUnreliable)}`, `${f(s.stInterval[0])} … ${f(s.stInterval[1])}`, ...(analytic ? [f(analytic.st[i])] : [])];
  })]);
}

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

/** What the playbook holds in a strategy within it: the owner and the admins (§3), and each lever searched at the end of its guardrail. */
export function heldByPlaybookText(result: GoalSeekResult, settings: GoalSeekResult['start']['settings'], scenario: Scenario, locale: Locale): string {
  const l = langOf(locale);
  const held = [planText('seekHeldTeam', locale, { n: scenario.team.admins })];
  settings.forEach(([path, v], i) => {
    const lever = leverAt(path);
    const rail = guardrailOf(path, scenario);
    // the posting window holds no hours: not named
    if (!lever || !rail || path === 'team.admins' || lever.options || isWindowLever(path)) return;
    const range = result.levers[i];
    const key = v === range.min && range.min > lever.min ? 'seekHeldAtLeast' : v === range.max && range.max < lever.max ? 'seekHeldAtMost' : null;
    if (key) held.push(planText(key, locale, { lever: lever.label[l], value: describePosition(lever, v, scenario, l), source: rail.source }));
  });
  return held.join(l === 'zh' ? '、' : ', ');
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
    ? `${plain(result.scenario)} 的目标寻优：${goal}\n${result.levers.length} 个策略项，${result.evaluations} 次模拟，用时 ${seconds.toFixed(1)} 秒\n`
    : `goal seek on ${plain(result.scenario)}: ${goal}\n${result.levers.length} levers, ${result.evaluations} runs in ${seconds.toFixed(1)} s\n`);
  if (result.withinPlaybook) print(zh ? '遵循手册：每个策略项限定在手册给出的设置或范围内（--outside-playbook 取消此限制）\n' : 'within the playbook: each lever within its § setting or range (--outside-playbook lifts this)\n');
  const lever = (path: string) => leverAt(path)!;
  const moveLine = (path: string, v: number) => {
    const i = result.levers.findIndex((x) => x.path === path);
    return `  ${lever(path).label[l]}${zh ? '：' : ': '}${describePosition(lever(path), result.levers[i].current, scenario, l)} → ${describePosition(lever(path), v, scenario, l)}`;
  };
  if (!result.best) {
    print(zh
      ? `尝试过的策略都不满足约束（当前策略：全部达标比例 ${pct(result.start.assessment.chance)}，每周运营工时 ${h(result.start.assessment.medianCost)}）。`
      : `no strategy tried meets the constraint (the current one: ${pct(result.start.assessment.chance)} of runs meet every goal, ${result.start.assessment.medianCost.toFixed(1)} team hours a week).`);
    const cheap = result.cheapest;
    if (cheap) {
      print(zh
        ? `${result.withinPlaybook ? '符合手册的' : '尝试过的'}最省策略每周需要运营工时 ${h(cheap.assessment.medianCost)}，全部达标比例 ${pct(cheap.assessment.chance)}：`
        : `the cheapest strategy tried${result.withinPlaybook ? ' that keeps to the playbook' : ''} needs ${cheap.assessment.medianCost.toFixed(1)} team hours a week and meets every goal in ${pct(cheap.assessment.chance)} of runs:`);
      for (const [path, v] of cheap.settings.filter(([, v], i) => v !== result.levers[i].current)) print(moveLine(path, v));
      const cc = result.cheapestCheck;
      // its figures on fresh runs (the search's are flattered: it picked among many on the same runs)
      if (cc) {
        print(zh
          ? `  用 ${cc.runs} 次新模拟复核：全部达标比例 ${pct(cc.start.chance)}（当前） → ${pct(cc.best.chance)}；配对差值 ${formatSignedPoints(locale, cc.chanceDifference.mean)}（${formatSignedPoints(locale, cc.chanceDifference.interval[0])} … ${formatSignedPoints(locale, cc.chanceDifference.interval[1])}）；每周运营工时 ${h(cc.best.medianCost)}`
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
  for (const [path, v] of changes) print(moveLine(path, v));
  for (const b of result.best.breaches) print(`  ⚠ ${lever(b.path).label[l]}${zh ? '：违背手册（' : ': against the playbook ('}${b.source}${zh ? '：' : ': '}${b.reason[l]}${zh ? '）' : ')'}`);
  // what it costs the members: goals met less often, slower answers, more hours (on the fresh runs that picked nothing)
  const costs = changes.length && c ? seekCostsText(c, locale) : [];
  if (costs.length) print(`  ⚠ ${planText('seekCost', locale, { cost: costs.join(sep) })}`);
  const a = result.best.assessment;
  const s = result.start.assessment;
  print(zh
    ? `\n搜索中（最优策略 ${a.runs} 次模拟，当前策略 ${s.runs} 次）：全部达标比例 ${pct(s.chance)} → ${pct(a.chance)}；每周运营工时 ${h(s.medianCost)} → ${h(a.medianCost)}`
    : `\nin the search (the best on ${a.runs} runs, the current on ${s.runs}): every goal met in ${pct(s.chance)} → ${pct(a.chance)} of runs; team hours ${s.medianCost.toFixed(1)} → ${a.medianCost.toFixed(1)} a week`);
  print(planText(result.separated ? 'seekSeparated' : 'seekNotSeparated', locale, { runs: result.leaderRuns }));
  if (c) {
    const points = (v: number) => formatSignedPoints(locale, v);
    print(zh
      ? `用 ${c.runs} 次新模拟复核（模拟编号从 ${c.firstRun} 起）：全部达标比例 ${pct(c.start.chance)}（90% 区间 ${pct(c.start.interval[0])}–${pct(c.start.interval[1])}） → ${pct(c.best.chance)}（${pct(c.best.interval[0])}–${pct(c.best.interval[1])}）；配对差值 ${points(c.chanceDifference.mean)}（${points(c.chanceDifference.interval[0])} … ${points(c.chanceDifference.interval[1])}）；每周运营工时 ${h(c.best.medianCost)}${c.withinBudget === false ? '——新模拟上超出预算' : ''}`
      : `checked on ${c.runs} fresh runs (run indices from ${c.firstRun}): every goal met in ${pct(c.start.chance)} (90 %: ${pct(c.start.interval[0])}–${pct(c.start.interval[1])}) → ${pct(c.best.chance)} (${pct(c.best.interval[0])}–${pct(c.best.interval[1])}); paired difference ${signedPoints(c.chanceDifference.mean)} (${signedPoints(c.chanceDifference.interval[0])} … ${signedPoints(c.chanceDifference.interval[1])}); team hours ${c.best.medianCost.toFixed(1)} a week${c.withinBudget === false ? ' — OVER the budget on fresh runs' : ''}`);
    print(table([zh ? ['目标', `当前 → ${trusted ? '推荐' : '线索'}（达标比例）`, '指标变化（中位数，p5 … p95）'] : ['goal', `current → ${trusted ? 'recommended' : 'lead'} (share of runs meeting it)`, 'KPI change (median, p5 … p95)'], ...c.goals.map((g) => [
      `${SUMMARY[g.threshold.metric][l]} ${describeThreshold(g.threshold)}`, `${pct(g.metShare[0])} → ${pct(g.metShare[1])}`,
      g.difference ? `${formatSignedChange(locale, g.threshold.metric, g.difference.median)}${zh ? '（' : ' ('}${formatSignedChange(locale, g.threshold.metric, g.difference.p5)} … ${formatSignedChange(locale, g.threshold.metric, g.difference.p95)}${zh ? '）' : ')'}` : '—'])]));
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
      const moved = r.settings.filter(([, v], i) => v !== result.levers[i].current).map(([p, v]) => `${lever(p).label[l]} ${describePosition(lever(p), v, scenario, l)}`).join(sep) || planText('currentStrategy', locale);
      print(zh ? `  ${pct(r.assessment.chance)}（${r.assessment.runs} 次模拟），${h(r.assessment.medianCost)}：${moved}` : `  ${pct(r.assessment.chance)} on ${r.assessment.runs} runs, ${r.assessment.medianCost.toFixed(1)} h: ${moved}`);
    }
  }
}

export function printFrontier(result: FrontierResult, scenario: Scenario, seconds: number, locale: Locale = 'en'): void {
  print(`hours–chance frontier of ${plain(result.scenario)}${result.withinPlaybook ? ', within the playbook' : ''}: ${result.levers.length} levers, ${result.evaluations} runs in ${seconds.toFixed(1)} s`);
  const fresh = result.current.firstRun > 0 ? `; every figure from ${result.current.runs} fresh runs (run indices from ${result.current.firstRun}), as a goal seek's check` : '';
  print(`each point: no strategy tried meets every goal more often with as few team hours a week${fresh}\n`);
  const lever = (path: string) => leverAt(path)!;
  const changes = (p: FrontierPoint) => p.settings.filter(([, v], i) => v !== result.levers[i].current)
    .map(([path, v]) => `${lever(path).label.en} ${describePosition(lever(path), v, scenario, 'en')}`).join('; ') || 'the current strategy';
  // a point that slows answers says what it costs the members (in --lang)
  const slower = (p: FrontierPoint) => (p.current || p.answerMinutes == null || result.current.answerMinutes == null ? null
    : slowerAnswersText([result.current.answerMinutes, p.answerMinutes], locale));
  print(table([['team h/week', 'every goal met (90 % interval, runs)', 'changes from the current strategy'],
    ...result.points.map((p) => [p.hours.toFixed(1), `${pct(p.chance)} (${pct(p.interval[0])}–${pct(p.interval[1])}, ${p.runs})`, `${changes(p)}${slower(p) ? ` — ⚠ ${slower(p)}` : ''}${p.breaches.length ? ` — against the playbook (${p.breaches.map((b) => b.source).join(', ')})` : ''}`])]));
  if (result.withinPlaybook && result.points.length) {
    const floor = result.points[0].hours.toFixed(1);
    print(locale === 'zh-CN'
      ? `在手册范围内，曲线的起点是每周运营工时 ${floor} 小时：尝试过的符合手册的策略都不少于此数；预算更少就意味着偏离手册（--outside-playbook 可查看偏离的代价）`
      : `within the playbook the curve starts at ${floor} team hours a week: no strategy tried that keeps to it needs fewer; a smaller budget means leaving the playbook (--outside-playbook shows what that would cost)`);
  }
  if (result.points.length < result.pointsWanted) print(`only ${result.points.length} of the ${result.pointsWanted} points asked for are on the front: more team hours do not buy a higher chance here`);
  const c = result.current;
  print(`\ncurrent strategy: ${c.hours.toFixed(1)} h a week, every goal met in ${pct(c.chance)} (${pct(c.interval[0])}–${pct(c.interval[1])}, ${c.runs} runs)${c.current && result.points.some((p) => p.current) ? ' — on the frontier' : ''}`);
}
