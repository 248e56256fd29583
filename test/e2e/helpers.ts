/** Shared by the e2e tests: a browser per file, a fresh context per test, waiting for results. */
import { mkdirSync } from 'node:fs';
import { expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.ts';

export const SHOTS = 'test/e2e/__screenshots__';

export async function launch(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

export async function freshPage(browser: Browser, errors: string[]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-US', acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page };
}

/** Waits until a finished run is reported (and, given the previous report, a new one). */
export async function waitForResults(page: Page, previous?: string): Promise<string> {
  const status = page.locator('qc-app .progress-text');
  await expect.poll(async () => {
    const text = (await status.textContent()) ?? '';
    return /runs in/.test(text) && text !== previous;
  }, { timeout: 30_000 }).toBe(true);
  return (await status.textContent())!;
}
