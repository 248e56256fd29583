/**
 * A diagnosis' remedies as a table for the terminal, in English or Chinese
 * (the browser's cells, diagnosis-text.ts `remedyCells`).
 */
import type { Threshold } from '../model/playbook.ts';
import { langOf, type Locale } from '../model/format.ts';
import type { Scenario } from '../model/scenario.ts';
import type { Remedy } from '../model/planning/remedy.ts';
import { indexAmong, REMEDY_COLUMNS, remedyAboveText, remedyCells, type RemedyCells, type RemedyColumn } from '../model/planning/diagnosis-text.ts';
import { fullWidth } from '../model/text.ts';
import { displayWidth, multiLineTable, terminalColumns } from './plan-print.ts';

/** Chinese cells typeset as Chinese prose (`fullWidth`): no space after a full-width bracket before a number ("（时段内）75%"). */
function typesetCells(cells: RemedyCells, lang: 'en' | 'zh'): RemedyCells {
  if (lang !== 'zh') return cells;
  const list = (items: readonly string[]) => items.map(fullWidth);
  return { ...cells, move: list(cells.move), effects: list(cells.effects), costs: list(cells.costs), notes: list(cells.notes), ...(cells.focus ? { focus: fullWidth(cells.focus) } : {}) };
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
      const cells = typesetCells(remedyCells(r, scenario, locale, focus), lang);
      return [cut(cells.move), cut([cells.focus!]), [remedyAboveText(above[i] + 1, locale)]];
    }), width);
  }
  const header = [...(focus ? [] : [head('rank')]), head('move'), ...(focus ? [head('focus')] : []), head('chance'), head('effects'), head('costs'), head('notes'), head('playbook'), head('check')];
  const rows = list.map((r, i) => {
    const cells = typesetCells(remedyCells(r, scenario, locale, focus), lang);
    const lead = [...(focus ? [] : [[String(i + 1)]]), cut(cells.move), ...(focus ? [cut([cells.focus!])] : [])];
    if (above[i] >= 0) return [...lead, [lang === 'zh' ? `${remedyAboveText(above[i] + 1, locale)}（见上表）` : `${remedyAboveText(above[i] + 1, locale)} above`]];
    return [...lead, [`${cells.chance[0]}${cells.lowersChance ? ' ⚠' : ''}`, lang === 'zh' ? `（${cells.chance[1]}）` : `(${cells.chance[1]})`], cut(cells.effects), cut(cells.costs), cut(cells.notes),
      cut([cells.playbook.text]), cut([cells.check.text])];
  });
  // the chance ("12% → 40%" and its interval) is kept whole
  const chance = header.indexOf(head('chance'));
  return multiLineTable(header, rows, width, header.map((_, c) => (c === chance ? Math.max(...rows.map((r) => Math.max(0, ...(r[c] ?? []).map(displayWidth)))) : 0)));
}
