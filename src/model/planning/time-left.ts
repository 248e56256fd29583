/**
 * How long a planning job has left, from the speed measured on it: runs done
 * per second over the last few seconds, from the first batch of runs that
 * finished on (the first batch's time includes starting the workers and
 * compiling the engine, so it is not counted). A job whose later stages are
 * only estimated (a goal seek, a frontier) counts on its expected runs
 * (`expectedSearchRuns`, `expectedFrontierRuns`), corrected as it goes.
 * No estimate before a tenth of the job and a few seconds of measured speed:
 * the first seconds are slow (the engine still compiling in each worker; on
 * the CLI a diagnosis of knowledge-sharing ran at 165 runs/s in its first
 * 2 s and 600 runs/s after, so "~21 s left" was shown with 4 s left).
 * Pure: the caller gives the time.
 */
import type { Executor } from './jobs.ts';

/** Speed is measured over about this much of the most recent work (short: the speed rises as the workers warm up). */
export const SPEED_WINDOW_MS = 2_000;
/** No estimate before this share of the job is done… */
export const FIRST_ESTIMATE_SHARE = 0.1;
/** …and before the speed has been measured for this long. */
export const FIRST_ESTIMATE_MS = 3_000;

export class TimeLeft {
  private readonly marks: { readonly t: number; readonly done: number }[] = [];
  private firstT: number | null = null;

  /** A progress report at time `t` (ms): the estimated ms left, or null until the speed is known. */
  update(t: number, done: number, total: number): number | null {
    if (done <= 0) return null;
    const last = this.marks.at(-1);
    if (!last || done > last.done) this.marks.push({ t, done });
    this.firstT ??= t;
    if (done < FIRST_ESTIMATE_SHARE * total || t - this.firstT < FIRST_ESTIMATE_MS) return null;
    // keep the marks of the last few seconds (and always two, for a speed)
    while (this.marks.length > 2 && t - this.marks[1].t >= SPEED_WINDOW_MS) this.marks.shift();
    const first = this.marks[0];
    const runs = done - first.done;
    const ms = t - first.t;
    if (runs <= 0 || ms <= 0) return null;
    return Math.max(0, total - done) * (ms / runs);
  }
}

/** An executor that counts the runs finished, task by task (for a job's progress over all its stages). */
export function countingRuns(executor: Executor, onRuns: (done: number) => void): Executor {
  let done = 0;
  return (scenarios, tasks, onTask) => executor(scenarios, tasks, (result) => {
    done += result.count;
    onRuns(done);
    onTask?.(result);
  });
}

/** A bar that reached 100 % while runs are left (an estimate used up) is held here instead. */
const HELD_SHARE_MAX = 0.99;

/**
 * A job's progress over all its stages when its later stages are only
 * estimated: the runs done, and the runs expected in all (those done when the
 * estimate was made + the estimate of what was left then; re-estimated as each
 * stage starts). The share done never falls: an estimate that rises faster
 * than the runs done holds the share where it was (the bar waits) instead of
 * sending it back; only a bar at 100 % with runs still to come goes back, to 99 %.
 */
export class JobProgress {
  private done = 0;
  private base = 0;
  private left = 0;
  private shown = 0;

  constructor(private readonly report: (done: number, total: number) => void) {}

  /** The runs expected from now on (at a stage's start, or when a stage knows its size). */
  expect(left: number): void {
    this.base = this.done;
    this.left = Math.max(0, left);
  }

  /** The runs done so far in the whole job (from `countingRuns`). */
  runs(done: number): void {
    this.done = done;
    this.report(done, this.total());
  }

  /** The job is over: every run it made, of as many. */
  finish(): void {
    this.report(this.done, this.done);
  }

  /** The runs expected in all, as reported now. */
  total(): number {
    const estimate = Math.max(this.done, this.base + this.left);
    const held = this.shown < 1 ? this.shown : HELD_SHARE_MAX;
    const total = held > 0 ? Math.min(Math.ceil(estimate), Math.max(this.done, Math.floor(this.done / held))) : Math.ceil(estimate);
    if (total > 0) this.shown = Math.max(this.shown, this.done / total);
    return total;
  }
}
