/** Issue 19 in the built app: an export dropped on the Import view is read in a worker, measured, calibrated and opened in the lab. */
import { describe, expect, inject, it } from 'vitest';
import { useSession } from './helpers.ts';

const session = useSession();

const row = (id: number, time: string, text: string, sender: string) => `${id},1,1,0,0,,2,${text},${time},,group,${sender}`;
function exportText(): string {
  const lines = ['localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender'];
  for (let d = 1; d <= 21; d++) {
    const day = `2024-03-${String(d).padStart(2, '0')}`;
    lines.push(row(lines.length, `${day} 20:00:00`, '今天讨论什么？', '张三'), row(lines.length, `${day} 20:05:00`, '聊聊定价', '李四'), row(lines.length, `${day} 21:00:00`, '1', '王五'));
  }
  lines.push('99,1,1,0,0');
  return lines.join('\n');
}

describe('your group: import a chat export', () => {
  it('reads a dropped export with progress, judges it, calibrates and opens the scenario in the lab, keeping no name', async () => {
    const { page } = session;
    await page.goto(inject('baseUrl'));
    await page.locator('qc-app-bar button.view-import').click();
    const view = page.locator('qc-import-view');
    expect(await view.locator('.privacy').textContent()).toMatch(/nothing leaves your browser.*names are hashed/);
    const transfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'chat.csv', { type: 'text/csv' }));
      return dt;
    }, exportText());
    await view.locator('.drop').dispatchEvent('dragover', { dataTransfer: transfer });
    await view.locator('.drop').dispatchEvent('drop', { dataTransfer: transfer });
    await view.getByRole('button', { name: 'Read and measure' }).click();
    const metrics = view.locator('table').first();
    await expect.poll(() => metrics.textContent(), { timeout: 30_000 }).toMatch(/Speaking rate \(30 d\)/);
    // each name has its ⓘ; the threshold's number and % are held together by no-break spaces (\s matches them)
    expect(await metrics.textContent()).toMatch(/Effective-content ratio \(estimate\)ⓘ?\s*66\.7%\s*>\s70\s%\s\(§5\)\s*close to the threshold/);
    // the skipped row is counted where it shows, its reason one click away
    expect(await view.locator('p.span').textContent()).toMatch(/1 row could not be read and was skipped\./);
    expect(await view.locator('details summary').textContent()).toMatch(/^Why the rows were skipped \(1\)/);
    expect(await page.locator('qc-app .refused').count()).toBe(0); // the app did not take the export for a scenario
    expect(await view.textContent()).not.toMatch(/张三|李四|王五/);

    await view.getByRole('button', { name: 'Calibrate the model to this group' }).click();
    await expect.poll(() => view.locator('h3.fit-title').textContent(), { timeout: 120_000 }).toMatch(/Calibration/);
    await view.getByRole('button', { name: 'Open in the lab' }).click();
    await expect.poll(() => page.locator('qc-app-bar button.view-lab').getAttribute('aria-pressed')).toBe('true');
    expect(session.errors).toEqual([]);
  });
});
