/**
 * The command line's files and terminal output, made safe: a scenario file is
 * size-checked (and must be a regular file) before it is read; an output path
 * is checked before the run and again before writing (its folder exists and is
 * writable; it is not a folder, a read-only file or an input, compared by device
 * and inode rather than by spelling) and written atomically (a temporary file,
 * then a rename), so a failed write never leaves a half-written file in place of
 * a good one; names are printed without control characters.
 */
import { accessSync, chmodSync, constants, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { MAX_SCENARIO_BYTES } from '../model/scenario.ts';

/** Bad input: printed as these lines, exit code 1. */
export class UserError extends Error {
  /** `exitCode`: 1 for bad input; 130 when the user interrupted (Ctrl-C). */
  constructor(readonly lines: string[], readonly exitCode = 1) {
    super(lines.join('\n'));
  }
}

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? 'unknown error';

/** A scenario file's text, refused before reading if it is not a regular file or is too large. */
export function readScenarioText(file: string): string {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new UserError([`${file}: not a regular file (a scenario is a .json file)`]);
    size = stat.size;
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError([`${file}: cannot read the file (${codeOf(error) === 'ENOENT' ? 'no such file' : codeOf(error)})`]);
  }
  if (size > MAX_SCENARIO_BYTES) throw new UserError([`${file}: file is too large (${size} bytes; a scenario file is at most 1 MB)`]);
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserError([`${file}: cannot read the file (${codeOf(error)})`]);
  }
}

/** The same file: device and inode, whatever the spelling (symbolic links, hard links, `..`, a folder link). */
function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/** No write bit for anyone: the owner marked it read-only (checked explicitly, as root may write anyway). */
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

/** Text for the terminal: control characters (escape sequences, bells, line breaks) removed. */
export function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}
