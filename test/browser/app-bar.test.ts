/** The preset picker names an edited preset: "<name> (edited)", not a bare "(edited)". */
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import '../../src/ui/app-bar.ts';

afterEach(() => document.body.replaceChildren());

describe('the preset picker', () => {
  it('shows the edited scenario\'s name, and "(edited)" alone only without one', async () => {
    const bar = document.createElement('qc-app-bar');
    bar.locale = 'zh-CN';
    bar.preset = '';
    bar.customName = '知识分享型——按手册运营（已修改）';
    document.body.append(bar);
    await bar.updateComplete;
    const first = () => bar.shadowRoot!.querySelector('select option')!.textContent!.trim();
    expect(first()).toBe('知识分享型——按手册运营（已修改）');
    bar.customName = '';
    await bar.updateComplete;
    expect(first()).toBe('（已修改）');
  });

  it('keeps "edited" in sight on a phone, where the long name in the picker is cut', async () => {
    await page.viewport(390, 844);
    const bar = document.createElement('qc-app-bar');
    bar.locale = 'en';
    bar.preset = '';
    bar.customName = 'Knowledge sharing — the playbook followed (edited)';
    bar.edited = true;
    document.body.append(bar);
    await bar.updateComplete;
    const badge = bar.shadowRoot!.querySelector('.edited-badge')!;
    expect(badge.textContent).toBe('edited');
    const box = badge.getBoundingClientRect();
    expect(box.width).toBeGreaterThan(0);
    expect(box.right).toBeLessThanOrEqual(390);
    bar.edited = false;
    await bar.updateComplete;
    expect(bar.shadowRoot!.querySelector('.edited-badge')).toBeNull();
    await page.viewport(1280, 900);
  });
});
