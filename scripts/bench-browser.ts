/**
 * Browser benchmark (issue 3's figures): builds the app, serves it with
 * `vite preview`, drives Debian's Chromium and prints
 *   - a 200-run knowledge-sharing ensemble with a pool of 1 and of N workers,
 *     and the parallel efficiency;
 *   - the longest main-thread task (PerformanceObserver 'longtask') during a
 *     1,000-run ensemble run from the UI;
 *   - the time from a slider change to the updated median chart (quick ensemble),
 *     and the main-thread long tasks during those edits;
 *   - the production bundle sizes (gzip) of the main and worker chunks.
 * It prints figures and asserts nothing.   npm run bench:browser
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/chromium.ts';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (v: number) => `${v.toFixed(0)} ms`;

await build({ logLevel: 'warn' });
const server = await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
const address = server.httpServer.address();
if (!address || typeof address === 'string') throw new Error('no port');
const base = `http://127.0.0.1:${address.port}/`;
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });

try {
  // 1. pool of 1 vs pool of N
  const page = await browser.newPage();
  await page.goto(`${base}bench.html`);
  await page.waitForFunction(() => window.benchResults !== undefined, undefined, { timeout: 120_000 });
  const r = await page.evaluate(() => window.benchResults) as { poolSize: number; hardwareConcurrency: number; one: number[]; many: number[]; error?: string };
  if (r.error) throw new Error(r.error);
  const one = median(r.one);
  const many = median(r.many);
  console.log(`Chromium, navigator.hardwareConcurrency = ${r.hardwareConcurrency}`);
  console.log('200-run knowledge-sharing ensemble (median of 5)');
  console.log(`  pool of 1                     ${ms(one)}   (${r.one.map((v) => v.toFixed(0)).join(', ')})`);
  console.log(`  pool of ${r.poolSize}                     ${ms(many)}   (${r.many.map((v) => v.toFixed(0)).join(', ')})`);
  console.log(`  speed-up ${(one / many).toFixed(2)}×, parallel efficiency ${((one / many / r.poolSize) * 100).toFixed(0)} %`);
  await page.close();

  // 2. longest main-thread task during a 1,000-run ensemble, and 3. slider → chart
  const app = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await app.addInitScript(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await app.goto(base);
  await app.waitForFunction(() => Number(document.querySelector('qc-app')?.shadowRoot?.querySelector('qc-lab-view')?.shadowRoot?.querySelector('.progress-text')?.getAttribute('data-run') ?? 0) > 0, undefined, { timeout: 60_000 });

  await app.waitForTimeout(1000);
  await app.evaluate(() => { (window as unknown as { longTasks: number[] }).longTasks = []; });
  const sliderTimes: number[] = [];
  for (let k = 0; k < 7; k++) {
    const elapsed = await app.evaluate(async (postsPerWeek) => {
      const shell = document.querySelector('qc-app')!;
      const editor = shell.shadowRoot!.querySelector('qc-lab-view')!.shadowRoot!.querySelector('qc-strategy-editor')!;
      const slider = editor.shadowRoot!.querySelector('input[type=range][aria-label="Content posts per week"]') as HTMLInputElement;
      const done = new Promise<void>((resolve) => shell.addEventListener('results', () => resolve(), { once: true }));
      const started = performance.now();
      slider.value = String(postsPerWeek);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      await done;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      return performance.now() - started;
    }, 2 + (k % 4));
    sliderTimes.push(elapsed);
  }
  console.log('slider change → updated median charts (quick ensemble of 60 runs, incl. 60 ms debounce)');
  console.log(`  median ${ms(median(sliderTimes))}   (${sliderTimes.map((v) => v.toFixed(0)).join(', ')})`);
  const editTasks = await app.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  console.log(`  main-thread long tasks (> 50 ms) during the 7 edits: ${editTasks.length}; ${editTasks.length ? `longest ${ms(Math.max(...editTasks))} (${editTasks.map((v) => v.toFixed(0)).join(', ')})` : 'none'}`);

  await app.evaluate(() => { (window as unknown as { longTasks: number[] }).longTasks = []; });
  const runs = app.locator('qc-strategy-editor #f-runs');
  await runs.fill('1000');
  await runs.press('Tab');
  await app.waitForTimeout(1500);
  await app.evaluate(() => { (window as unknown as { longTasks: number[] }).longTasks = []; });
  const started = Date.now();
  await app.locator('qc-app button.run').click();
  await app.waitForFunction(() => /Full ensemble: 1000 runs/.test(document.querySelector('qc-app')?.shadowRoot?.querySelector('qc-lab-view')?.shadowRoot?.querySelector('.progress-text')?.textContent ?? ''), undefined, { timeout: 120_000 });
  const seconds = (Date.now() - started) / 1000;
  const tasks = await app.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  console.log(`1,000-run ensemble from the UI: ${seconds.toFixed(1)} s`);
  console.log(`  main-thread long tasks (> 50 ms): ${tasks.length}; longest ${tasks.length ? ms(Math.max(...tasks)) : 'none'}`);
} finally {
  await browser.close();
  server.httpServer.close();
}

// 4. bundle sizes
console.log('production bundle (gzip)');
for (const file of readdirSync('dist/assets').filter((f) => f.endsWith('.js')).sort()) {
  const bytes = readFileSync(`dist/assets/${file}`);
  console.log(`  ${file.padEnd(40)} ${(statSync(`dist/assets/${file}`).size / 1024).toFixed(1)} kB, gzip ${(gzipSync(bytes).length / 1024).toFixed(1)} kB`);
}
