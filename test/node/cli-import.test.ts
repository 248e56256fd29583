/**
 * `npm run sim -- import`: the metrics table and JSON, a Slack folder, flags
 * refused where they do not apply, a checked scenario output (issue 19).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { displayWidth } from '../../src/cli/plan-print.ts';
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { main } from '../../src/cli/main.ts';
import { parseScenarioText } from '../../src/model/scenario.ts';
import { scratchDir } from './scratch.ts';
import { captureConsole } from './console-capture.ts';

const { out, err } = captureConsole();
const dir = scratchDir('cli-import');
const file = (name: string, text: string) => {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
};

const row = (id: number, time: string, text: string, sender: string) => `${id},1,1,0,0,,2,${text},${time},,group,${sender}`;
const lines = ['localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender'];
for (let d = 1; d <= 21; d++) {
  const day = `2024-03-${String(d).padStart(2, '0')}`;
  lines.push(row(lines.length, `${day} 20:00:00`, '今天讨论什么？', 'A'), row(lines.length + 1, `${day} 20:05:00`, '聊聊定价', 'B'));
  if (d % 3 === 0) lines.push(row(lines.length, `${day} 12:00:00`, '谢谢', 'C'));
}
lines.push('99,1,1,0,0'); // broken
const chat = file('chat.csv', `${lines.join('\n')}\n`);
const roster = file('roster.txt', 'A\nB\nC\nD\n');

describe('npm run sim -- import', () => {
  it('prints the files read, the skipped rows and every metric against its threshold', () => {
    expect(main(['import', chat, '--roster', roster])).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/WeChatMsg \(留痕\) CSV, utf-8, 49 messages/);
    expect(text).toMatch(/4 members\. 1 listed member never wrote\./);
    expect(text).toMatch(/Names are hashed/);
    expect(text).toMatch(/Skipped 1 row [\s\S]*line 51, column CreateTime: too few fields/);
    expect(text).toMatch(/Speaking rate \(30 d\)\s+50%\s+≥ 80 % \(§1\)\s+miss/);
    expect(text).toMatch(/Lurker share\s+50%\s+≤ 35 % \(§6\)\s+miss/);
    expect(text).not.toMatch(/\bA\b.*\bB\b.*\bC\b.*members/);
  });

  it('prints one JSON object with the metrics, span and skips', () => {
    expect(main(['import', chat, '--roster', roster, '--json', '--positioning', 'customer_service'])).toBe(0);
    const json = JSON.parse(out.join(''));
    expect(json.span).toEqual({ from: '2024-03-01', to: '2024-03-21', days: 21 });
    expect(json.messages).toBe(49);
    expect(json.skipped.total).toBe(1);
    // a customer-service group is judged on its first answer (§1), not on a community's daily messages
    expect(json.metrics.dailyMessages).toMatchObject({ value: 17 / 7, threshold: null, status: null }); // the last 7 days, as the lab reads it
    expect(json.metrics.dailyMessagesSpan.value).toBe(49 / 21);
    expect(json.metrics.firstAnswerMinutesMedian).toMatchObject({ value: 5, threshold: '< 15', status: 'pass' });
    expect(json.hourlyProfile).toHaveLength(24);
    expect(json.calibration).toBeNull();
  });

  it('reads a Slack export folder with channels.json as the roster, at the --tz offset', () => {
    const slack = join(dir, 'slack');
    file('slack/general/2024-03-01.json', JSON.stringify([{ type: 'message', user: 'U1', text: 'hi', ts: '1709280000.0001' }, { type: 'message', user: 'U2', text: 'ok?', ts: '1709283600.0002' }]));
    file('slack/channels.json', JSON.stringify([{ id: 'C1', name: 'general', members: ['U1', 'U2', 'U3'] }]));
    file('slack/users.json', JSON.stringify([{ id: 'U1', name: 'a' }]));
    expect(main(['import', slack, '--tz', '+08:00', '--json'])).toBe(0);
    const json = JSON.parse(out.join(''));
    expect(json.roster).toBe(3);
    expect(json.files[0]).toMatchObject({ file: join('general', '2024-03-01.json'), format: 'slack-json', timeBasis: { en: expect.stringContaining('+08:00'), zh: expect.stringContaining('+08:00') } });
    expect(json.hourlyProfile[16]).toBe(0.5); // 08:00 UTC is 16:00 at +08:00
  });

  it('reads a zipped Slack export, the channel chosen with --channel', () => {
    const message = (user: string, ts: number) => ({ type: 'message', user, text: 'hi', ts: `${ts}.0001` });
    const zip = join(dir, 'slack-export.zip');
    writeFileSync(zip, zipSync({
      'channels.json': strToU8(JSON.stringify([{ id: 'C1', name: 'general', members: ['U1', 'U2', 'U3'] }, { id: 'C2', name: 'random', members: ['U4'] }])),
      'users.json': strToU8(JSON.stringify([{ id: 'U1', name: 'a' }])),
      general: { '2024-03-01.json': strToU8(JSON.stringify([message('U1', 1709280000), message('U2', 1709283600)])) },
      random: { '2024-03-01.json': strToU8(JSON.stringify([message('U4', 1709280000)])) },
    }));
    expect(main(['import', zip, '--channel', '#general', '--json'])).toBe(0);
    const json = JSON.parse(out.join(''));
    expect(json.roster).toBe(3);
    expect(json.messages).toBe(2);
    expect(json.files.map((f: { file: string }) => f.file)).toEqual([`${zip}/general/2024-03-01.json`]);
    expect(main(['import', zip, '--channel', 'nope'])).toBe(1);
    expect(err.join('\n')).toMatch(/no Slack channel "nope" in the export \(its channels: general, random\)/);
  });

  it('refuses bad flags and files in one line each', () => {
    expect(main(['import', chat, '--tz', 'Beijing'])).toBe(1);
    expect(err.join('\n')).toMatch(/--tz must be an offset from UTC such as \+08:00/);
    expect(main(['import', chat, '--runs', '4'])).toBe(1);
    expect(err.join('\n')).toMatch(/--runs applies to the calibration only; add --scenario-out FILE/);
    expect(main(['import', chat, '--csv', 'x.csv'])).toBe(1);
    expect(err.join('\n')).toMatch(/--csv does not apply to import/);
    expect(main(['import', file('notes.txt', 'hello\n')])).toBe(1);
    expect(err.join('\n')).toMatch(/notes\.txt: not a chat export/);
    expect(main(['import', join(dir, 'missing.csv')])).toBe(1);
    expect(err.join('\n')).toMatch(/missing\.csv: cannot read the file \(no such file\)/);
    expect(main(['import', chat, '--scenario-out', chat])).toBe(1);
    expect(err.join('\n')).toMatch(/--scenario-out .*is an input file/);
  });

  it('gives the calibration\u2019s verdict in Chinese with --lang zh-CN, and refuses another language', () => {
    out.length = 0;
    expect(main(['import', chat, '--scenario-out', join(dir, 'fitted-zh.json'), '--runs', '1', '--steps', '0', '--lang', 'zh-CN'])).toBe(0);
    expect(out.join('\n')).toMatch(/按记录的最后 21 天校准/);
    expect(out.join('\n')).toMatch(/周参与率.*未拟合：需要成员名单/); // no roster given here
    expect(out.join('\n')).toMatch(/^因缺少成员名单未拟合：周参与率、成员发言率（30 日）、.*没有名单时/m);
    // the fitted group in an operator's words, no parameter codes, no English
    expect(out.join('\n')).toMatch(/^拟合出的群：$/m);
    expect(out.join('\n')).toMatch(/^ {2}管理员回复用时：约 \d+ 分钟$/m);
    // the fit's progress in metrics an operator can count, not a loss
    expect(out.join('\n')).toMatch(/^容差内的指标：默认参数 (\d+) 项中 \d+ 项 → 拟合后 \d+ 项$/m);
    expect(out.join('\n')).not.toMatch(/拟合误差/);
    // the overall line names the verdict's word; a fit short of within gives a next step (no member list here)
    expect(out.join('\n')).toMatch(/^拟合结果：(吻合|部分吻合|较差)[。，]/m);
    if (!/^拟合结果：吻合/m.test(out.join('\n'))) expect(out.join('\n')).toMatch(/^下一步：添加本群的成员名单/m);
    expect(out.join('\n')).not.toMatch(/replyMinutes|rateMedian|loss|scenario written/);
    expect(main(['import', file('notes-zh.txt', 'hello\n'), '--lang', 'zh-CN'])).toBe(1);
    expect(err.join('\n')).toMatch(/notes-zh\.txt：不是可识别的聊天导出格式（支持：留痕（WeChatMsg）CSV、PyWxDump CSV、/);
    expect(main(['import', chat, '--scenario-out', join(dir, 'fitted-fr.json'), '--lang', 'fr'])).toBe(1);
    expect(err.join('\n')).toMatch(/--lang must be en or zh-CN \(got "fr"\)/);
    // the report itself speaks Chinese too, its table aligned by display width
    out.length = 0;
    expect(main(['import', chat, '--lang', 'zh-CN'])).toBe(0);
    const report = out.join('\n');
    expect(report).toMatch(/导入时对名字做加盐哈希/);
    const lines = report.split('\n');
    const header = lines.find((l) => l.startsWith('指标'))!;
    const speaking = lines.find((l) => l.startsWith('成员发言率（30 日）'))!;
    expect(speaking).toMatch(/成员发言率（30 日）\s+[\d.]+%\s+≥ 80%（§1）\s+需要成员名单$/);
    expect(displayWidth(speaking)).toBe(displayWidth(header)); // the columns line up
  });

  it('calibrates with --scenario-out and writes a valid scenario', () => {
    const target = join(dir, 'fitted.json');
    expect(main(['import', chat, '--roster', roster, '--scenario-out', target, '--runs', '2', '--steps', '3'])).toBe(0);
    expect(out.join('\n')).toMatch(/Fitted to the export’s last 21 days[\s\S]*of at most 3 steps, 2 simulated runs per step; the verdict from 24 runs[\s\S]*Daily messages\s+2\.4\s/);
    expect(out.join('\n')).toMatch(/Effective-content ratio \(estimate\).*not compared: an estimate/);
    expect(out.join('\n')).toMatch(/^Not compared: Effective-content ratio \(estimate\)\. A log cannot tell/m);
    expect(out.join('\n')).toMatch(/^Fit: .*fitted metrics/m);
    const parsed = parseScenarioText(readFileSync(target, 'utf8'));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.scenario.horizonDays).toBe(21);
      expect(parsed.scenario.startWeekday).toBe('fri');
      expect(Object.keys(parsed.scenario.parameters)).toEqual(expect.arrayContaining(['rateMedianCore', 'rateMedianOrdinary', 'profileEveningShare']));
    }
  });
});
