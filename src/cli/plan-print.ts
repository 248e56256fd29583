/**
 * What the planning verbs' reports share in the terminal: a string's display
 * width (a Chinese character takes two), aligned tables, prose wrapped to the
 * terminal's columns (Chinese between words), a table whose cells hold several
 * lines (or, too narrow, its rows as blocks), and a field's label. The
 * reports: diagnosis-print.ts, sensitivity-print.ts and seek-print.ts.
 */
import { leverAt } from '../model/planning/levers.ts';
import { ALL_FIELDS } from '../model/fields.ts';
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

const isWide = (ch: string) => displayWidth(ch) === 2;
/** Punctuation that does not start a line: it stays with what it follows. */
const CLOSING = new Set([...'，。、；：？！）」』》〉】”’,.;:?!)]%']);
/** Punctuation that does not end a line: it stays with what follows it. */
const OPENING = new Set([...'（「『《〈【“‘([']);
const IDEOGRAPH = /^[\u3400-\u9fff\uf900-\ufaff]$/;
/** One-character words that belong to the word before them: particles ("达成的"), suffixes ("管理员", "响应率") and places ("模拟上"); other single characters go with the word after ("更常", "个目标"). */
const JOINS_BEFORE = new Set([...'的了地得着过员率量者性度数值型式化家上中内后前下']);
/** A run of Chinese characters this long or shorter is never cut ("符合手册", "目标", "次模拟"). */
const SHORT_RUN = 4;
const segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;

/**
 * Where a run of Chinese characters may be cut: nowhere in a short run
 * (SHORT_RUN), else between its words (Intl.Segmenter's dictionary), a word of
 * one character joined to a neighbour (JOINS_BEFORE), so no line starts or
 * ends with a lone character cut from its word ("目 / 标", "管理 / 员").
 */
function chinesePieces(run: string): string[] {
  const chars = [...run];
  if (chars.length <= SHORT_RUN) return [run];
  const words = segmenter ? [...segmenter.segment(run)].map((s) => s.segment) : chars;
  const pieces: string[] = [];
  let pending = '';
  for (const word of words) {
    if ([...word].length === 1 && JOINS_BEFORE.has(word) && pieces.length && !pending) pieces[pieces.length - 1] += word;
    else if ([...word].length === 1) pending += word;
    else { pieces.push(pending + word); pending = ''; }
  }
  if (pending) {
    if ([...pending].length === 1 && pieces.length) pieces[pieces.length - 1] += pending;
    else pieces.push(pending);
  }
  return pieces;
}

/** A space-free word cut where a line may break: between Chinese words (`chinesePieces`), around other wide characters, after a hyphen between letters (not in a flag); never before closing punctuation nor after opening punctuation. */
function piecesOf(word: string): string[] {
  // a flag ("--outside-playbook") is typed whole: never cut at its hyphens
  if (/^--[a-z]/.test(word)) return [word];
  const chars = [...word];
  // the positions inside a run of Chinese characters where its words meet
  const inRun = new Set<number>();
  for (let i = 0; i < chars.length;) {
    if (!IDEOGRAPH.test(chars[i])) { i++; continue; }
    let j = i;
    while (j < chars.length && IDEOGRAPH.test(chars[j])) j++;
    let at = i;
    const cuts = new Set<number>();
    for (const piece of chinesePieces(chars.slice(i, j).join(''))) { at += [...piece].length; cuts.add(at); }
    for (let k = i + 1; k < j; k++) if (!cuts.has(k)) inRun.add(k);
    i = j;
  }
  const pieces: string[] = [];
  chars.forEach((ch, i) => {
    const before = chars[i - 1];
    const breaks = i > 0 && !inRun.has(i) && !CLOSING.has(ch) && !OPENING.has(before) && (isWide(ch) || isWide(before) || (before === '-' && /[A-Za-z]/.test(chars[i - 2] ?? '')));
    if (breaks || !pieces.length) pieces.push(ch);
    else pieces[pieces.length - 1] += ch;
  });
  return pieces;
}

