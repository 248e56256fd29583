/** The preset picker names an edited preset: "<name> (edited)", not a bare "(edited)". */
import { afterEach, describe, expect, it } from 'vitest';
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
});
