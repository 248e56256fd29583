/**
 * The command line's terminal: standard output, and progress on stderr.
 * Everything printed goes through `print`;
 * the entry point makes every write checked (`checkEveryWrite`): written whole
 * and synchronously to file descriptor 1, so a full disk or a file-size limit
 * (`ulimit -f`) ends the command with one line and a non-zero exit instead of a
 * silently cut file, and a reader that stops early (`| head`) ends it quietly.
 * Until then (in tests) output goes to process.stdout, where it can be captured.
 * A list of problems is cut to its first 20 lines and a count of the rest.
 * Progress is a line rewritten in place on a terminal, a line per tenth in a log.
 */
import { TimeLeft } from '../model/planning/time-left.ts';
import { writeSync } from 'node:fs';
import { MAX_PROBLEMS_SHOWN } from '../model/files.ts';
import { pause, UserError } from './io.ts';
import type { Locale } from '../model/format.ts';

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

/** At most this many problems are printed: a file with 30,000 of them is not 30,000 lines (the browser shows as many). */
export const MAX_PROBLEMS_PRINTED = MAX_PROBLEMS_SHOWN;

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

/** A progress line on a terminal is rewritten in place (\r) and not yet ended. */
let progressLineOpen = false;

/** End a progress line left open, so what follows starts on a line of its own. */
export function endProgressLine(): void {
  if (progressLineOpen) process.stderr.write('\n');
  progressLineOpen = false;
}

/**
 * Progress on stderr: on a terminal one line rewritten at most twice a second
 * (done, elapsed, left); in a log (a file, a pipe, CI) a line at each tenth of
 * the job, so a long job shows it is alive without filling the log. `unit`
 * names what is counted ("runs"); null shows a percentage only (a job that
 * reports a fraction done, such as a calibration). In Chinese (`locale`
 * zh-CN, the label given in Chinese) the line is Chinese too:
 * "诊断：10%（310/3010 次模拟，3.9 秒，约剩 4 秒）".
 */
export function progressPrinter(label: string, unit: string | null = 'runs', locale: Locale = 'en'): (done: number, total: number) => void {
  const started = performance.now();
  let last = 0;
  let tenthsShown = 0;
  const zh = locale === 'zh-CN';
  const unitText = unit && zh ? (UNITS_ZH[unit] ?? unit) : unit;
  const seconds = (v: number, digits: number) => (zh ? `${v.toFixed(digits)} 秒` : `${v.toFixed(digits)} s`);
  // time left from the speed measured since the first runs finished (the threads' start-up not counted)
  const timeLeft = new TimeLeft();
  return (done, total) => {
    const now = performance.now();
    const elapsed = (now - started) / 1000;
    const leftMs = timeLeft.update(now, done, total);
    const leftText = leftMs === null ? '' : zh ? `，约剩 ${seconds(leftMs / 1000, 0)}` : `, ~${seconds(leftMs / 1000, 0)} left`;
    if (!process.stderr.isTTY) {
      const tenths = Math.floor((done / total) * 10);
      if (tenths <= tenthsShown) return;
      tenthsShown = tenths;
      const count = unitText ? `${done}/${total} ${unitText}${zh ? '，' : ', '}` : '';
      const left = done < total ? leftText : '';
      process.stderr.write(zh ? `${label}：${tenths * 10}%（${count}${seconds(elapsed, 1)}${left}）\n` : `${label}: ${tenths * 10} % (${count}${seconds(elapsed, 1)}${left})\n`);
      return;
    }
    if (now - last < 500 && done < total) return;
    last = now;
    const count = unitText ? `${done}/${total} ${unitText}` : zh ? `${Math.floor((done / total) * 100)}%` : `${Math.floor((done / total) * 100)} %`;
    const left = leftMs === null ? (zh ? '正在测速' : 'measuring speed') : zh ? `约剩 ${seconds(leftMs / 1000, 1)}` : `~${seconds(leftMs / 1000, 1)} left`;
    process.stderr.write(zh
      ? `\r${label}：${count} · 已用 ${seconds(elapsed, 1)} · ${left}   ${done === total ? '\n' : ''}`
      : `\r${label}: ${count} · ${seconds(elapsed, 1)} elapsed · ${left}   ${done === total ? '\n' : ''}`);
    progressLineOpen = done < total;
  };
}

/** What a progress line counts, in Chinese. */
const UNITS_ZH: Record<string, string> = { runs: '次模拟' };
