/**
 * The command line's files and terminal output, made safe: an input file (a
 * scenario, a part) must be a regular file under its size limit, checked before
 * it is read; an output path is checked before the run and again before writing
 * (its folder exists and is writable; it is not a folder, a read-only file or an
 * input, compared by device and inode rather than by spelling) and written
 * atomically (a temporary file, then a rename), so a failed write never leaves a
 * half-written file in place of a good one; names are printed without escape
 * sequences, control characters or bidi controls.
 */
import {
  accessSync, chmodSync, closeSync, constants, fstatSync, openSync, readSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync, type Stats,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import { MAX_SCENARIO_BYTES } from '../model/scenario.ts';

/** Bad input: printed as these lines (none: already said), exit code 1. */
export class UserError extends Error {
  /** `exitCode`: 1 for bad input; 130 when the user interrupted (Ctrl-C). */
  constructor(readonly lines: string[], readonly exitCode = 1) {
    super(lines.join('\n'));
  }
}

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? 'unknown error';

/** What a kind of input file is, for its messages, and how large it may be. */
export interface FileKind {
  /** Said of a folder, a FIFO or a device: e.g. "a scenario is a .json file". */
  readonly is: string;
  /** e.g. "a scenario file is at most 1 MB". */
  readonly limit: string;
  readonly maxBytes: number;
}

export const SCENARIO_FILE: FileKind = { is: 'a scenario is a .json file', limit: 'a scenario file is at most 1 MB', maxBytes: MAX_SCENARIO_BYTES };

const CHUNK_BYTES = 1 << 20;

/** `-` as an input path: standard input. */
export const STDIN = '-';

/** How an input is named in messages: its path (printable), or `stdin`. */
export const inputName = (path: string) => (path === STDIN ? 'stdin' : plain(path));

const pauseCell = new Int32Array(new SharedArrayBuffer(4));
/** Wait a few milliseconds without returning to the event loop (a non-blocking descriptor not ready yet). */
export const pause = (ms: number) => Atomics.wait(pauseCell, 0, 0, ms);

/** Everything left on a descriptor, or a UserError past `kind.maxBytes`. */
function readAllBytes(fd: number, name: string, kind: FileKind): Buffer {
  const chunks: Buffer[] = [];
  let size = 0;
  for (;;) {
    const chunk = Buffer.alloc(CHUNK_BYTES);
    let read: number;
    try {
      read = readSync(fd, chunk, 0, CHUNK_BYTES, null);
    } catch (error) {
      if (codeOf(error) === 'EAGAIN') { pause(5); continue; } // a non-blocking pipe with nothing in it yet
      if (codeOf(error) === 'EOF') break; // how Windows ends a pipe
      throw error;
    }
    if (read === 0) break;
    size += read;
    if (size > kind.maxBytes) throw new UserError([`${name}: too large (over ${kind.maxBytes} bytes; ${kind.limit})`]);
    chunks.push(chunk.subarray(0, read));
  }
  return Buffer.concat(chunks, size);
}

/**
 * A regular file's text, at most `kind.maxBytes`; `-` reads standard input (up
 * to the same limit). Anything else (a folder, a FIFO, a device such as
 * /dev/zero) is refused before a byte is read: the file is opened without
 * blocking (a FIFO would wait for a writer) and checked by the descriptor, so
 * it cannot be swapped in between; reading stops past the limit.
 */
export function readRegularFile(path: string, kind: FileKind): string {
  return readRegularBytes(path, kind).toString('utf8');
}

/** As readRegularFile, the bytes undecoded (a chat export may be UTF-16 or GBK). */
export function readRegularBytes(path: string, kind: FileKind): Buffer {
  const cannot = (error: unknown) => new UserError([`${inputName(path)}: cannot read ${path === STDIN ? 'it' : 'the file'} (${codeOf(error) === 'ENOENT' ? 'no such file' : codeOf(error)})`]);
  if (path === STDIN) {
    try {
      return readAllBytes(0, inputName(path), kind);
    } catch (error) {
      throw error instanceof UserError ? error : cannot(error);
    }
  }
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw cannot(error);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new UserError([`${inputName(path)}: not a regular file (${kind.is})`]);
    if (stat.size > kind.maxBytes) throw new UserError([`${inputName(path)}: file is too large (${stat.size} bytes; ${kind.limit})`]);
    return readAllBytes(fd, inputName(path), kind); // and if it grew since, stop past the limit
  } catch (error) {
    throw error instanceof UserError ? error : cannot(error);
  } finally {
    closeSync(fd);
  }
}

