/** The Lab's scenario description: once the strategy is edited it is the preset's, and says what was changed. */
import { afterEach, describe, expect, it } from 'vitest';
import knowledgeSharing from '../../scenarios/knowledge-sharing.json';
import type { Draft } from '../../src/model/scenario.ts';
import { changedFromPreset } from '../../src/ui/presets.ts';
import '../../src/ui/views/lab-view.ts';

afterEach(() => document.body.replaceChildren());

const edited = { ...knowledgeSharing, content: { ...knowledgeSharing.content, window: [14, 15], promoPerWeek: 14 } } as unknown as Draft;

async function mount(locale: 'en' | 'zh-CN', draft: Draft, isEdited: boolean) {
  const view = document.createElement('qc-lab-view');
  view.locale = locale;
  view.draft = draft;
  view.edited = isEdited;
  document.body.append(view);
  await view.updateComplete;
  return view.shadowRoot!.querySelector('.description')!.textContent!.replace(/\s+/g, ' ').trim();
}

describe('the Lab\'s description', () => {
  it('lists the levers changed from the preset', () => {
    expect(changedFromPreset(edited)).toEqual(['content.window', 'content.promoPerWeek']);
    expect(changedFromPreset(knowledgeSharing)).toEqual([]);
    expect(changedFromPreset({ name: 'Mine' })).toBeNull();
  });

  it('is the preset\'s once edited, naming what changed, in English and Chinese', async () => {
    expect(await mount('en', knowledgeSharing as unknown as Draft, false)).toMatch(/^A knowledge-sharing group on a personal account/);
    const en = await mount('en', edited, true);
    expect(en).toMatch(/^Preset description — you have changed: Posting window, Promotions per week\. A knowledge-sharing group/);
    expect(en).not.toMatch(/[\u4e00-\u9fff]{3}/); // no Chinese words leak into the English (接龙 is quoted in brackets)
    const zh = await mount('zh-CN', edited, true);
    expect(zh).toMatch(/^预设说明——你已修改：发布时段、每周推广。 一个个人号上的知识分享型群/);
  });
});
