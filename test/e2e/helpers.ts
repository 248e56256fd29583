/** Shared by the e2e tests: a browser per file, a fresh context per test, waiting for results. */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
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
  // the app runs under its Content-Security-Policy: a violation is an error of the test
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/.test(message.text())) errors.push(message.text());
  });
  return { context, page };
}

/** Waits until an ensemble finishes after the one numbered `previous`; returns its number. */
export async function waitForResults(page: Page, previous = 0): Promise<number> {
  const status = page.locator('qc-app .progress-text');
  const finished = async () => Number((await status.getAttribute('data-run')) ?? 0);
  await expect.poll(finished, { timeout: 30_000 }).toBeGreaterThan(previous);
  return finished();
}

/** Autosaves written so far on this page. */
export async function savesSoFar(page: Page): Promise<number> {
  return Number((await page.locator('qc-app-bar .autosave').getAttribute('data-saves')) ?? 0);
}

/** Waits until the draft has been autosaved more often than `previous` times. */
export async function waitForAutosave(page: Page, previous: number): Promise<void> {
  await expect.poll(() => savesSoFar(page), { timeout: 10_000 }).toBeGreaterThan(previous);
  await expect.poll(() => page.locator('qc-app-bar .autosave').getAttribute('data-state')).toBe('saved');
}

export interface Session {
  page: Page;
  context: BrowserContext;
  /** Uncaught errors of the current page. */
  errors: string[];
}

/** One browser for the file, a fresh context and page for every test. */
export function useSession(): Session {
  let browser: Browser | undefined;
  const session = { errors: [] } as unknown as Session;
  beforeAll(async () => { browser = await launch(); });
  afterAll(async () => { await browser?.close(); });
  beforeEach(async () => {
    await session.context?.close();
    session.errors = [];
    Object.assign(session, await freshPage(browser!, session.errors));
  });
  return session;
}

/** Buttons, selects and inputs drawn on the page (not the § links, which print as text), through every shadow root, as "tag.class (host)" (a printed page should have none). */
export function visibleControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) walk(el.shadowRoot);
        // a "§n" link prints as plain text (its print style), not as a control
        if (el.classList.contains('section-link')) continue;
        if ((el.tagName === 'BUTTON' || el.tagName === 'SELECT' || el.tagName === 'INPUT') && (el as HTMLElement).getClientRects().length > 0) {
          found.push(`${el.tagName.toLowerCase()}.${el.className} (${root instanceof ShadowRoot ? root.host.tagName.toLowerCase() : 'document'})`);
        }
      }
    };
    walk(document);
    return found;
  });
}