/** A scenario file's text (or standard input's, for `-`), refused before reading if it is not a regular file or is too large. */
export function readScenarioText(file: string): string {
  return readRegularFile(file, SCENARIO_FILE);
}

/** The same file: device and inode, whatever the spelling (symbolic links, hard links, `..`, a folder link). */
function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/** Read-only: no write bit for anyone (checked by the mode, as root may write anyway), or not writable by this user. */
function readOnly(stat: Stats, path: string): boolean {
  if ((stat.mode & 0o222) === 0) return true;
  try {
    accessSync(path, constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

const statOrNull = (path: string): Stats | null => {
  try {
    return statSync(path);
  } catch {
    return null;
  }
};

/**
 * Refuse an output path before any work (and again just before writing): its
 * folder must exist and be writable; it must not be a folder, a read-only file,
 * or the same file as an input, however it is spelt. `-` among the inputs is stdin.
 */
export function checkOutputPath(flag: string, path: string, inputs: readonly string[]): void {
  const refuse = (why: string) => new UserError([`${flag} ${plain(path)}: ${why}`]);
  const target = statOrNull(path);
  if (target?.isDirectory()) throw refuse('is a folder; name a file');
  // the file is replaced in the folder it really is in (through a symbolic link)
  const folder = dirname(target ? realpathSync(path) : resolve(path));
  const folderStat = statOrNull(folder);
  if (!folderStat?.isDirectory()) throw refuse(`the folder ${plain(folder)} does not exist`);
  if (readOnly(folderStat, folder)) throw refuse(`the folder ${plain(folder)} is not writable`);
  if (!target) return; // a new file: no input can be it
  const input = inputs.find((file) => {
    const stat = file === '-' ? null : statOrNull(file);
    return stat !== null && sameFile(stat, target);
  });
  if (input !== undefined) throw refuse(input === path ? 'is an input file; write to another file' : `is the input file ${plain(input)}; write to another file`);
  if (!target.isFile()) throw refuse('is not a regular file; name a file');
  if (readOnly(target, path)) throw refuse('is read-only; make it writable or write to another file');
}

/**
 * Write the whole text or nothing: to a temporary file beside the target, then
 * rename it into place. The checks of `checkOutputPath` are repeated first; a
 * symbolic link is written through (the file it points to is replaced, the link
 * kept), and a replaced file keeps its permissions.
 */
export function writeAtomically(flag: string, path: string, text: string, inputs: readonly string[]): void {
  checkOutputPath(flag, path, inputs);
  const existing = statOrNull(path);
  const target = existing ? realpathSync(path) : path;
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text, { flag: 'wx' });
    if (existing) chmodSync(temporary, existing.mode & 0o7777);
    renameSync(temporary, target);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // nothing was written
    }
    throw new UserError([`${flag} ${plain(path)}: cannot write the file (${codeOf(error)})`]);
  }
}

/* eslint-disable no-control-regex */
/**
 * A terminal's escape sequences, whole: CSI (`ESC [ … final`, or the one-byte
 * CSI), strings (OSC `ESC ] …`, DCS, SOS, PM, APC, up to BEL or ST, or to the
 * end), and two- or three-character escapes (`ESC ( B`, `ESC c`).
 */
const ESCAPE_SEQUENCE = /\u001b\[[0-?]*[ -/]*[@-~]|\u009b[0-?]*[ -/]*[@-~]|\u001b[\]PX^_][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[ -/]*[0-~]/g;
/** What is left to remove: control characters, and the bidi controls that reorder a line (a name shown backwards, "Trojan Source"). */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/* eslint-enable no-control-regex */

/** Text for the terminal: escape sequences, control characters and bidi controls removed. */
export function plain(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '');
}
