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
import { page, userEvent } from 'vitest/browser';
import '../../src/ui/views/import-view.ts';
import { resetImportSession, type ImportView } from '../../src/ui/views/import-view.ts';
import { replay } from '../../src/model/engine/run.ts';
import { parseScenario } from '../../src/model/scenario.ts';
import { openScenarioText } from '../../src/model/files.ts';
import { toWeChatMsgCsv } from '../../src/model/import/simulated-chat.ts';
import { strToU8, zipSync } from 'fflate';

afterEach(() => {
  document.body.replaceChildren();
  resetImportSession(); // the view keeps its state for the session
});

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
    expect(text(view, '.files-chosen')).toBe('1 file chosen: group.csv');
    expect(text(view, '.roster-chosen .roster')).toBe('Member list: members.txt');

    button(view, /^Read and measure$/).click();
    await until(() => !!view.shadowRoot!.querySelector('tbody tr'), 'the metrics');
    expect(text(view, 'h3')).toBe('Your group against the playbook');
    const rows = [...view.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => (tr as HTMLElement).innerText.replace(/ⓘ/g, '').replace(/\s+/g, ' '));
    expect(rows.find((r) => r.startsWith('Daily messages '))).toMatch(/^Daily messages \d/);
    expect(rows.find((r) => r.startsWith('Weekly participation'))).toMatch(/\d+%/);
    expect(rows.find((r) => r.startsWith('Lurker share'))).toMatch(/\d+%/); // a member list was given
    expect(text(view, '.windows')).toMatch(/^Read as the lab reads a simulated group at its horizon: daily messages and weekly participation over the last 7 days/);

    // start a calibration: progress with the time left and a Cancel button
    const calibrateButton = view.shadowRoot!.querySelector<HTMLButtonElement>('button.calibrate')!;
    expect(view.shadowRoot!.activeElement).toBe(view.shadowRoot!.querySelector('h3.results')); // focus on the results after Read
    calibrateButton.click();
    await until(() => /done · .* s elapsed · about .+ left/.test(text(view, '.eta')) && !/about — left/.test(text(view, '.eta')), 'the progress with an estimate');
    const cancel = view.shadowRoot!.querySelector<HTMLButtonElement>('button.cancel')!;
    expect(cancel.textContent).toBe('Cancel calibration');
    // progress and Cancel right below the Calibrate button, focus on Cancel, the screen reader told
    expect(calibrateButton.compareDocumentPosition(view.shadowRoot!.querySelector('.running')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(view.shadowRoot!.querySelector('table.metrics')!.compareDocumentPosition(view.shadowRoot!.querySelector('.running')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(view.shadowRoot!.activeElement).toBe(cancel);
    expect(text(view, '.live')).toMatch(/^Calibrating/);
    cancel.focus();
    await userEvent.keyboard('{Enter}');
    await until(() => !!view.shadowRoot!.querySelector('.notice'), 'the cancel');
    expect(text(view, '.notice')).toMatch(/^Calibration cancelled\. The imported measurement is kept/);
    expect(view.shadowRoot!.querySelector('button.cancel')).toBeNull();
    expect(view.shadowRoot!.querySelector('table.fit')).toBeNull();
    expect(view.shadowRoot!.querySelectorAll('tbody tr').length).toBe(rows.length); // the measurement stays
    expect(view.shadowRoot!.activeElement).toBe(calibrateButton); // focus back where the user was, not on <body>
    // the worker stopped: no progress arrives any more
    const progressAfterCancel = view.progress;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(view.progress).toBe(progressAfterCancel);

    // calibrate again (the worker kept the imported table) and let it finish
    const opened: string[] = [];
    const openedNames: string[] = [];
    view.addEventListener('import-open', (e) => { opened.push((e as CustomEvent<{ text: string }>).detail.text); openedNames.push((e as CustomEvent<{ name: string }>).detail.name); });
    button(view, /^Calibrate the model to this group$/).click();
    await until(() => !!view.shadowRoot!.querySelector('table.fit'), 'the calibration', 120_000);
    expect(text(view, '.notice')).toBe('');
    expect(text(view, '.overall')).toMatch(/^Fit: .*\d+ (of \d+ )?fitted metrics/);
    expect(view.shadowRoot!.activeElement).toBe(view.shadowRoot!.querySelector('p.overall')); // the verdict
    expect(text(view, '.live')).toBe(text(view, '.overall'));
    // the calibration reads the lab's windows (7 to 30 days), not the whole span as the metrics table does for some rows
    expect(text(view, 'table.fit th.export')).toBe('Your group, last 7–30 days');
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
    expect(text(view, 'table.fit th.export')).toBe('你的群（最近 7–30 天）');
    // the live status follows the language (kept as a message, not a string)
    expect(text(view, '.live')).toBe(text(view, '.overall'));
    // the fit's tolerances carry their units; rows read over another window than the metrics table's say so
    expect(text(view, 'table.fit tr[data-metric="coreActiveUsers"]')).toMatch(/×1\.3 以内或相差不超过 2 人/);
    expect(text(view, 'table.fit tr[data-metric="firstAnswerMinutesMedian"]')).toMatch(/相差不超过 2 分钟/);
    expect(text(view, 'table.fit tr[data-metric="messagesPerPoster"] td:first-child')).toMatch(/^人均发言数（发言者；近 30 天）/);
    expect(text(view, 'table.fit tr[data-metric="dailyMessages"] td:first-child')).not.toMatch(/近 30 天/);

    // a phone: each row a card within the screen: the metric's name on a line of its own, every figure and the verdict visible
    await page.viewport(390, 844);
    await view.updateComplete;
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(390);
    for (const td of view.shadowRoot!.querySelectorAll<HTMLElement>('table.metrics td, table.fit td')) {
      const box = td.getBoundingClientRect();
      if (box.width) expect(box.right).toBeLessThanOrEqual(390);
    }
    // a column's label stays in its cell (the long "你的群（最近 7–30 天）" wraps rather than running into the next)
    const measured = view.shadowRoot!.querySelector<HTMLElement>('table.fit td.num')!;
    expect(measured.scrollWidth).toBeLessThanOrEqual(measured.clientWidth);
    for (const name of view.shadowRoot!.querySelectorAll<HTMLElement>('table.fit td:first-child, table.metrics td:first-child')) expect(name.getBoundingClientRect().width).toBeGreaterThan(250);
    const fail = [...view.shadowRoot!.querySelectorAll<HTMLElement>('table.metrics td.status')].find((td) => td.innerText.endsWith('未达标'))!;
    expect(getComputedStyle(fail, '::before').content).toBe('"状态"'); // labelled with its column, and not broken a character a line
    expect(fail.getBoundingClientRect().width).toBeGreaterThan(60);
    await page.viewport(1280, 900);

    button(view, /^在实验室中打开$/).click();
    expect(opened).toHaveLength(1);
    const scenario = openScenarioText(opened[0]);
    expect(scenario.ok && scenario.scenario.horizonDays).toBe(40);
    // named by the chat and its span, so a second import does not collide with the first
    expect(openedNames[0]).toMatch(/^group-2024-05-\d\d--06-\d\d\.scenario\.json$/);
    expect(scenario.ok && scenario.scenario.zh?.name).toMatch(/^导入的群 2024-05-\d\d 至 06-\d\d（已校准）$/);
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
    expect(text(view, '.roster-chosen')).toBe('Member list: none (the Slack export’s own channels.json serves as one)'); // only for Slack
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
    expect(text(view, 'ul.files')).toBe('#general: 10 files, 20 messages; times: ts (Unix time) at UTC: set the Time zone field for the team’s local day');
    expect(view.shadowRoot!.querySelector<HTMLDetailsElement>('details.all-files')!.open).toBe(false);
    expect(text(view, 'details.all-files summary')).toBe('Every file (10)');
    expect(view.shadowRoot!.querySelector('ul.all-files li')!.textContent).toMatch(/^slack-export\.zip\/general\/2024-03-01\.json: Slack/);
    expect(view.report?.ok && view.report.measures.messages).toBe(20);
    expect(view.report?.ok && view.report.measures.values.members).toBe(2);

    view.locale = 'zh-CN';
    await view.updateComplete;
    expect(text(view, 'fieldset.channels')).toMatch(/^Slack 频道：勾选的频道合并为一个群测量.*当前测量：#general$/);
    expect(text(view, 'ul.files')).toBe('#general：10 个文件，20 条消息；时间：ts（Unix 时间）按 UTC：请在“时区”栏填写团队的时差，按团队的本地日期计');
    expect(view.shadowRoot!.textContent).not.toMatch(/--tz/);
  });

  it('shows and clears the member list, keeps the results across a re-created view, marks them stale for new files, and grades member metrics only with a list', async () => {
    let view = document.createElement('qc-import-view') as ImportView;
    view.locale = 'en';
    document.body.append(view);
    await view.updateComplete;
    const { csv, roster } = smallExport();
    const pick = (selector: string, files: File[]) => {
      const input = view.shadowRoot!.querySelector<HTMLInputElement>(selector)!;
      Object.defineProperty(input, 'files', { value: files, configurable: true });
      input.dispatchEvent(new Event('change'));
    };
    // a member list picked first is kept for the files chosen next
    pick('input.roster', [roster]);
    pick('input.files', [csv]);
    await view.updateComplete;
    expect(text(view, '.roster-chosen .roster')).toBe('Member list: members.txt');
    // ✕ from the keyboard removes it
    const remove = view.shadowRoot!.querySelector<HTMLButtonElement>('.roster-chosen button.remove')!;
    expect(remove.getAttribute('aria-label')).toBe('Remove the member list members.txt');
    remove.focus();
    await userEvent.keyboard('{Enter}');
    await view.updateComplete;
    expect(text(view, '.roster-chosen')).toBe('Member list: none (a text file with one member a line, wxid or nickname, or a CSV with wxid and nickname columns)');
    expect(view.shadowRoot!.activeElement).toBe(view.shadowRoot!.querySelector('input.roster')); // not dropped to <body>
    pick('input.roster', [roster]);
    await view.updateComplete;
    button(view, /^Read and measure$/).click();
    await until(() => !!view.shadowRoot!.querySelector('table.metrics'), 'the metrics');
    expect(view.shadowRoot!.activeElement).toBe(view.shadowRoot!.querySelector('h3.results'));
    expect(text(view, '.live')).toBe('Read: the results are below.');
    expect(view.shadowRoot!.textContent).not.toMatch(/\(s\)/); // "1 file chosen", "1 listed member never wrote", "40 days"…
    expect(text(view, 'table.metrics tr[data-metric="weeklyParticipation"] td.status')).not.toBe('needs a member list');
    const metrics = text(view, 'table.metrics');

    // leave the tab and come back: the app shell makes a new view; nothing is lost
    view.remove();
    view = document.createElement('qc-import-view') as ImportView;
    view.locale = 'en';
    document.body.append(view);
    await view.updateComplete;
    expect(text(view, 'table.metrics')).toBe(metrics);
    expect(text(view, '.files-chosen')).toBe('1 file chosen: group.csv');
    expect(text(view, '.roster-chosen .roster')).toBe('Member list: members.txt');
    expect(view.shadowRoot!.querySelector<HTMLButtonElement>('button.calibrate')!.disabled).toBe(false);

    // other files: the member list goes (and the page says so), the results are marked as the previous files'
    pick('input.files', [new File([await csv.text()], 'other.csv', { type: 'text/csv' })]);
    await view.updateComplete;
    expect(text(view, '.roster-chosen')).toBe('Member list: none (a text file with one member a line, wxid or nickname, or a CSV with wxid and nickname columns)');
    expect(text(view, '.notice')).toMatch(/^New export files chosen: the member list members\.txt was cleared/);
    expect(text(view, '.stale-files')).toMatch(/^These results are for group\.csv: read again to measure the files chosen now/);
    expect(view.shadowRoot!.querySelector<HTMLButtonElement>('button.calibrate')!.disabled).toBe(true);
    view.locale = 'zh-CN';
    await view.updateComplete;
    expect(text(view, '.stale-files')).toMatch(/^以下结果属于 group\.csv：请再次读取/);
    expect(text(view, '.notice')).toMatch(/^已选择新的导出文件：成员名单 members\.txt 属于之前的群，已清除。/);

    // read without a member list: member metrics are not graded
    button(view, /^读取并测量$/).click();
    await until(() => !view.shadowRoot!.querySelector('.stale-files') && view.stage === 'read', 'the second read');
    expect(text(view, 'table.metrics tr[data-metric="weeklyParticipation"] td.status')).toBe('需要成员名单');
    expect(text(view, 'table.metrics tr[data-metric="speakingRate30d"] td.status')).toBe('需要成员名单');
    view.locale = 'en';
    await view.updateComplete;
    expect(text(view, 'table.metrics tr[data-metric="speakingRate30d"] td.status')).toBe('needs a member list');
    expect(text(view, 'table.metrics tr[data-metric="dailyMessages"] td.status')).not.toBe('needs a member list');
  });

  it('a Slack folder pick keeps the folder in the names: its channels.json is the member list', async () => {
    const view = document.createElement('qc-import-view') as ImportView;
    view.locale = 'en';
    document.body.append(view);
    await view.updateComplete;
    const inFolder = (path: string, value: unknown) => {
      const file = new File([JSON.stringify(value)], path.split('/').pop()!, { type: 'application/json' });
      Object.defineProperty(file, 'webkitRelativePath', { value: path });
      return file;
    };
    const message = (user: string, day: number) => ({ type: 'message', user, text: 'hello', ts: `${Date.UTC(2024, 2, day, 10) / 1000}.000100` });
    const files = [inFolder('export/channels.json', [{ id: 'C1', name: 'general', members: ['U1', 'U2', 'U3'] }, { id: 'C2', name: 'random', members: ['U4', 'U5'] }])];
    for (let d = 1; d <= 3; d++) files.push(inFolder(`export/random/2024-03-0${d}.json`, [message('U4', d)]), inFolder(`export/general/2024-03-0${d}.json`, [message('U1', d), message('U2', d)]));
    const input = view.shadowRoot!.querySelector<HTMLInputElement>('input.folder')!;
    Object.defineProperty(input, 'files', { value: files });
    input.dispatchEvent(new Event('change'));
    await view.updateComplete;
    expect(text(view, '.files-chosen')).toBe('7 files chosen: export/');
    button(view, /^Read and measure$/).click();
    await until(() => view.stage === 'read', 'the read');
    expect(view.report?.ok && view.report.roster).toBe(5);
    expect(view.report?.ok && view.report.silent).toBe(2);
    expect(text(view, 'ul.files')).toBe('#general: 3 files, 6 messages; times: ts (Unix time) at UTC: set the Time zone field for the team’s local day '
      + '#random: 3 files, 3 messages; times: ts (Unix time) at UTC: set the Time zone field for the team’s local day');
    expect(text(view, 'h3.results + ul.files + details + p')).toMatch(/, 9 messages, 5 members\. 2 listed members never wrote\.$/);
  });

  it('a Slack folder dropped on the drop zone is walked, its files keeping their paths', async () => {
    const view = document.createElement('qc-import-view') as ImportView;
    view.locale = 'en';
    document.body.append(view);
    await view.updateComplete;
    const message = (user: string, day: number) => ({ type: 'message', user, text: 'hello', ts: `${Date.UTC(2024, 2, day, 10) / 1000}.000100` });
    // the entries a browser gives for a dropped folder: a directory reader answering in a batch, then with none
    const fileEntry = (name: string, value: unknown) => ({ isFile: true, isDirectory: false, name, file: (ok: (f: File) => void) => ok(new File([JSON.stringify(value)], name)) });
    const dirEntry = (name: string, children: unknown[]) => ({
      isFile: false, isDirectory: true, name,
      createReader: () => { let done = false; return { readEntries: (ok: (e: unknown[]) => void) => { ok(done ? [] : children); done = true; } }; },
    });
    const folder = dirEntry('export', [
      fileEntry('channels.json', [{ id: 'C1', name: 'general', members: ['U1', 'U2', 'U3', 'U4'] }]),
      dirEntry('general', [1, 2, 3].map((d) => fileEntry(`2024-03-0${d}.json`, [message('U1', d), message('U2', d)]))),
    ]);
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', { value: { items: [{ webkitGetAsEntry: () => folder }], files: [] } });
    view.shadowRoot!.querySelector('.drop')!.dispatchEvent(drop);
    await until(() => !!view.shadowRoot!.querySelector('.files-chosen'), 'the walk');
    expect(text(view, '.files-chosen')).toBe('4 files chosen: export/');
    button(view, /^Read and measure$/).click();
    await until(() => view.stage === 'read', 'the read');
    expect(text(view, 'ul.files')).toMatch(/^#general: 3 files, 6 messages; /);
    expect(view.report?.ok && view.report.roster).toBe(4); // channels.json is the member list
  });

  it('typesets Chinese, links § to the playbook, shows definitions on demand and names short logs in the status', async () => {
    const view = document.createElement('qc-import-view') as ImportView;
    view.locale = 'en';
    document.body.append(view);
    await view.updateComplete;
    const { csv } = smallExport();
    // three days of the export: shorter than the weekly and core-active windows, and no member list
    const lines = (await csv.text()).split('\n');
    const header = lines[0];
    const days = new Set<string>();
    const short = [header, ...lines.slice(1).filter((line) => {
      const day = /\d{4}-\d\d-\d\d/.exec(line)?.[0];
      if (!day || (days.size >= 3 && !days.has(day))) return false;
      days.add(day);
      return true;
    })];
    expect(short.length).toBeGreaterThan(5);
    const input = view.shadowRoot!.querySelector<HTMLInputElement>('input.files')!;
    const files = new DataTransfer();
    files.items.add(new File([short.join('\n')], 'short.csv', { type: 'text/csv' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change'));
    await view.updateComplete;
    button(view, /^Read and measure$/).click();
    await until(() => !!view.shadowRoot!.querySelector('table.metrics'), 'the metrics');
    expect(text(view, '.live')).toBe('Read: the results are below.');
    // a log shorter than a window: said first, before the member list
    expect(text(view, 'table.metrics tr[data-metric="weeklyParticipation"] td.status')).toBe('less than 7 days of log');
    expect(text(view, 'table.metrics tr[data-metric="coreActiveUsers"] td.status')).toBe('less than 14 days of log');
    expect(text(view, 'table.metrics tr[data-metric="speakingRate30d"] td.status')).toBe('needs a member list');

    view.locale = 'zh-CN';
    await view.updateComplete;
    expect(text(view, '.live')).toBe('读取完成：结果见下方。');
    expect(text(view, 'table.metrics tr[data-metric="coreActiveUsers"] td.status')).toBe('记录不足 14 天');
    expect(text(view, 'ul.files')).toMatch(/^short\.csv：留痕（WeChatMsg）CSV，/);
    const span = text(view, 'p.span');
    expect(span).toMatch(/名成员。未提供成员名单/); // no half-width space after 。
    expect(span).not.toMatch(/。 /);
    expect(text(view, 'table.metrics tr[data-metric="speakingRate30d"] td.threshold')).toBe('≥ 80%（§1）');

    // § is a link to the playbook
    const sections: string[] = [];
    document.body.addEventListener('playbook-open', (e) => sections.push((e as CustomEvent<string>).detail));
    view.shadowRoot!.querySelector<HTMLButtonElement>('tr[data-metric="speakingRate30d"] button.section-link')!.click();
    expect(sections).toEqual(['§1']);

    // a definition opens from the keyboard, not only as a tooltip
    const info = view.shadowRoot!.querySelector<HTMLButtonElement>('tr[data-metric="speakingRate30d"] button.info')!;
    expect(info.getAttribute('aria-expanded')).toBe('false');
    info.focus();
    await userEvent.keyboard('{Enter}');
    await view.updateComplete;
    expect(info.getAttribute('aria-expanded')).toBe('true');
    expect(text(view, 'tr[data-metric="speakingRate30d"] .definition')).toBe('记录期最后 30 天内发过言的成员占比。');
  });
});
