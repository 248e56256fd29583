/** A planner on a 390-px phone: the result stays in sight while editing, the editor folds by playbook section, "what to change" is one tap away. */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SHOTS, useSession, waitForResults } from './helpers.ts';

const session = useSession();

const PHONE = { width: 390, height: 844 };

/** Opens the app at phone size and waits for the first preview. */
async function openOnPhone(page: Page): Promise<number> {
  await page.setViewportSize(PHONE);
  await page.goto(inject('baseUrl'));
  return waitForResults(page);
}

/** Whether the element lies wholly inside the phone's screen. */
async function onScreen(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).boundingBox();
  return box !== null && box.y >= 0 && box.y + box.height <= PHONE.height;
}

/** The element that has the focus, through the shadow roots, as "tag.class" or "tag". */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el ? `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''}` : '';
  });
}

describe('on a phone', () => {
  it('keeps the result with its interval in sight while a field near the bottom is edited, then opens what to change', async () => {
    const { page } = session;
    const first = await openOnPhone(page);
    const bar = page.locator('qc-result-bar');
    await expect.poll(() => bar.locator('.headline').textContent()).toMatch(/Preview\s+All goals: \d+% \(90% interval \d+–\d+%, 60 runs\)/);
    // the editor is folded: six playbook sections, none open
    expect(await page.locator('qc-strategy-editor details').count()).toBe(6);
    expect(await page.locator('qc-strategy-editor details[open]').count()).toBe(0);
    await expect.poll(() => page.locator('qc-strategy-editor details[data-group="team"] summary').textContent()).toMatch(/Team and automation\s*§3–§6/);

    // a field in the last section, near the bottom of the editor
    await page.locator('qc-strategy-editor details[data-group="team"] summary').click();
    const field = page.locator('qc-strategy-editor #f-activation-silentDays');
    await field.fill('20');
    await field.press('Tab');
    const second = await waitForResults(page, first);
    await expect.poll(() => bar.locator('.bar').getAttribute('data-run')).toBe(String(second));
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300);

    // the bar is on screen, above the field (not over it), and shows the new result with its interval
    expect(await onScreen(page, 'qc-result-bar')).toBe(true);
    expect(await onScreen(page, 'qc-strategy-editor #f-activation-silentDays')).toBe(true);
    const barBox = (await bar.boundingBox())!;
    expect(barBox.height).toBeLessThan(PHONE.height / 6);
    expect((await field.boundingBox())!.y).toBeGreaterThanOrEqual(barBox.y + barBox.height);
    const headline = (await bar.locator('.headline').textContent())!.replace(/\s+/g, ' ');
    const chance = /\d+% \(90% interval \d+–\d+%, 60 runs\)/.exec(headline)?.[0];
    expect(chance).toBeDefined();
    // the same numbers as the scorecard further down
    expect(await page.locator('qc-scorecard .all').textContent()).toContain(chance);
    expect(await bar.locator('.missed').textContent()).toMatch(/Met in < 80% of runs: .+ \d+%/);
    await page.screenshot({ path: `${SHOTS}/phone-en.png` });

    // "What to change", from the keyboard: the diagnosis opens, in view, with the focus, and starts (then is cancelled: plan.test waits for one)
    await bar.locator('button.what').focus();
    await page.keyboard.press('Enter');
    const plan = page.locator('qc-plan-view');
    await expect.poll(() => plan.locator('#diagnosis-title').textContent()).toBe('Why goals are missed');
    await expect.poll(() => focused(page)).toBe('div.diagnosis');
    expect(await onScreen(page, 'qc-plan-view #diagnosis-title')).toBe(true);
    // the heading clear of the sticky "Planning for" head, not under it
    await expect.poll(async () => (await plan.locator('#diagnosis-title').boundingBox())!.y).toBeGreaterThanOrEqual(await plan.locator('.head').evaluate((h) => h.getBoundingClientRect().bottom));
    // the job's progress and Cancel stay in view beside the panel being read
    expect(await onScreen(page, 'qc-plan-view .head button.cancel')).toBe(true);
    await expect.poll(() => plan.locator('.head .status').textContent()).toMatch(/^Why goals are missed · running/);
    await plan.locator('.head button.cancel').click();
    await expect.poll(() => plan.locator('.head .status').getAttribute('data-finished'), { timeout: 30_000 }).toBe('true'); // a cancel stops the planner worker between tasks
    expect(session.errors).toEqual([]);
  });

  it('labels the bar in Chinese, opens a section its field changed in, and hides the bar beside the scorecard', async () => {
    const { page } = session;
    await openOnPhone(page);
    await page.locator('qc-app-bar button.lang').click();
    const bar = page.locator('qc-result-bar');
    await expect.poll(() => bar.locator('.headline').textContent()).toMatch(/预览\s+全部目标：\d+%（90% 区间 \d+–\d+%，60 次模拟）/);
    expect(await bar.locator('[role="region"]').getAttribute('aria-label')).toBe('当前策略的模拟结果');
    expect(await bar.locator('button.to-scorecard').textContent()).toBe('记分卡 ↓');
    expect(await page.locator('qc-strategy-editor details[data-group="admission"] summary').textContent()).toMatch(/准入\s*§3/);
    expect(await page.locator('qc-scorecard .run-kind').textContent()).toMatch(/预览\s*这是 60 次模拟的快速预览/);

    // an invalid value: the bar says the results are the last valid strategy's
    const positioning = page.locator('qc-strategy-editor details[data-group="positioning"]');
    await positioning.locator('summary').click();
    const days = page.locator('qc-strategy-editor #f-horizonDays');
    await days.fill('9999');
    await days.press('Tab');
    await expect.poll(() => bar.locator('.invalid').textContent()).toMatch(/有 1 个字段需修改/);
    // the section folded, undo and redo change its field from outside: it opens to show the change and the problem
    await positioning.locator('summary').click();
    await expect.poll(() => positioning.getAttribute('open')).toBeNull();
    await page.locator('qc-lab-view button.undo').click();
    await expect.poll(() => positioning.getAttribute('open')).not.toBeNull();
    await expect.poll(() => bar.locator('.invalid').count()).toBe(0);
    await positioning.locator('summary').click();
    await page.locator('qc-lab-view button.redo').click();
    await expect.poll(() => positioning.getAttribute('open')).not.toBeNull();
    expect(await page.locator('qc-strategy-editor #f-horizonDays-problem').isVisible()).toBe(true);
    await days.fill('30');
    await days.press('Tab');
    await expect.poll(() => bar.locator('.invalid').count()).toBe(0);

    // "Scorecard ↓" brings the scorecard into view below the bar
    await bar.locator('button.to-scorecard').click();
    await expect.poll(async () => (await page.locator('qc-lab-view .scorecard-panel').boundingBox())!.y).toBeGreaterThanOrEqual((await bar.boundingBox())!.height - 1);
    await page.screenshot({ path: `${SHOTS}/phone-zh.png` });

    // "What to change" in Chinese opens the diagnosis
    await bar.locator('button.what', { hasText: '怎么改' }).click();
    await expect.poll(() => page.locator('qc-plan-view #diagnosis-title').textContent()).toBe('为什么没达标');

    // at a desktop width the scorecard is beside the editor: no bar, every section open
    await page.setViewportSize({ width: 1400, height: 1000 });
    await page.locator('qc-app-bar button.view-lab').click();
    await expect.poll(() => page.locator('qc-lab-view qc-result-bar').isVisible()).toBe(false);
    await page.reload();
    await waitForResults(page);
    expect(await page.locator('qc-result-bar').isVisible()).toBe(false);
    expect(await page.locator('qc-strategy-editor details[open]').count()).toBe(6);
    expect(session.errors).toEqual([]);
  });

  for (const lang of ['en', 'zh'] as const) {
    it(`after an edit (${lang}), the page stays as wide as a phone's screen and the bar keeps its all-goals line in view`, async () => {
      // a real phone's layout: the page wider than the screen would widen the layout viewport and slide the sticky bar off the top
      const context = await session.page.context().browser()!.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'en-US' });
      try {
        const page = await context.newPage();
        await page.goto(inject('baseUrl'));
        const first = await waitForResults(page);
        if (lang === 'zh') await page.locator('qc-app-bar button.lang').click();
        await page.locator('qc-strategy-editor details').evaluateAll((all) => all.forEach((d) => { (d as HTMLDetailsElement).open = true; }));
        const promos = page.locator('qc-strategy-editor #f-content-promoPerWeek');
        await promos.fill('14');
        await promos.press('Tab');
        await waitForResults(page, first);
        // the preset picker names the edited preset, ellipsised to the screen
        await expect.poll(() => page.locator('qc-app-bar select option').first().textContent()).toMatch(lang === 'zh' ? /（已修改）$/ : /\(edited\)$/);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
        const select = (await page.locator('qc-app-bar select').boundingBox())!;
        expect(select.x + select.width).toBeLessThanOrEqual(PHONE.width);
        // the editor scrolled: the bar's all-goals line is on screen, whole
        await promos.scrollIntoViewIfNeeded();
        await page.evaluate(() => window.scrollBy(0, 200));
        expect(await page.evaluate(() => window.visualViewport?.offsetTop ?? 0)).toBe(0);
        const all = (await page.locator('qc-result-bar .all').boundingBox())!;
        expect(all.y).toBeGreaterThanOrEqual(0);
        expect(all.y + all.height).toBeLessThanOrEqual(PHONE.height);
        expect(all.x + all.width).toBeLessThanOrEqual(PHONE.width);
        expect(await page.locator('qc-result-bar .all').textContent()).toMatch(lang === 'zh' ? /全部目标：\d+%/ : /All goals: \d+%/);
        await page.screenshot({ path: `${SHOTS}/phone-edited-${lang}.png` });
      } finally {
        await context.close();
      }
    });
  }
});
