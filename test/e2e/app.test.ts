/** The built app, served by `vite preview`, opened in Debian's Chromium as a user would. */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.ts';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
});
afterAll(async () => {
  await browser?.close();
});

describe('the app', () => {
  it('opens and introduces itself in both languages', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(inject('baseUrl'));
    await expect.poll(() => page.locator('qc-app h1').textContent()).toContain('群策 Lab');
    expect(await page.locator('qc-app [lang="zh-CN"]').first().textContent()).toMatch(/运营策略/);
    expect(await page.locator('qc-app [lang="en"]').first().textContent()).toMatch(/WeChat group strategy/);
    mkdirSync('test/e2e/__screenshots__', { recursive: true });
    await page.screenshot({ path: 'test/e2e/__screenshots__/home.png' });
    expect(errors).toEqual([]);
  });
});
