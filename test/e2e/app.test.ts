/** The built app, served by `vite preview`, used in Debian's Chromium as a planner would. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { SHOTS, useSession, waitForResults as waitFor, visibleControls } from './helpers.ts';
import type { Page } from 'playwright-core';

const session = useSession();

const waitForResults = (previous?: number) => waitFor(session.page, previous);

/** The median of a scorecard row, as a number (percent signs and separators dropped). */
async function medianOf(metric: string): Promise<number> {
  const cell = session.page.locator(`qc-scorecard tr[data-metric="${metric}"] td`).first();
  await expect.poll(async () => (await cell.textContent())?.trim() ?? '—', { timeout: 20_000 }).not.toBe('—');
  return Number((await cell.textContent())!.replace(/[^\d.]/g, ''));
}

describe('the lab', () => {
  it('runs the knowledge-sharing preset and shows the scorecard and charts', async () => {
    await session.page.goto(inject('baseUrl'));
    await waitForResults();
    expect(await session.page.locator('qc-scorecard tr[data-metric]').count()).toBeGreaterThanOrEqual(8);
    expect(await session.page.locator('qc-series-chart').count()).toBe(10);
    expect(await session.page.locator('qc-series-chart >> path.median').count()).toBeGreaterThanOrEqual(10);
    expect(await session.page.locator('qc-series-chart >> line.threshold-line').count()).toBeGreaterThanOrEqual(6);
    expect(await session.page.locator('qc-stacked-chart').count()).toBe(2);
    await session.page.screenshot({ path: `${SHOTS}/lab-en.png`, fullPage: true });
    expect(session.errors).toEqual([]);
  });

  it('prints the core-active definition with the goal, and follows an edit of it', async () => {
    await session.page.goto(inject('baseUrl'));
    const first = await waitForResults();
    const row = session.page.locator('qc-scorecard tr[data-metric="coreActiveUsers"]');
    await expect.poll(() => row.textContent()).toMatch(/spoke on ≥ 4 of the last 14 days/);
    const minDays = session.page.locator('qc-strategy-editor #f-goals-coreActive-minDays');
    await minDays.fill('2');
    await minDays.press('Tab');
    await waitForResults(first);
    await expect.poll(() => row.textContent()).toMatch(/spoke on ≥ 2 of the last 14 days/);
    expect(session.errors).toEqual([]);
  });

  it('moving the posting window from 19–21 to 14–15 lowers the topic response', async () => {
    await session.page.goto(inject('baseUrl'));
    const first = await waitForResults();
    const evening = await medianOf('topicResponseInWindow');
    const from = session.page.locator('qc-strategy-editor select[aria-label="Posting window from"]');
    const to = session.page.locator('qc-strategy-editor select[aria-label="Posting window to"]');
    await from.selectOption('14');
    const second = await waitForResults(first);
    await to.selectOption('15');
    await waitForResults(second);
    const afternoon = await medianOf('topicResponseInWindow');
    expect(afternoon).toBeLessThan(evening);
    expect(session.errors).toEqual([]);
  });

  it('keeps the last valid strategy running while a field is out of range', async () => {
    await session.page.goto(inject('baseUrl'));
    await waitForResults();
    const days = session.page.locator('qc-strategy-editor #f-horizonDays');
    await days.fill('9999');
    await days.press('Tab');
    await expect.poll(() => session.page.locator('qc-strategy-editor #f-horizonDays-problem').textContent()).toBe('must be a whole number from 1 to 365 days');
    expect(await session.page.locator('qc-scorecard h2').textContent()).toBe('Scorecard after 30 days');
    await days.fill('60');
    await days.press('Tab');
    await expect.poll(() => session.page.locator('qc-scorecard h2').textContent(), { timeout: 20_000 }).toBe('Scorecard after 60 days');
  });

  it('switches to Chinese and remembers the choice', async () => {
    await session.page.goto(inject('baseUrl'));
    await waitForResults();
    await session.page.locator('qc-app button.lang').click();
    await expect.poll(() => session.page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await session.page.locator('qc-scorecard h2').textContent()).toBe('30 天后的记分卡');
    expect(await session.page.locator('qc-strategy-editor summary').first().textContent()).toContain('群定位与目标');
    await session.page.screenshot({ path: `${SHOTS}/lab-zh.png`, fullPage: true });
    await session.page.reload();
    await expect.poll(() => session.page.locator('qc-scorecard h2').textContent(), { timeout: 20_000 }).toMatch(/记分卡/);
  });

  it('runs the full ensemble with progress, and cancel stops it', async () => {
    await session.page.goto(inject('baseUrl'));
    const first = await waitForResults();
    const runs = session.page.locator('qc-strategy-editor #f-runs');
    await runs.fill('5000');
    await runs.press('Tab');
    await waitForResults(first);
    await session.page.locator('qc-app button.run').click();
    await expect.poll(() => session.page.locator('qc-app .progress-text').textContent()).toMatch(/\/ 5000 runs/);
    await expect.poll(() => session.page.locator('qc-app .progress-text').getAttribute('data-shown')).toBe('partial');
    await session.page.locator('qc-app button.cancel').click();
    await expect.poll(() => session.page.locator('qc-app .notice').textContent()).toMatch(/Cancelled/);
    expect(await session.page.locator('qc-app button.run').isVisible()).toBe(true);
    // the results kept are the part done, and say so on screen and in their exports
    expect(await session.page.locator('qc-app .progress-text').textContent()).toMatch(/^Cancelled: the results below are the \d+ runs done of 5000/);
    const [json] = await Promise.all([session.page.waitForEvent('download'), session.page.locator('qc-app button.export-json').click()]);
    expect(json.suggestedFilename()).toMatch(/-partial-\d+-runs\.results\.json$/);
    const exported = JSON.parse(readFileSync((await json.path())!, 'utf8'));
    expect(exported.run).toEqual({ kind: 'partial', runs: exported.runs, of: 5000 });
    expect(exported.runs).toBeLessThan(5000);
  });

  it('is keyboard operable: tab reaches the editor and the charts', async () => {
    await session.page.goto(inject('baseUrl'));
    await waitForResults();
    const visited = new Set<string>();
    for (let i = 0; i < 60; i++) {
      await session.page.keyboard.press('Tab');
      visited.add(await session.page.evaluate(() => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el ? el.tagName.toLowerCase() : '';
      }));
    }
    expect(visited).toContain('select');
    expect(visited).toContain('input');
    expect(visited).toContain('button');
  });

  it('the first Tab stop skips to the results: Enter lands on the run button', async () => {
    await session.page.goto(inject('baseUrl'));
    await waitForResults();
    await session.page.keyboard.press('Tab');
    const focused = () => session.page.evaluate(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el ? `${el.tagName.toLowerCase()}.${el.className}` : '';
    });
    expect(await focused()).toBe('button.skip');
    await session.page.keyboard.press('Enter');
    await expect.poll(focused).toBe('button.run');
  });

  it('exports a chart image that says what it shows: title, scenario, seed, runs and date', async () => {
    await session.page.goto(inject('baseUrl'));
    await waitForResults();
    const download = session.page.waitForEvent('download');
    await session.page.locator('qc-series-chart[data-series="speakingRate30d"] button.export-svg').click();
    const svg = readFileSync((await (await download).path())!, 'utf8');
    expect(svg).toMatch(/<text[^>]*>Speaking rate \(30 d\)<\/text>/);
    expect(svg).toMatch(/Knowledge sharing — the playbook followed · seed 20261126 · 60 runs \(Quick preview\) · \d{4}-\d{2}-\d{2}/);
    // the day axis' title and the legend travel with the image (on screen they are HTML)
    expect(svg).toMatch(/<text class="export-x-title"[^>]*>day \(day 1: the day the group is created\)<\/text>/);
    for (const label of ['median', 'p25–p75', 'p10–p90', 'the playbook’s goal']) expect(svg).toContain(`>${label}</text>`);
  });
});

