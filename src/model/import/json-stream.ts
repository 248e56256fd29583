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
  readonly error: JsonSyntaxError | null;
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

/**
 * Stream the items at `path` of a JSON text to `onItem` (with their index in
 * the list); `onPiece` is called after each piece with the share of the file read.
 */
export function streamJsonItems(source: TextSource, path: string, onItem: (item: unknown, index: number, place: ItemPlace) => void, onPiece: (done: number) => void): StreamedJson {
  const tokenizer = new Tokenizer();
  const parser = new TokenParser({ paths: [path], keepStack: false });
  let items = 0;
  let lastTokenAt = 0; // absolute byte offset of the last token: where the parser's errors are
  // the line of a byte offset, counted forward only (tokens come in order): no quadratic rescans
  let cursorPiece: Piece | null = null;
  let cursorAt = 0;
  let cursorLines = 0;
  const lineOf = (at: number): number => {
    const piece = [...pieces].reverse().find((p) => p.start <= at) ?? pieces[0];
    if (piece !== cursorPiece || at < cursorAt) { cursorPiece = piece; cursorAt = piece.start; cursorLines = piece.linesBefore; }
    for (let i = cursorAt - piece.start, end = Math.min(piece.bytes.length, at - piece.start); i < end; i++) if (piece.bytes[i] === 10) cursorLines++;
    cursorAt = Math.max(cursorAt, at);
    return cursorLines + 1;
  };
  // the item's own fields sit one level inside the item: "$.messages.*" → depth 3, "$.*" → depth 2
  const fieldDepth = path.split('.').length;
  let depth = 0;
  let lastString: string | null = null;
  let pendingKey: string | null = null;
  let itemLine = 1;
  let fields = new Map<string, number>();
  tokenizer.onToken = (token) => {
    lastTokenAt = token.offset;
    if (pendingKey !== null) { fields.set(pendingKey, lineOf(token.offset)); pendingKey = null; }
    if (token.token === TokenType.LEFT_BRACE || token.token === TokenType.LEFT_BRACKET) {
      if (++depth === fieldDepth) { itemLine = lineOf(token.offset); fields = new Map(); }
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
  let pieces: Piece[] = [{ bytes: new Uint8Array(0), start: 0, linesBefore: 0, columnBefore: 0 }];
  let lastText = '';
  const fail = (error: unknown, atByte: number, atEnd = false): StreamedJson => {
    if (readerError) throw readerError.error;
    const reason = (error instanceof Error ? error.message : String(error)).replace(/ at chunk position "\d+" \(absolute position "\d+"\)/, '');
    const piece = [...pieces].reverse().find((p) => p.start <= atByte) ?? pieces[0];
    return { items, error: { ...where(piece, atByte), reason, atEnd } };
  };
  for (const chunk of source.chunks()) {
    const piece = next(pieces[pieces.length - 1], lastText, encoder.encode(chunk.text));
    pieces.push(piece);
    lastText = chunk.text;
    try {
      tokenizer.write(piece.bytes);
    } catch (error) {
      const tokenizerAt = /absolute position "(\d+)"/.exec(error instanceof Error ? error.message : '');
      return fail(error, tokenizerAt ? Number(tokenizerAt[1]) : lastTokenAt);
    }
    pieces = pieces.filter((p, k) => k === pieces.length - 1 || p.start + p.bytes.length > lastTokenAt);
    onPiece(chunk.done);
  }
  try {
    tokenizer.end();
    if (!parser.isEnded) parser.end();
  } catch (error) {
    const last = pieces[pieces.length - 1];
    return fail(error, last.start + last.bytes.length, true); // the text ends before the document does
  }
  return { items, error: null };
}
