/**
 * A paired comparison as a report people read and print (Markdown): the
 * scenarios, seed and runs; the levers that differ, as the editor names them;
 * every KPI's medians and paired differences with their 90 % intervals (bold
 * where the interval excludes 0); and the share of runs meeting each goal.
 */
import type { Comparison } from '../model/compare.ts';
import { SUMMARY, SUMMARY_KEYS } from '../model/metrics.ts';
import { describeThreshold } from '../model/playbook.ts';
import { ALL_FIELDS } from '../model/fields.ts';
import { formatByUnit, formatChance, formatPercent, formatDifferenceInterval, formatNumber, langOf, pick, type Locale } from '../i18n/locale.ts';
import { t } from '../i18n/messages.ts';
import { countedAverage } from '../model/planning/levers.ts';

/** A table cell: pipes and line breaks would break the Markdown table. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
const row = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
const rule = (n: number) => `|${' --- |'.repeat(n)}`;

export function comparisonMarkdown(c: Comparison, locale: Locale): string {
  const letters = c.names.map((_, k) => String.fromCharCode(65 + k));
  const lines: string[] = [`# ${t(locale, 'compareScenarios', { runs: c.runs, seed: c.seed })}`, '', `${t(locale, 'reportDate')} ${new Date().toISOString().slice(0, 10)}`, ''];
  c.names.forEach((name, k) => lines.push(`- **${letters[k]}**: ${cell(name)}`));
  lines.push('', `## ${t(locale, 'leversDiffer')}`, '');
  if (c.levers.length) {
    lines.push(row([t(locale, 'lever'), ...letters]), rule(letters.length + 1));
    for (const d of c.levers) lines.push(row([leverLabel(locale, d.path) || d.path, ...d.values.map((v) => leverValue(locale, d.path, v))]));
  } else lines.push(t(locale, 'noLeverDiff'));
  lines.push('', `## ${t(locale, 'kpiTable')}`, '');
  lines.push(row([t(locale, 'metric'), ...letters.map((l) => `${l} ${t(locale, 'median')}`), ...letters.slice(1).map((l) => `${l} − A (90 %)`)]), rule(2 * letters.length));
  for (const key of SUMMARY_KEYS) {
    const m = c.metrics[key];
    lines.push(row([pick(locale, SUMMARY[key]), ...m.medians.map((v) => formatByUnit(locale, SUMMARY[key].unit, v)),
      ...m.differences.slice(1).map((d) => {
        if (!d) return '—';
        const text = formatDifferenceInterval(locale, key, d);
        return d.p5 > 0 || d.p95 < 0 ? `**${text}**` : text;
      })]));
  }
  lines.push('', `## ${t(locale, 'goalsByScenario', { runs: formatNumber(locale, c.runs, 0) })}`, '');
  lines.push(row([t(locale, 'goal'), ...letters]), rule(letters.length + 1));
  for (const g of c.goals) lines.push(row([`${pick(locale, SUMMARY[g.threshold.metric])} ${describeThreshold(g.threshold, locale)} (${g.threshold.source})`, ...g.metShare.map((v) => formatChance(locale, v, c.runs, 'short'))]));
  lines.push(row([t(locale, 'allGoalsRow'), ...c.allGoalsMetShare.map((v) => formatChance(locale, v, c.runs, 'short'))]));
  lines.push('', t(locale, 'reportNote'), '');
  return lines.join('\n');
}

/** A lever by the editor's label (a mix part by its field and part), else its path. */
export function leverLabel(locale: Locale, path: string): string {
  const field = ALL_FIELDS.find((f) => f.path === path);
  if (field) return pick(locale, field.label);
  const mix = ALL_FIELDS.find((f) => f.parts && path.startsWith(`${f.path}.`));
  const part = mix?.parts?.find((p) => `${mix.path}.${p.key}` === path);
  return mix && part ? `${pick(locale, mix.label)} · ${pick(locale, part.label)}` : '';
}

/** A lever's value as the editor shows it: an option's label, on / off, numbers and lists plain. */
export function leverValue(locale: Locale, path: string, json: string): string {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return json; // "—": the lever is absent from this scenario
  }
  const field = ALL_FIELDS.find((f) => f.path === path);
  const option = field?.options?.find((o) => o.value === value);
  if (option) return pick(locale, option.label);
  if (field?.kind === 'window' && Array.isArray(value) && value.length === 2) return `${value[0]}:00–${value[1]}:00`;
  // shares as percentages, numbers with the editor's unit ("20 minutes", "0.1" → "10%")
  if (field?.kind === 'share' && typeof value === 'number') return formatPercent(locale, value);
  if (field?.unit && typeof value === 'number') {
    const shown = Number(formatNumber('en', value, Number.isInteger(value) ? 0 : 1).replace(/,/g, ''));
    return countedAverage(shown, field.unit, langOf(locale)) ?? `${formatNumber(locale, value, Number.isInteger(value) ? 0 : 1)} ${pick(locale, field.unit)}`;
  }
  if (typeof value === 'boolean') return t(locale, value ? 'on' : 'off');
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ');
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}
