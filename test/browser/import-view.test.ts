/**
 * The Import view in Chromium (issue 19), as a user goes through it: a small
 * synthetic WeChatMsg export and its member list are dropped and picked, read
 * in the view's worker and shown against the playbook; a calibration is
 * started, shows its progress with the time left, and is cancelled from the
 * keyboard (the measurement stays, the worker stops); a second calibration
 * runs to its end and shows the verdict per metric and overall, in both
 * languages, and opens the scenario in the lab.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/ui/views/import-view.ts';
import type { ImportView } from '../../src/ui/views/import-view.ts';
import { replay } from '../../src/model/engine/run.ts';
import { parseScenario } from '../../src/model/scenario.ts';
import { openScenarioText } from '../../src/model/files.ts';
import { toWeChatMsgCsv } from '../../src/model/import/simulated-chat.ts';
import { strToU8, zipSync } from 'fflate';

afterEach(() => document.body.replaceChildren());

/** A 40-day group of 30 invited, as a WeChatMsg CSV and a member list. */
function smallExport(): { csv: File; roster: File } {
  const parsed = parseScenario({ schemaVersion: 2, seed: 3, horizonDays: 40, startWeekday: 'mon', growth: { initialInvites: 30 }, parameters: { rateMedianCore: 5, rateMedianActive: 1.5, rateMedianOrdinary: 0.5 } });
  if (!parsed.ok) throw new Error(parsed.problems[0].en);
  const { csv, roster } = toWeChatMsgCsv(replay(parsed.scenario, 0).chat, 'knowledge_sharing', Date.UTC(2024, 4, 1) / 86_400_000);
  return { csv: new File([csv], 'group.csv', { type: 'text/csv' }), roster: new File([roster], 'members.txt', { type: 'text/plain' }) };
}

