/** Analysts' workflow in the built app: files, library, comparison, exports, share links. */
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { SERIES_KEYS, SUMMARY_KEYS } from '../../src/model/metrics.ts';
import { SHOTS, savesSoFar, useSession, visibleControls, waitForAutosave, waitForResults } from './helpers.ts';
import { scenarioFile } from '../scenarios.ts';

const session = useSession();

/** Drops a file with this text on the app, as a user dragging it from the desktop would. */
async function dropFile(name: string, text: string): Promise<void> {
  const transfer = await session.page.evaluateHandle(({ name, text }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], name, { type: 'application/json' }));
    return dt;
  }, { name, text });
  await session.page.locator('qc-app').dispatchEvent('dragover', { dataTransfer: transfer });
  await session.page.locator('qc-app').dispatchEvent('drop', { dataTransfer: transfer });
}

const editorValue = (id: string) => session.page.locator(`qc-strategy-editor #${id}`).inputValue();

describe('scenario files', () => {
  it('opens a dropped file, and refuses a broken one without losing the scenario on screen', async () => {
    await session.page.goto(inject('baseUrl'));
    await waitForResults(session.page);
    const file = scenarioFile('no-operations');
    await dropFile('no-operations.json', JSON.stringify({ ...file, horizonDays: 45 }));
    await expect.poll(() => session.page.locator('qc-app .notice').textContent()).toMatch(/Opened no-operations\.json/);
    expect(await editorValue('f-horizonDays')).toBe('45');

    await dropFile('broken.json', '{"schemaVersion": 1, "horizonDays": 9999, "group": {"positioning": "fun"}, "__proto__": {}}');
    const refused = session.page.locator('qc-app .refused');
    await expect.poll(() => refused.textContent()).toMatch(/broken\.json was not opened/);
    // each problem names the field as the editor labels it, then its path
    expect(await refused.textContent()).toMatch(/Days simulated horizonDays: must be a whole number from 1 to 365 days/);
    expect(await refused.textContent()).toMatch(/Positioning group\.positioning: must be one of/);
    expect(await editorValue('f-horizonDays')).toBe('45'); // unchanged

    await dropFile('newer.json', '{"schemaVersion": 9}');
    await expect.poll(() => refused.textContent()).toMatch(/newer version of the lab/);
    expect(session.errors).toEqual([]);
  });

  it('autosaves: a reload keeps the edited scenario', async () => {
    await session.page.goto(inject('baseUrl'));
    await waitForResults(session.page);
    const days = session.page.locator('qc-strategy-editor #f-horizonDays');
    const saves = await savesSoFar(session.page);
    await days.fill('21');
    await days.press('Tab');
    await waitForAutosave(session.page, saves);
    await session.page.reload();
    await expect.poll(() => editorValue('f-horizonDays'), { timeout: 20_000 }).toBe('21');
  });

  it('a reload right after an edit keeps it; a preset or the defaults keep the edited scenario in the library', async () => {
    const { page } = session;
    await page.goto(inject('baseUrl'));
    await waitForResults(page);
    const days = page.locator('qc-strategy-editor #f-horizonDays');
    await days.fill('23');
    await days.press('Tab');
    await page.reload(); // within the autosave delay: the page keeps the draft as it closes
    await expect.poll(() => editorValue('f-horizonDays'), { timeout: 20_000 }).toBe('23');
    await days.fill('22'); // typed, the field still focused: no change event yet
    await page.reload();
    await expect.poll(() => editorValue('f-horizonDays'), { timeout: 20_000 }).toBe('22');

    await page.locator('qc-app select[aria-label="Load a reference scenario"]').selectOption('no-operations');
    await expect.poll(() => page.locator('qc-app .notice').textContent()).toMatch(/kept in the library as “.*kept before opening another/);
    expect(await editorValue('f-horizonDays')).toBe('30');
    await page.locator('qc-app select[aria-label="Load a reference scenario"]').selectOption('knowledge-sharing'); // unedited: nothing to keep
    await days.fill('24');
    await days.press('Tab');
    await page.locator('qc-lab-view button', { hasText: 'Reset to defaults' }).click();
    await page.locator('qc-app button.view-library').click();
    await expect.poll(() => page.locator('qc-library-panel li').count()).toBe(2);
    expect(session.errors).toEqual([]);
  });

  it('an unedited preset is not kept, also after a reload', async () => {
    const { page } = session;
    await page.goto(inject('baseUrl'));
    await waitForResults(page);
    const saves = await savesSoFar(page);
    await page.locator('qc-app select[aria-label="Load a reference scenario"]').selectOption('no-operations');
    await waitForAutosave(page, saves);
    await page.reload();
    await waitForResults(page);
    await page.locator('qc-app select[aria-label="Load a reference scenario"]').selectOption('knowledge-sharing');
    await expect.poll(() => editorValue('f-activation-dmPerAdminPerDay')).toBe('2'); // the knowledge-sharing preset is on screen
    await page.locator('qc-app button.view-library').click();
    await expect.poll(() => page.locator('qc-library-panel').getByText('No saved scenarios yet').count()).toBe(1);
    expect(await page.locator('qc-library-panel li').count()).toBe(0);
  });

  it('downloads the daily quantiles as CSV with one row per series and day', async () => {
    await session.page.goto(inject('baseUrl'));
    await waitForResults(session.page);
    const [download] = await Promise.all([session.page.waitForEvent('download'), session.page.locator('qc-app button.export-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/-preview-60-runs\.daily\.csv$/); // the file says it holds the quick preview
    const text = readFileSync((await download.path())!, 'utf8').trim().split('\n');
    expect(text[0]).toBe('series,day,p10,p25,p50,p75,p90');
    expect(text).toHaveLength(1 + SERIES_KEYS.length * 30);
    const [json] = await Promise.all([session.page.waitForEvent('download'), session.page.locator('qc-app button.export-json').click()]);
    const results = JSON.parse(readFileSync((await json.path())!, 'utf8'));
    expect(results).toMatchObject({ app: { name: '群策 Lab' }, seed: 20261126, runs: 60, scenario: { schemaVersion: 2 } });
    const [svg] = await Promise.all([session.page.waitForEvent('download'), session.page.locator('qc-series-chart').first().locator('button.export-svg').click()]);
    expect(readFileSync((await svg.path())!, 'utf8')).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    const [png] = await Promise.all([session.page.waitForEvent('download'), session.page.locator('qc-series-chart').first().locator('button.export-png').click()]);
    expect(readFileSync((await png.path())!).subarray(1, 4).toString()).toBe('PNG');
  });
});

describe('share links', () => {
  it('a link restores the scenario exactly; a damaged one changes nothing', async () => {
    await session.page.goto(inject('baseUrl'));
    await waitForResults(session.page);
    const days = session.page.locator('qc-strategy-editor #f-horizonDays');
    await days.fill('33');
    await days.press('Tab');
    await session.page.locator('qc-app button.share').click();
    const url = await session.page.locator('qc-app .share-box input').inputValue();
    expect(url).toMatch(/#s2\.[0-9a-z]+\.[A-Za-z0-9_-]+$/);

    const other = await session.context.browser()!.newContext({ viewport: { width: 1400, height: 1000 } });
    const second = await other.newPage();
    await second.goto(url);
    await expect.poll(() => second.locator('qc-strategy-editor #f-horizonDays').inputValue(), { timeout: 20_000 }).toBe('33');
    await expect.poll(() => second.locator('qc-app .notice').textContent()).toMatch(/Opened the scenario from the link/);

    const damaged = url.slice(0, url.length - 15);
    const third = await other.newPage();
    await third.goto(inject('baseUrl'));
    // a new tab starts from the latest draft of any tab (33 days): wait until it has
    await waitForResults(third);
    await expect.poll(() => third.locator('qc-strategy-editor #f-horizonDays').inputValue()).toBe('33');
    await third.locator('qc-strategy-editor #f-horizonDays').fill('12');
    await third.locator('qc-strategy-editor #f-horizonDays').press('Tab');
    await third.goto(damaged);
    await expect.poll(() => third.locator('qc-app .refused').textContent(), { timeout: 20_000 }).toMatch(/The link could not be opened/);
    expect(await third.locator('qc-strategy-editor #f-horizonDays').inputValue()).toBe('12');
    await other.close();
  });
});

describe('two tabs', () => {
  it('each tab keeps its own draft, and a library change in one shows in the other', async () => {
    const a = session.page;
    await a.goto(inject('baseUrl'));
    const firstA = await waitForResults(a);
    const promosA = a.locator('qc-strategy-editor #f-content-promoPerWeek');
    let saves = await savesSoFar(a);
    await promosA.fill('5');
    await promosA.press('Tab');
    await waitForAutosave(a, saves);
    await waitForResults(a, firstA);
    // a second tab starts from the latest draft, then goes its own way
    const b = await session.context.newPage();
    b.on('pageerror', (e) => session.errors.push(e.message));
    await b.goto(inject('baseUrl'));
    const firstB = await waitForResults(b);
    const promosB = b.locator('qc-strategy-editor #f-content-promoPerWeek');
    await expect.poll(() => promosB.inputValue()).toBe('5');
    saves = await savesSoFar(b);
    await promosB.fill('9');
    await promosB.press('Tab');
    await waitForAutosave(b, saves);
    await waitForResults(b, firstB);
    // tab A's work is not replaced by tab B's
    await a.reload();
    await waitForResults(a);
    await expect.poll(() => promosA.inputValue()).toBe('5');
    // the library: A watches, B saves; A's list follows without a reload
    await a.locator('qc-app button.view-library').click();
    await expect.poll(() => a.locator('qc-library-panel li').count()).toBe(0);
    await b.locator('qc-app button.save-library').click();
    await expect.poll(() => a.locator('qc-library-panel li').count()).toBe(1);
    await b.locator('qc-app button.view-library').click();
    await b.locator('qc-library-panel li button.remove').click();
    await expect.poll(() => a.locator('qc-library-panel li').count()).toBe(0);
    expect(session.errors).toEqual([]);
  });
});

describe('library and comparison', () => {
  it('Save updates the open entry, Save as makes a new one, a taken name is asked again, and a delete can be undone', async () => {
    const { page } = session;
    const answers = ['Evening plan', 'Evening plan', 'Evening plan B', 'first try, 3 promos'];
    page.on('dialog', (dialog) => void dialog.accept(answers.shift()));
    await page.goto(inject('baseUrl'));
    const first = await waitForResults(page);
    const names = () => page.locator('qc-library-panel li .name').allTextContents();
    await page.locator('qc-app button.save-library').click();
    await expect.poll(() => page.locator('qc-app .notice').textContent()).toMatch(/Saved in the library as “Knowledge sharing — the playbook followed”/);
    // edit, then Save again: the same entry is updated, not a second one made
    const promos = page.locator('qc-strategy-editor #f-content-promoPerWeek');
    await promos.fill('3');
    await promos.press('Tab');
    await waitForResults(page, first);
    await page.locator('qc-app button.save-library').click();
    await page.locator('qc-app button.view-library').click();
    await expect.poll(() => page.locator('qc-library-panel li').count()).toBe(1);
    // after a reload the scenario still belongs to its entry: Save updates it, asks nothing
    await page.reload();
    const reloaded = await waitForResults(page);
    await promos.fill('4');
    await promos.press('Tab');
    await waitForResults(page, reloaded);
    await page.locator('qc-app button.save-library').click();
    await expect.poll(() => page.locator('qc-app .notice').textContent()).toMatch(/Saved in the library as “Knowledge sharing — the playbook followed”/);
    await page.locator('qc-app button.view-library').click();
    await expect.poll(() => page.locator('qc-library-panel li').count()).toBe(1);
    // Save as: a new entry under the name given
    await page.locator('qc-app button.save-library-as').click();
    await expect.poll(names).toHaveLength(2);
    // Save as the same name: asked again, and the second answer is used
    await page.locator('qc-app button.save-library-as').click();
    await expect.poll(names).toHaveLength(3);
    expect((await names()).map((n) => n.trim())).toEqual(expect.arrayContaining(['Evening plan', 'Evening plan B', 'Knowledge sharing — the playbook followed']));
    await page.locator('qc-library-panel li').first().locator('button.notes-edit').click();
    await expect.poll(() => page.locator('qc-library-panel li .notes').first().textContent()).toBe('first try, 3 promos');
    // delete, then undo
    await page.locator('qc-library-panel li').first().locator('button.remove').click();
    await expect.poll(() => page.locator('qc-library-panel li').count()).toBe(2);
    await page.locator('qc-library-panel button.undo-delete').click();
    await expect.poll(() => page.locator('qc-library-panel li').count()).toBe(3);
    await expect.poll(() => page.locator('qc-library-panel li .notes').allTextContents()).toContain('first try, 3 promos');
    expect(session.errors).toEqual([]);
  });

  it('in Chinese a reference scenario is saved under its Chinese name; deleting the entry unlinks the scenario; any ticked scenario can be made A', async () => {
    const { page } = session;
    const asked: string[] = [];
    page.on('dialog', (dialog) => { asked.push(dialog.defaultValue()); void dialog.accept('另一个方案'); });
    await page.goto(inject('baseUrl'));
    await waitForResults(page);
    await page.locator('qc-app button.lang').click();
    await page.locator('qc-app button.save-library').click();
    await expect.poll(() => page.locator('qc-app .notice').textContent()).toMatch(/已存入场景库：“知识分享型——按手册运营”/);
    // Save as offers the name the reader reads
    await page.locator('qc-app button.save-library-as').click();
    await expect.poll(() => asked).toEqual(['知识分享型——按手册运营 (2)']); // the name is taken: a free one is offered
    await page.locator('qc-app button.view-library').click();
    await expect.poll(() => page.locator('qc-library-panel li .name').allTextContents()).toEqual(expect.arrayContaining(['知识分享型——按手册运营', '另一个方案']));
    // the compare list names the scenario on screen as it is now saved
    await page.locator('qc-app button.view-compare').click();
    await expect.poll(() => page.locator('qc-compare-view .pick').textContent()).toMatch(/当前：另一个方案/);
    // A is the first ticked; "设为 A" makes another the baseline
    const boxes = page.locator('qc-compare-view .pick input[type=checkbox]');
    await boxes.nth(2).check();
    await expect.poll(() => page.locator('qc-compare-view .pick .letter').allTextContents()).toEqual(['A', 'B']);
    await expect.poll(() => page.locator('qc-compare-view .hint.order').textContent()).toMatch(/当前：另一个方案/);
    await page.locator('qc-compare-view button.make-baseline').click();
    await expect.poll(() => page.locator('qc-compare-view .hint.order').textContent()).not.toMatch(/当前/);
    expect(await page.locator('qc-compare-view .pick .option').nth(2).locator('.letter').textContent()).toBe('A');
    // deleting the entry the scenario belongs to: the notice goes, and the next Save makes a new entry
    await page.locator('qc-app button.view-library').click();
    await page.locator('qc-app button.save-library').click();
    await expect.poll(() => page.locator('qc-app .notice').textContent()).toMatch(/已存入场景库：“另一个方案”/);
    const mine = page.locator('qc-library-panel li').filter({ hasText: '另一个方案' });
    await mine.locator('button.remove').click();
    await expect.poll(() => page.locator('qc-app .notice').count()).toBe(0);
    await page.locator('qc-app button.save-library').click();
    await expect.poll(() => page.locator('qc-library-panel li').count()).toBe(2);
    expect(session.errors).toEqual([]);
  });

  it('a rename reaches the scenario on screen, and an undone delete whose name was taken meanwhile comes back as “name (2)”', async () => {
    const { page } = session;
    page.on('dialog', (dialog) => void dialog.accept('Evening plan'));
    await page.goto(inject('baseUrl'));
    await waitForResults(page);
    await page.locator('qc-app button.save-library').click();
    await page.locator('qc-app button.view-library').click();
    await expect.poll(() => page.locator('qc-library-panel li').count()).toBe(1);
    await page.locator('qc-library-panel li button.rename').click();
    await expect.poll(() => page.locator('qc-library-panel li .name').allTextContents()).toEqual(['Evening plan']);
    await page.locator('qc-app button.view-lab').click();
    await expect.poll(() => page.locator('qc-lab-view .scenario-name').textContent()).toBe('Evening plan');
    // Save keeps the entry's name (the scenario does not rename it back)
    await page.locator('qc-app button.save-library').click();
    await page.locator('qc-app button.view-library').click();
    await expect.poll(() => page.locator('qc-library-panel li .name').allTextContents()).toEqual(['Evening plan']);
    await page.locator('qc-library-panel li button.remove').click();
    await expect.poll(() => page.locator('qc-library-panel li').count()).toBe(0);
    await page.locator('qc-app button.save-library').click();
    await expect.poll(() => page.locator('qc-library-panel li .name').allTextContents()).toEqual(['Evening plan']);
    await page.locator('qc-library-panel button.undo-delete').click();
    await expect.poll(async () => (await page.locator('qc-library-panel li .name').allTextContents()).sort()).toEqual(['Evening plan', 'Evening plan (2)']);
    expect(session.errors).toEqual([]);
  });

  it('keeps scenarios in the library and compares two of them, paired', async () => {
    session.page.on('dialog', (dialog) => void dialog.accept('Renamed plan'));
    await session.page.goto(inject('baseUrl'));
    await waitForResults(session.page);
    await session.page.locator('qc-app button.save-library').click();
    await session.page.locator('qc-app select[aria-label="Load a reference scenario"]').selectOption('no-operations');
    await session.page.locator('qc-app button.save-library').click();
    await session.page.locator('qc-app button.view-library').click();
    await expect.poll(() => session.page.locator('qc-library-panel li').count()).toBe(2);
    await session.page.locator('qc-library-panel li').first().locator('button.duplicate').click();
    await expect.poll(() => session.page.locator('qc-library-panel li').count()).toBe(3);
    await session.page.locator('qc-library-panel li').first().locator('button.rename').click();
    await expect.poll(() => session.page.locator('qc-library-panel li .name').allTextContents()).toContain('Renamed plan');
    await session.page.locator('qc-library-panel li').first().locator('button.remove').click();
    await expect.poll(() => session.page.locator('qc-library-panel li').count()).toBe(2);

    await session.page.locator('qc-app button.view-compare').click();
    const boxes = session.page.locator('qc-compare-view .pick input[type=checkbox]');
    await expect.poll(() => boxes.count()).toBe(3); // the current scenario and two saved ones
    // compare the saved knowledge-sharing scenario (A, oldest: last in the list) with the current one (no operations)
    await boxes.nth(2).check();
    await boxes.nth(0).uncheck();
    await boxes.nth(0).check();
    await session.page.locator('qc-compare-view button.run-compare').click();
    await expect.poll(() => session.page.locator('qc-compare-view table.kpis tbody tr').count(), { timeout: 60_000 }).toBeGreaterThan(20);
    const levers = await session.page.locator('qc-compare-view table.levers').textContent();
    expect(levers).toMatch(/content\.postsPerWeek/);
    // levers read as the editor shows them: labels, option names, on / off — not JSON
    expect(levers).toMatch(/Weekly theme day.*Thursday\s*none/s);
    expect(levers).toMatch(/Announcement.*on\s*off/s);
    expect(levers).not.toMatch(/"thu"|\btrue\b/);
    // numbers with the editor's units, shares as percentages
    expect(levers).toMatch(/Team answer time on duty.*20 minutes\s*120 minutes/s);
    expect(levers).toMatch(/Invitation wording quality.*70%\s*50%/s);
    expect(levers).not.toMatch(/\bseed\b/);
    // the same comparison as a Markdown report
    const report = session.page.waitForEvent('download');
    await session.page.locator('qc-compare-view button.export-report').click();
    const markdown = readFileSync((await (await report).path())!, 'utf8');
    expect(markdown).toMatch(/^# .*seed \d+/);
    expect(markdown).toMatch(/\| Weekly theme day \| Thursday \| none \|/);
    expect(markdown).toMatch(/\| Speaking rate \(30 d\) \| [\d.]+% \| [\d.]+% \| \*{0,2}[+−±][\d.]+ pp/);
    expect(markdown).toMatch(/\| All goals at once|\| all goals/i);
    const speaking = await session.page.locator('qc-compare-view tr[data-metric="speakingRate30d"]').textContent();
    expect(speaking).toMatch(/−[\d.]+ pp \(−[\d.]+ … [−+]?[\d.]+\)/); // a difference of shares, in points (the unit once)
    expect(await session.page.locator('qc-compare-view qc-series-chart').first().locator('path.median').count()).toBe(2);
    const [csv] = await Promise.all([session.page.waitForEvent('download'), session.page.locator('qc-compare-view button.export-compare').click()]);
    const rows = readFileSync((await csv.path())!, 'utf8').trim().split('\n');
    expect(rows[0]).toBe('metric,scenario,name,median,difference_median,difference_p5,difference_p95,runs_paired');
    expect(rows).toHaveLength(1 + 2 * SUMMARY_KEYS.length);
    await session.page.screenshot({ path: `${SHOTS}/compare.png`, fullPage: true });
    // printed, the comparison is a report: tables and charts, no controls
    expect(await session.page.locator('qc-compare-view button.print-report').textContent()).toMatch(/Print/);
    await session.page.emulateMedia({ media: 'print' });
    expect(await visibleControls(session.page)).toEqual([]);
    expect(await session.page.locator('qc-compare-view table.kpis').isVisible()).toBe(true);
    expect(await session.page.locator('qc-compare-view qc-series-chart').first().isVisible()).toBe(true);
    await session.page.screenshot({ path: `${SHOTS}/compare-print.png`, fullPage: true });
    await session.page.emulateMedia({ media: 'screen' });
    expect(session.errors).toEqual([]);
  });
});

describe('share links and the library', () => {
  it('opening a link keeps the scenario that was on screen, once, and a reload does not reopen the link', async () => {
    const { page } = session;
    await page.goto(inject('baseUrl'));
    await waitForResults(page);
    await page.locator('qc-app button.share').click();
    const url = await page.locator('qc-app .share-box input').inputValue();
    const days = page.locator('qc-strategy-editor #f-horizonDays');
    await days.fill('17');
    await days.press('Tab');
    await page.goto(url);
    await expect.poll(() => page.locator('qc-strategy-editor #f-horizonDays').inputValue(), { timeout: 20_000 }).toBe('30');
    await page.locator('qc-app button.view-library').click();
    await expect.poll(() => page.locator('qc-library-panel li .name').allTextContents()).toEqual([expect.stringMatching(/kept before opening another/)]);
    expect(new URL(page.url()).hash).toBe('');
    await page.locator('qc-app button.view-lab').click();
    const saves = await savesSoFar(page);
    await days.fill('19');
    await days.press('Tab');
    await waitForAutosave(page, saves);
    await page.reload();
    await expect.poll(() => page.locator('qc-strategy-editor #f-horizonDays').inputValue(), { timeout: 20_000 }).toBe('19');
    await page.locator('qc-app button.view-library').click();
    expect(await page.locator('qc-library-panel li').count()).toBe(1);
  });
});
