/**
 * A JSON export read in pieces (@streamparser/json): the text arrives in
 * pieces of a few MB, each item of the list at `path` ("$.messages.*",
 * "$.*") is handed over as soon as it is complete and then dropped
 * (keepStack: false), so neither the whole text nor the whole parsed tree
 * ever exists at once. A syntax error stops the reading with its line and
 * column; the items before it have been handed over already.
 */
import { Tokenizer, TokenParser, TokenType } from '@streamparser/json';
import type { TextSource } from './decode.ts';

export interface JsonSyntaxError {
  /** 1-based line and column (in characters) of the offending token, or of the end of the text. */
  readonly line: number;
  readonly column: number;
  readonly reason: string;
  /** The text ends before the document does (a file cut short), rather than a wrong character inside it. */
  readonly atEnd: boolean;
}

/** Where an item and its fields are in the file: the 1-based line of the item's start and of each field's value. */
export interface ItemPlace {
  readonly line: number;
  readonly fields: ReadonlyMap<string, number>;
}

export interface StreamedJson {
  /** Items handed over. */
  readonly items: number;
  /** The syntax error the reading stopped at, if any. */
  readonly error: JsonSyntaxError | null;
  /** Syntax errors the reading resumed after, at the next item. */
  readonly resumed: readonly ResumedError[];
  /** Lines after an error the reading stopped at (not a file cut short): not read. */
  readonly unreadLines: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Line breaks in a text. */
function breaksIn(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** A piece of the text as fed to the tokenizer, and where it starts. */
interface Piece {
  readonly bytes: Uint8Array;
  /** Absolute byte offset of its first byte. */
  readonly start: number;
  /** Line breaks before it, and characters since the last of them. */
  readonly linesBefore: number;
  readonly columnBefore: number;
}

/** The piece after `p`, whose text was `text`. */
function next(p: Piece, text: string, bytes: Uint8Array): Piece {
  const breaks = breaksIn(text);
  return {
    bytes, start: p.start + p.bytes.length, linesBefore: p.linesBefore + breaks,
    columnBefore: breaks ? text.length - text.lastIndexOf('\n') - 1 : p.columnBefore + text.length,
  };
}

/** 1-based line and column of an absolute byte offset inside a piece. */
function where(p: Piece, atByte: number): { line: number; column: number } {
  const prefix = decoder.decode(p.bytes.subarray(0, Math.max(0, atByte - p.start)));
  const breaks = breaksIn(prefix);
  return { line: p.linesBefore + breaks + 1, column: breaks ? prefix.length - prefix.lastIndexOf('\n') : p.columnBefore + prefix.length + 1 };
}

/** A syntax error after which the reading resumed at the next item. */
export interface ResumedError extends JsonSyntaxError {
  /** The first line not read: the broken item's start (or the error's line, between items). */
  readonly fromLine: number;
  /** The line the reading resumed on (the next item's start). */
  readonly resumedLine: number;
}

/** What one parser run over the text ended with. */
type RunEnd =
  | { readonly kind: 'done' }
  | { readonly kind: 'error'; readonly error: JsonSyntaxError; readonly rest: string; readonly inList: boolean; readonly indent: number | null; readonly fromLine: number };

/**
 * Stream the items at `path` of a JSON text to `onItem` (with their index in
 * the list); `onPiece` is called after each piece with the share of the file
 * read. After a syntax error inside the list, the reading resumes at the next
 * line that starts an item at the items' own indentation (a pretty-printed
 * export: Telegram, Discord, Slack), with the lines in between lost
 * (`resumed`); when no such line follows (a one-line file), it stops there
 * (`error`) and `unreadLines` counts the lines after the error.
 */
export function streamJsonItems(source: TextSource, path: string, onItem: (item: unknown, index: number, place: ItemPlace) => void, onPiece: (done: number) => void, onResume?: (r: ResumedError) => void): StreamedJson {
  const chunks = source.chunks()[Symbol.iterator]();
  let items = 0;
  const resumed: ResumedError[] = [];
  let end = run(path, path.split('.').length, [], { bytes: new Uint8Array(0), start: 0, linesBefore: 0, columnBefore: 0 });
  for (;;) {
    if (end.kind === 'done') return { items, error: null, resumed, unreadLines: 0 };
    const { error, inList, indent } = end;
    let rest = end.rest;
    let resumeAt = -1;
    if (inList && !error.atEnd && indent !== null) {
      // the next item: "{" at the items' indentation, at the start of a line (or right at the error: a comma missing between items)
      const startsItem = new RegExp(`\\n[ \\t]{${indent}}\\{`);
      for (;;) {
        if (rest.startsWith('{') && error.column === indent + 1) { resumeAt = 0; break; }
        const m = startsItem.exec(rest);
        if (m) { resumeAt = m.index + m[0].length - 1; break; }
        const more = chunks.next();
        if (more.done) break;
        rest += more.value.text;
        onPiece(more.value.done);
      }
    }
    if (resumeAt < 0) {
      // nothing to resume at: the lines after the error are lost
      let lost = breaksIn(rest);
      for (let more = chunks.next(); !more.done; more = chunks.next()) { lost += breaksIn(more.value.text); onPiece(more.value.done); }
      if (rest.length && !rest.endsWith('\n')) lost++;
      return { items, error, resumed, unreadLines: error.atEnd ? 0 : lost };
    }
    const skipped = rest.slice(0, resumeAt);
    const resumedLine = error.line + breaksIn(skipped);
    const r: ResumedError = { ...error, fromLine: Math.min(end.fromLine, error.line), resumedLine };
    resumed.push(r);
    onResume?.(r); // before the items after it: skipped rows stay in input order
    // the rest read as a list of items: "[" + the text from the next item on
    const text = rest.slice(resumeAt);
    const opening = encoder.encode('[');
    end = run('$.*', 2, [text], { bytes: opening, start: 0, linesBefore: resumedLine - 1, columnBefore: Math.max(0, indent! - 1) });
  }

  function run(runPath: string, fieldDepth: number, first: string[], openingPiece: Piece): RunEnd {
    const tokenizer = new Tokenizer();
    const parser = new TokenParser({ paths: [runPath], keepStack: false });
    let lastTokenAt = 0; // absolute byte offset of the last token: where the parser's errors are
    // the line of a byte offset, counted forward only (tokens come in order): no quadratic rescans
    let cursorPiece: Piece | null = null;
    let cursorAt = 0;
    let cursorLines = 0;
    const lineOf = (at: number): number => {
      const piece = [...pieces].reverse().find((p) => p.start <= at) ?? pieces[0];
      if (piece !== cursorPiece || at < cursorAt) { cursorPiece = piece; cursorAt = piece.start; cursorLines = piece.linesBefore; }
      for (let i = cursorAt - piece.start, e = Math.min(piece.bytes.length, at - piece.start); i < e; i++) if (piece.bytes[i] === 10) cursorLines++;
      cursorAt = Math.max(cursorAt, at);
      return cursorLines + 1;
    };
    // the item's own fields sit one level inside the item: "$.messages.*" → depth 3, "$.*" → depth 2
    let depth = 0;
    let lastString: string | null = null;
    let pendingKey: string | null = null;
    let itemLine = 1;
    let indent: number | null = null; // the items' indentation (characters before an item's "{")
    let fields = new Map<string, number>();
    tokenizer.onToken = (token) => {
      if (parser.isEnded) return; // after a resumed list: the export's own closing brackets
      lastTokenAt = token.offset;
      if (pendingKey !== null) { fields.set(pendingKey, lineOf(token.offset)); pendingKey = null; }
      if (token.token === TokenType.LEFT_BRACE || token.token === TokenType.LEFT_BRACKET) {
        if (++depth === fieldDepth) {
          itemLine = lineOf(token.offset);
          fields = new Map();
          if (token.token === TokenType.LEFT_BRACE) {
            const piece = [...pieces].reverse().find((p) => p.start <= token.offset) ?? pieces[0];
            indent = where(piece, token.offset).column - 1;
          }
        }
      } else if (token.token === TokenType.RIGHT_BRACE || token.token === TokenType.RIGHT_BRACKET) depth--;
      else if (token.token === TokenType.COLON && depth === fieldDepth && lastString !== null) pendingKey = lastString;
      lastString = token.token === TokenType.STRING ? String(token.value) : null;
      parser.write(token);
    };
    let readerError: { error: unknown } | null = null; // a reader's own failure is not a syntax error
    parser.onValue = ({ value }) => {
      try {
        onItem(value, items++, { line: itemLine, fields });
      } catch (error) {
        readerError = { error };
        throw error;
      }
    };
    parser.onEnd = () => {}; // the document is complete; whitespace may follow
    // the pieces since the last token began (a long token may span many)
    let pieces: Piece[] = [openingPiece];
    let lastText = openingPiece.bytes.length ? decoder.decode(openingPiece.bytes) : '';
    const fail = (error: unknown, atByte: number, atEnd = false): RunEnd => {
      if (readerError) throw readerError.error;
      const reason = (error instanceof Error ? error.message : String(error)).replace(/ at chunk position "\d+" \(absolute position "\d+"\)/, '');
      const piece = [...pieces].reverse().find((p) => p.start <= atByte) ?? pieces[0];
      // the text from the error on, to look for the next item in
      const rest = pieces.filter((p) => p.start + p.bytes.length > atByte).map((p) => decoder.decode(p.bytes.subarray(Math.max(0, atByte - p.start)))).join('');
      const at = where(piece, atByte);
      return { kind: 'error', error: { ...at, reason, atEnd }, rest, inList: depth >= fieldDepth - 1, indent, fromLine: depth >= fieldDepth ? itemLine : at.line };
    };
    const feed = (text: string, done: number | null): RunEnd | null => {
      const piece = next(pieces[pieces.length - 1], lastText, encoder.encode(text));
      pieces.push(piece);
      lastText = text;
      try {
        tokenizer.write(piece.bytes);
      } catch (error) {
        const tokenizerAt = /absolute position "(\d+)"/.exec(error instanceof Error ? error.message : '');
        return fail(error, tokenizerAt ? Number(tokenizerAt[1]) : lastTokenAt);
      }
      pieces = pieces.filter((p, k) => k === pieces.length - 1 || p.start + p.bytes.length > lastTokenAt);
      if (done !== null) onPiece(done);
      return null;
    };
    if (openingPiece.bytes.length) {
      try {
        tokenizer.write(openingPiece.bytes);
      } catch (error) {
        return fail(error, 0);
      }
    }
    for (const text of first) {
      const failed = feed(text, null);
      if (failed) return failed;
    }
    for (let chunk = chunks.next(); !chunk.done; chunk = chunks.next()) {
      const failed = feed(chunk.value.text, chunk.value.done);
      if (failed) return failed;
    }
    try {
      tokenizer.end();
      if (!parser.isEnded) parser.end();
    } catch (error) {
      const last = pieces[pieces.length - 1];
      return fail(error, last.start + last.bytes.length, true); // the text ends before the document does
    }
    return { kind: 'done' };
  }
}