/** Waits until `ready()` holds (the worker answers in its own time). */
async function until(ready: () => boolean, what: string, timeoutMs = 45_000): Promise<void> {
  const start = performance.now();
  while (!ready()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const text = (view: ImportView, selector: string) => view.shadowRoot!.querySelector<HTMLElement>(selector)?.innerText.replace(/\s+/g, ' ').trim() ?? '';
const button = (view: ImportView, label: RegExp) => [...view.shadowRoot!.querySelectorAll('button')].find((b) => label.test(b.textContent ?? ''))!;

describe('the Import view', () => {
  it('reads a dropped export, calibrates, is cancelled from the keyboard keeping the measurement, then calibrates to the end', async () => {
    const view = document.createElement('qc-import-view') as ImportView;
    view.locale = 'en';
    document.body.append(view);
    await view.updateComplete;
    const { csv, roster } = smallExport();

    // drop the export on the drop zone; pick the member list with its input
    const drop = new DataTransfer();
    drop.items.add(csv);
    view.shadowRoot!.querySelector('.drop')!.dispatchEvent(new DragEvent('drop', { dataTransfer: drop, bubbles: true, cancelable: true }));
    const picked = new DataTransfer();
    picked.items.add(roster);
    const rosterInput = view.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=file]')[2];
    rosterInput.files = picked.files;
    rosterInput.dispatchEvent(new Event('change'));
    await view.updateComplete;
    expect(text(view, '.drop')).toMatch(/1 file\(s\) chosen/);

    button(view, /^Read and measure$/).click();
    await until(() => !!view.shadowRoot!.querySelector('tbody tr'), 'the metrics');
    expect(text(view, 'h3')).toBe('Your group against the playbook');
    const rows = [...view.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => (tr as HTMLElement).innerText.replace(/\s+/g, ' '));
    expect(rows.find((r) => r.startsWith('Daily messages '))).toMatch(/^Daily messages \d/);
    expect(rows.find((r) => r.startsWith('Weekly participation'))).toMatch(/\d+%/);
    expect(rows.find((r) => r.startsWith('Lurker share'))).toMatch(/\d+%/); // a member list was given
    expect(text(view, '.windows')).toMatch(/^Read as the lab reads a simulated group at its horizon: daily messages and weekly participation over the last 7 days/);

    // start a calibration: progress with the time left and a Cancel button
    button(view, /^Calibrate the model to this group$/).click();
    await until(() => /done · .* s elapsed · about .+ left/.test(text(view, '.eta')) && !/about — left/.test(text(view, '.eta')), 'the progress with an estimate');
    const cancel = view.shadowRoot!.querySelector<HTMLButtonElement>('button.cancel')!;
    expect(cancel.textContent).toBe('Cancel calibration');
    cancel.focus();
    await userEvent.keyboard('{Enter}');
    await until(() => !!view.shadowRoot!.querySelector('.notice'), 'the cancel');
    expect(text(view, '.notice')).toMatch(/^Calibration cancelled\. The imported measurement is kept/);
    expect(view.shadowRoot!.querySelector('button.cancel')).toBeNull();
    expect(view.shadowRoot!.querySelector('table.fit')).toBeNull();
    expect(view.shadowRoot!.querySelectorAll('tbody tr').length).toBe(rows.length); // the measurement stays
    // the worker stopped: no progress arrives any more
    const progressAfterCancel = view.progress;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(view.progress).toBe(progressAfterCancel);

    // calibrate again (the worker kept the imported table) and let it finish
    const opened: string[] = [];
    view.addEventListener('import-open', (e) => opened.push((e as CustomEvent<{ text: string }>).detail.text));
    button(view, /^Calibrate the model to this group$/).click();
    await until(() => !!view.shadowRoot!.querySelector('table.fit'), 'the calibration', 120_000);
    expect(text(view, '.notice')).toBe('');
    expect(text(view, '.overall')).toMatch(/^Fit: .*\d+ (of \d+ )?fitted metrics/);
    const verdicts = Object.fromEntries([...view.shadowRoot!.querySelectorAll<HTMLElement>('table.fit tr[data-metric]')]
      .map((tr) => [tr.dataset.metric!, tr.querySelector<HTMLElement>('td.verdict')!.innerText]));
    expect(verdicts.dailyMessages).toMatch(/^(within tolerance|off by ×[\d.]+)$/);
    expect(verdicts.effectiveRatio).toBe('not compared: an estimate');
    expect(text(view, '.not-fitted')).toMatch(/^Not compared: Effective-content ratio \(estimate\)\. A log cannot tell a useful message from small talk/);
    expect(text(view, 'table.fit tr[data-metric="dailyMessages"]')).toMatch(/within ×1\.25/);

    view.locale = 'zh-CN';
    await view.updateComplete;
    expect(text(view, '.overall')).toMatch(/^拟合结果：/);
    expect(text(view, 'table.fit tr[data-metric="effectiveRatio"] td.verdict')).toBe('不比较：只是估计');
    expect(text(view, '.not-fitted')).toMatch(/^不比较：发言有效率（估计）。聊天记录无法区分有用消息与闲聊/);

    button(view, /^在实验室中打开$/).click();
    expect(opened).toHaveLength(1);
    const scenario = openScenarioText(opened[0]);
    expect(scenario.ok && scenario.scenario.horizonDays).toBe(40);
  });

  it('a zipped Slack export with two channels: untick one, read again, and only the other is measured', async () => {
    const view = document.createElement('qc-import-view') as ImportView;
    view.locale = 'en';
    document.body.append(view);
    await view.updateComplete;
    const message = (user: string, day: number, hour: number) => ({ type: 'message', user, text: 'hello', ts: `${Date.UTC(2024, 2, day, hour) / 1000}.000100` });
    const days = (users: string[]) => Object.fromEntries(Array.from({ length: 10 }, (_, k) => [`2024-03-${String(k + 1).padStart(2, '0')}.json`,
      strToU8(JSON.stringify(users.map((u, j) => message(u, k + 1, 9 + j))))]));
    const zip = zipSync({
      'channels.json': strToU8(JSON.stringify([{ id: 'C1', name: 'general', members: ['U1', 'U2'] }, { id: 'C2', name: 'random', members: ['U3', 'U4', 'U5'] }])),
      general: days(['U1', 'U2']),
      random: days(['U3', 'U4', 'U5']),
    });
    const drop = new DataTransfer();
    drop.items.add(new File([zip], 'slack-export.zip', { type: 'application/zip' }));
    view.shadowRoot!.querySelector('.drop')!.dispatchEvent(new DragEvent('drop', { dataTransfer: drop, bubbles: true, cancelable: true }));
    await view.updateComplete;
    button(view, /^Read and measure$/).click();
    await until(() => !!view.shadowRoot!.querySelector('fieldset.channels'), 'the channel choice');
    expect(text(view, 'fieldset.channels')).toMatch(/Measured now: #general, #random/);
    const boxes = [...view.shadowRoot!.querySelectorAll<HTMLInputElement>('fieldset.channels input[type=checkbox]')];
    expect(boxes.map((b) => b.checked)).toEqual([true, true]);
    const readChosen = button(view, /^Read the chosen channels$/);
    expect(readChosen.disabled).toBe(true); // nothing changed yet

    boxes[1].focus();
    await userEvent.keyboard(' '); // untick #random from the keyboard
    await view.updateComplete;
    expect(readChosen.disabled).toBe(false);
    readChosen.click();
    await until(() => /Measured now: #general$/.test(text(view, 'fieldset.channels span')), 'the second read');
    expect(text(view, 'ul')).toMatch(/general\/2024-03-01\.json/);
    expect(view.report?.ok && view.report.measures.messages).toBe(20);
    expect(view.report?.ok && view.report.measures.values.members).toBe(2);

    view.locale = 'zh-CN';
    await view.updateComplete;
    expect(text(view, 'fieldset.channels')).toMatch(/^Slack 频道：勾选的频道合并为一个群测量.*当前测量：#general$/);
  });
});