/** A text's tokens: the pieces a line may not cut (`piecesOf`); `space` says a space came before. */
function tokensOf(text: string): { text: string; space: boolean }[] {
  const tokens = text.split(' ').flatMap((word, w) => piecesOf(word).map((piece, i) => ({ text: piece, space: w > 0 && i === 0 })));
  // a unit stays with its number: "+28.2 pp", "55 %", "21 条", "60 次模拟", "4.6 小时" are not cut at their space
  return tokens.reduce<{ text: string; space: boolean }[]>((out, t) => {
    const last = out.at(-1);
    if (last && t.space && /\d$/.test(last.text) && (UNITS.test(t.text) || IDEOGRAPH.test(t.text[0]))) last.text += ` ${t.text}`;
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

/** Prose wrapped to the terminal as the tables are (at spaces; Chinese between words), each line's indent kept (and a warning's "⚠ " hung), a blank line kept. */
export function printWrapped(text: string, width = terminalColumns()): void {
  print(text.split('\n').map((line) => {
    const indent = /^ */.exec(line)![0];
    const hang = indent + (line.trim().startsWith('⚠ ') ? '  ' : '');
    return line.trim() ? wrap(line.trim(), width - hang.length).map((part, i) => (i ? hang : indent) + part).join('\n') : '';
  }).join('\n'));
}

/** A field's label in one language (a breach names its field so, not by its path in the file); the path when it has none. */
export function fieldLabel(path: string, lang: 'en' | 'zh'): string {
  const label = leverAt(path)?.label ?? ALL_FIELDS.find((f) => f.path === path)?.label;
  return label ? label[lang] : path;
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

/** The narrowest a column of wrapped text is made (six Chinese characters): narrower, the rows read better as blocks. */
const MIN_COLUMN = 12;

/**
 * A table whose cells hold several items (each item one line or more), columns
 * left-aligned, a rule under the header and between rows. The widest columns
 * are narrowed (their items wrapped, `wrap`) until the table fits `maxWidth`
 * columns, none below MIN_COLUMN (or its width, if narrower), nor below
 * `minWidths`, nor below its longest word: a word (a short Chinese word, a
 * number with its unit) is never cut. When the columns cannot all
 * be that narrow, each row is printed as a block instead, a cell a line under
 * its column's name (`cards`); so too, with `blocks` whenShorter, when the
 * blocks take fewer lines than the table.
 */
export function multiLineTable(header: readonly string[], rows: readonly (readonly (readonly string[])[])[], maxWidth = Infinity, minWidths: readonly number[] = [], blocks: 'whenShorter' | 'whenTooNarrow' = 'whenShorter'): string {
  const all = [header.map((h) => [h]), ...rows];
  const natural = header.map((_, c) => Math.max(1, ...all.map((r) => Math.max(0, ...(r[c] ?? []).map((item) => displayWidth(item))))));
  const words = header.map((_, c) => Math.max(1, ...all.map((r) => Math.max(0, ...(r[c] ?? []).map(longestWord)))));
  const floor = natural.map((w, c) => Math.max(words[c], Math.min(w, Math.max(MIN_COLUMN, minWidths[c] ?? 0))));
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
  return blocks === 'whenShorter' && Number.isFinite(maxWidth) && asCards.split('\n').length < asTable.split('\n').length ? asCards : asTable;
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
    const title = r[titleAt] ?? [];
    // a list that opens with its own heading ("Follow the playbook (14 changes):") reads heading then moves
    const plus = title.some((item) => isWide([...item][0] ?? '')) ? ' ＋ ' : ' + ';
    const named = title.length > 1 && /[:：]$/.test(title[0]);
    const lines = hang(named ? `${title[0]}${title[0].endsWith('：') ? '' : ' '}${title.slice(1).join(plus)}` : title.join(plus), lead, ' '.repeat(displayWidth(lead) || 2));
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

/** "知识分享型的…", "Knowledge sharing 的…": a name's possessive in Chinese (a space after a name that ends in Latin letters). */
export const ofName = (name: string): string => `${name}${isWide([...name].at(-1) ?? '') ? '' : ' '}的`;
