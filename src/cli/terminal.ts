/**
 * The command line's standard output. Everything printed goes through `print`;
 * the entry point makes every write checked (`checkEveryWrite`): written whole
 * and synchronously to file descriptor 1, so a full disk or a file-size limit
 * (`ulimit -f`) ends the command with one line and a non-zero exit instead of a
 * silently cut file, and a reader that stops early (`| head`) ends it quietly.
 * Until then (in tests) output goes to process.stdout, where it can be captured.
 * A list of problems is cut to its first 20 lines and a count of the rest.
 */
import { writeSync } from 'node:fs';
import { pause, UserError } from './io.ts';

/** The reader of standard output went away (a closed pipe): stop quietly. */
export class OutputClosed extends Error {
  constructor() {
    super('standard output closed');
    this.name = 'OutputClosed';
  }
}

let writeOut = (text: string): void => {
  process.stdout.write(text);
};

/** At most this many problems are printed: a file with 30,000 of them is not 30,000 lines. */
export const MAX_PROBLEMS_PRINTED = 20;

/** The first MAX_PROBLEMS_PRINTED lines, then how many more there are. */
export function capped(lines: readonly string[]): string[] {
  if (lines.length <= MAX_PROBLEMS_PRINTED) return [...lines];
  return [...lines.slice(0, MAX_PROBLEMS_PRINTED), `… and ${(lines.length - MAX_PROBLEMS_PRINTED).toLocaleString('en-US')} more`];
}

/** One line (or several) to standard output. */
export function print(text = ''): void {
  writeOut(`${text}\n`);
}

/** From now on, every write to standard output is checked (the entry point calls this). */
export function checkEveryWrite(): void {
  writeOut = writeAll;
}

function writeAll(text: string): void {
  const bytes = Buffer.from(text);
  // a short write (a file-size limit, a full disk) is followed by another that says why
  for (let at = 0; at < bytes.length;) {
    try {
      at += writeSync(1, bytes, at);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
      if (code === 'EAGAIN') pause(5); // a non-blocking pipe that is full: wait for the reader
      else if (code === 'EPIPE') throw new OutputClosed();
      else throw new UserError([`standard output: cannot write (${code}); the output is incomplete`]);
    }
  }
}