/** A view as a user sees it once it has done its work: the replay made, a lesson answered. */
async function prepare(page: Page, view: string): Promise<void> {
  if (view === 'replay') await expect.poll(() => page.locator('qc-replay-view .when').count(), { timeout: 30_000 }).toBe(1);
  if (view === 'lessons') {
    await page.locator('qc-lessons-view .pick-lesson').first().click();
    await page.locator('qc-lessons-view input[value="lower"]').check();
    await page.locator('qc-lessons-view button.run-lesson').click();
    await expect.poll(() => page.locator('qc-lessons-view .verdict').count(), { timeout: 60_000 }).toBe(1);
  }
}

describe('the built app', () => {
  it('runs under its Content-Security-Policy, which blocks what it does not allow, and ships no source maps', async () => {
    const { page } = session;
    const html = await (await page.request.get(inject('baseUrl'))).text();
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; worker-src 'self';/);
    await page.goto(inject('baseUrl'));
    await waitFor(page);
    // charts exported as PNG go through a blob: image, which the policy allows
    const [png] = await Promise.all([page.waitForEvent('download'), page.locator('qc-series-chart').first().locator('button.export-png').click()]);
    expect(await png.failure()).toBeNull();
    expect(session.errors).toEqual([]);
    // and the policy is in force: an image from elsewhere is refused, and the test hears of it
    await page.evaluate(() => { const img = document.createElement('img'); img.src = 'https://example.invalid/x.png'; document.body.append(img); });
    await expect.poll(() => session.errors.join('\n')).toMatch(/Content Security Policy/);
    expect(readdirSync('dist/assets').filter((f) => f.endsWith('.map'))).toEqual([]);
  });

  it('fits a phone: no view scrolls sideways at 390 px', async () => {
    const { page } = session;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(inject('baseUrl'));
    await waitForResults();
    for (const view of ['lab', 'plan', 'library', 'compare', 'replay', 'lessons', 'playbook']) {
      await page.locator(`qc-app-bar button.view-${view}`).click();
      await prepare(page, view);
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth), { message: view }).toBeLessThanOrEqual(390);
    }
    expect(session.errors).toEqual([]);
  });

  it('walks every view in Chinese and finds no English left untranslated', async () => {
    const { page } = session;
    await page.goto(inject('baseUrl'));
    await waitForResults();
    await page.locator('qc-app-bar button.lang').click();
    // terms kept as they are: file formats, the app's name, the language switch, method and playbook terms
    const allowed = new Set(['CSV', 'JSON', 'PNG', 'SVG', 'Lab', 'English', 'SMART', 'KOL', 'Morris', 'Sobol', 'PRIM', 'API']);
    for (const view of ['lab', 'plan', 'library', 'compare', 'replay', 'lessons', 'playbook']) {
      await page.locator(`qc-app-bar button.view-${view}`).click();
      await prepare(page, view);
      const words = await page.evaluate(() => {
        const out: string[] = [];
        const walk = (root: Node) => {
          const it = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
          for (let n: Node | null = it.currentNode; n; n = it.nextNode()) {
            if (n instanceof Element) {
              if (n.shadowRoot) walk(n.shadowRoot);
              for (const a of ['aria-label', 'title']) if (n.getAttribute(a)) out.push(n.getAttribute(a)!);
            } else if (n.nodeType === Node.TEXT_NODE && !['STYLE', 'SCRIPT'].includes(n.parentElement?.tagName ?? '')) out.push(n.textContent ?? '');
          }
        };
        walk(document.body);
        return out.flatMap((text) => text.match(/\b[A-Za-z]{3,}\b/g) ?? []);
      });
      expect(words.filter((w) => !allowed.has(w)), view).toEqual([]);
    }
    expect(session.errors).toEqual([]);
  });

  it('the charts follow a slider while it is dragged', async () => {
    const { page } = session;
    await page.goto(inject('baseUrl'));
    await waitForResults();
    const during = await page.evaluate(async () => {
      const shell = document.querySelector('qc-app')!;
      const editor = shell.shadowRoot!.querySelector('qc-lab-view')!.shadowRoot!.querySelector('qc-strategy-editor')!;
      const slider = editor.shadowRoot!.querySelector('input[type=range][aria-label="Content posts per week"]') as HTMLInputElement;
      let results = 0;
      shell.addEventListener('results', () => { results++; });
      // a 2-second drag: a new value every 40 ms, never pausing long enough for the debounce
      for (let k = 0; k < 50; k++) {
        slider.value = String(1 + (k % 10));
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
      return results;
    });
    expect(during).toBeGreaterThanOrEqual(2);
    expect(session.errors).toEqual([]);
  });

  it('prints a handout: the scenario, scorecard and charts, with no buttons and no editor', async () => {
    const { page } = session;
    await page.goto(inject('baseUrl'));
    await waitForResults();
    await page.emulateMedia({ media: 'print' });
    expect(await visibleControls(page)).toEqual([]);
    expect(await page.locator('qc-strategy-editor').isVisible()).toBe(false);
    expect(await page.locator('qc-scorecard').isVisible()).toBe(true);
    expect(await page.locator('qc-series-chart').first().isVisible()).toBe(true);
    await page.screenshot({ path: `${SHOTS}/print-en.png`, fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });
});
