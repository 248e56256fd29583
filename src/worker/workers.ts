/** The app's worker factories (Vite bundles each worker as its own module chunk). */
import * as Comlink from 'comlink';
import { WorkerPool } from './pool.ts';
import type { LinkApi, SimulationApi } from './protocol.ts';
import type { Scenario } from '../model/scenario.ts';
import type { RunResult } from '../model/metrics.ts';
import type { ChatLog } from '../model/engine/chat.ts';
import type { OpenResult } from '../model/files.ts';
import { makeProblem } from '../model/scenario.ts';

export function createSimulationWorker(): Worker {
  return new Worker(new URL('./simulation.worker.ts', import.meta.url), { type: 'module', name: 'simulation' });
}

export function createSummaryWorker(): Worker {
  return new Worker(new URL('./summary.worker.ts', import.meta.url), { type: 'module', name: 'summary' });
}

/** The planner (planner.ts): planning jobs off the page's main thread, their simulations on the pool. */
export function createPlannerWorker(): Worker {
  return new Worker(new URL('./planner.worker.ts', import.meta.url), { type: 'module', name: 'planner' });
}

export function defaultPoolSize(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 1 : 1;
  return Math.max(1, Math.min(cores, 8));
}

export function createPool(size = defaultPoolSize()): WorkerPool {
  return new WorkerPool({ size, createSimulationWorker, createSummaryWorker });
}

/** The worker that reads share links and scenario files. */
function createLinkWorker(): Worker {
  return new Worker(new URL('./link.worker.ts', import.meta.url), { type: 'module', name: 'link' });
}

/** A link that takes longer than this to read is refused (a valid scenario's link reads in milliseconds). */
export const LINK_READ_TIMEOUT_MS = 5_000;

/**
 * One call in a worker made for it: the worker is gone afterwards, and the
 * call fails (rather than waiting forever) if the worker dies.
 */
async function inOwnWorker<Api, T>(worker: Worker, use: (api: Comlink.Remote<Api>) => Promise<T>): Promise<T> {
  const api = Comlink.wrap<Api>(worker);
  const died = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (event) => reject(new Error(event.message || 'the worker stopped')));
  });
  try {
    return await Promise.race([use(api), died]);
  } finally {
    api[Comlink.releaseProxy]();
    worker.terminate();
  }
}

/**
 * Reads a share link in a worker of its own, stopped after `timeoutMs`: whatever
 * a link holds, the page stays responsive and the worker is gone afterwards.
 */
export async function decodeLinkInWorker(fragment: string, timeoutMs = LINK_READ_TIMEOUT_MS): Promise<OpenResult> {
  const refused = (en: string, zh: string): OpenResult => ({ ok: false, problems: [makeProblem('', en, zh)] });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<OpenResult>((resolve) => {
    timer = setTimeout(() => resolve(refused(`the share link took longer than ${timeoutMs / 1000} s to read and was not opened; share the scenario as a file instead`, `分享链接读取超过 ${timeoutMs / 1000} 秒，未打开；请改用场景文件分享`)), timeoutMs);
  });
  const worker = createLinkWorker();
  try {
    return await inOwnWorker<LinkApi, OpenResult>(worker, (api) => Promise.race([api.decode(fragment), timedOut]));
  } catch {
    return refused('the share link could not be read; ask for the link again', '分享链接无法读取，请重新获取链接');
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Reads a scenario file's text in a worker of its own: validating a large file
 * (30,000 problems take seconds) never freezes the page. No time limit: a file
 * is at most 1 MB and its validation ends; the problems come back capped.
 */
export async function openTextInWorker(text: string): Promise<OpenResult> {
  try {
    return await inOwnWorker<LinkApi, OpenResult>(createLinkWorker(), (api) => api.open(text));
  } catch {
    return { ok: false, problems: [makeProblem('', 'the file could not be read; try again', '文件无法读取，请重试')] };
  }
}

/** One run with its chat log, in a simulation worker of its own (a replay of a 500-member year would stall the page). */
export function replayInWorker(scenario: Scenario, runIndex: number): Promise<{ result: RunResult; chat: ChatLog }> {
  return inOwnWorker<SimulationApi, { result: RunResult; chat: ChatLog }>(createSimulationWorker(), (api) => api.replay(scenario, runIndex));
}
