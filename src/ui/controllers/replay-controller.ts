/**
 * The chat replay of one run: which run, its chat log and daily series (made
 * in a worker of their own, on request only), the moment shown (absolute
 * minute since the group was created) and playback — play / pause at a speed
 * in simulated minutes per second.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChatLog } from '../../model/engine/chat.ts';
import type { Series } from '../../model/metrics.ts';
import type { Scenario } from '../../model/scenario.ts';
import { replayInWorker } from '../../worker/workers.ts';
import { messageOf, type NoticesController } from './notices-controller.ts';

/** Playback speeds offered, in simulated minutes per second of real time. */
export const REPLAY_SPEEDS = [60, 180, 720, 1440] as const;
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number];

/** How often playback moves the clock (ms). */
const TICK_MS = 100;
/** Where a replay starts: day 1, 08:00 (the first joins and the announcement). */
const START_MINUTE = 8 * 60;

export class ReplayController implements ReactiveController {
  /** The run shown (0-based; the UI counts from 1). */
  runIndex = 0;
  log: ChatLog | null = null;
  series: Series | null = null;
  /** The scenario the log was made from (a replay of an edited scenario is stale). */
  scenario: Scenario | null = null;
  loading = false;
  minute = START_MINUTE;
  playing = false;
  speed: ReplaySpeed = 180;
  private timer: ReturnType<typeof setInterval> | undefined;
  private request = 0;

  constructor(private readonly host: ReactiveControllerHost, private readonly notices: NoticesController) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.pause();
  }

  /** Make the replay of run `runIndex` of `scenario` (a worker runs it with the chat log on). */
  async load(scenario: Scenario, runIndex: number): Promise<void> {
    const request = ++this.request;
    this.pause();
    this.loading = true;
    this.host.requestUpdate();
    try {
      const { result, chat } = await replayInWorker(scenario, runIndex);
      if (request !== this.request) return; // a later request replaced this one
      this.log = chat;
      this.series = result.series;
      this.scenario = scenario;
      this.runIndex = runIndex;
      this.minute = START_MINUTE;
    } catch (error) {
      if (request === this.request) this.notices.notify({ key: 'runFailed', params: { message: messageOf(error) } });
    } finally {
      if (request === this.request) {
        this.loading = false;
        this.host.requestUpdate();
      }
    }
  }

  /** The last minute of the run. */
  get end(): number {
    return (this.log?.horizonDays ?? 1) * 1440 - 1;
  }

  seek(minute: number): void {
    this.minute = Math.max(0, Math.min(this.end, Math.round(minute)));
    if (this.minute >= this.end) this.pause();
    this.host.requestUpdate();
  }

  play(): void {
    if (!this.log || this.playing) return;
    if (this.minute >= this.end) this.minute = START_MINUTE;
    this.playing = true;
    this.timer = setInterval(() => this.seek(this.minute + (this.speed * TICK_MS) / 1000), TICK_MS);
    this.host.requestUpdate();
  }

  pause(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    if (this.playing) {
      this.playing = false;
      this.host.requestUpdate();
    }
  }

  setSpeed(speed: ReplaySpeed): void {
    this.speed = speed;
    this.host.requestUpdate();
  }
}
