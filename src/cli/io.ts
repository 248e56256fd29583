/**
 * The command line's files and terminal output, made safe: a scenario file is
 * size-checked (and must be a regular file) before it is read; an output path
 * is checked before the run (its folder exists, it is not a folder, it is not
 * an input) and written atomically (a temporary file, then a rename), so a
 * failed write never leaves a half-written file in place of a good one; names
 * are printed without control characters.
 */
import { existsSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
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

/** Refuse an output path before any work: its folder must exist, it must not be a folder or an input. */
export function checkOutputPath(flag: string, path: string, inputs: readonly string[]): void {
  const target = resolve(path);
  if (inputs.some((input) => resolve(input) === target)) throw new UserError([`${flag} ${path}: is an input file; write to another file`]);
  const folder = dirname(target);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UserError([`${flag} ${path}: the folder ${folder} does not exist`]);
  if (existsSync(target) && statSync(target).isDirectory()) throw new UserError([`${flag} ${path}: is a folder; name a file`]);
}

/** Write the whole text or nothing: to a temporary file beside the target, then rename it into place. */
export function writeAtomically(flag: string, path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // nothing was written
    }
    throw new UserError([`${flag} ${path}: cannot write the file (${codeOf(error)})`]);
  }
}

/** Text for the terminal: control characters (escape sequences, bells, line breaks) removed. */
export function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}
