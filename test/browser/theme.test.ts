/** The theme: custom properties on the page that every component's shadow styles read. */
import { describe, expect, it } from 'vitest';
import { installTheme, THEME } from '../../src/theme.ts';
import '../../src/ui/notices-view.ts';

describe('the theme', () => {
  it('is installed once on the document, and a component inside a shadow root takes its colours', async () => {
    installTheme();
    installTheme();
    expect(document.adoptedStyleSheets.filter((s) => [...s.cssRules].some((r) => r.cssText.includes('--qc-muted')))).toHaveLength(1);
    expect(getComputedStyle(document.documentElement).getPropertyValue('--qc-warn-text').trim()).toBe(THEME['warn-text']);
    const view = document.createElement('qc-notices');
    view.notice = { key: 'cancelled' };
    document.body.append(view);
    await view.updateComplete;
    expect(getComputedStyle(view.shadowRoot!.querySelector('.notice')!).color).toBe('rgb(125, 78, 0)');
    // re-themed on the page, the component follows
    document.documentElement.style.setProperty('--qc-warn-text', '#000000');
    expect(getComputedStyle(view.shadowRoot!.querySelector('.notice')!).color).toBe('rgb(0, 0, 0)');
    document.documentElement.style.removeProperty('--qc-warn-text');
    view.remove();
  });
});
