/**
 * `npm run sim -- import FILE... [--roster FILE] [--tz +08:00] [--channel NAME] [--positioning P] [--json]
 *                  [--lang L] [--scenario-out FILE [--runs N] [--steps N] [--seed S]]`
 *
 * Reads chat exports (a folder or a zip is read whole: a Slack export), measures the
 * group against the playbook's thresholds and, with --scenario-out,
 * calibrates the model to it and writes the scenario (issue 19). Names are
 * hashed on import; nothing but the scenario file is written.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { importChat, type ImportInput } from '../model/import/import-chat.ts';
import { FORMAT_NAMES, FORMAT_NAMES_ZH, type ImportedChat } from '../model/import/chat-import.ts';
import { MEASURE_INFO, measureChat, type ChatMeasures } from '../model/import/measure.ts';
import { calibratedScenarioText, fitToChat, type FitResult } from '../model/import/fit.ts';
import { labWillMissText, overallText, toleranceText, verdictText, withinCountText } from '../i18n/fit-verdict.ts';
import { formatNumber, pick, typeset, type Locale } from '../i18n/locale.ts';
import { fittedParametersText, ignoredText, replyMinutesText, rowStatus, skippedRowText, thresholdText } from '../i18n/import-text.ts';
import type { Bilingual } from '../model/text.ts';
import { t, tn } from '../i18n/messages.ts';
import { parseOffset } from '../model/import/time.ts';
import { POSITIONINGS, type Positioning } from '../model/playbook.ts';
import { formatByUnit } from '../model/format.ts';
import { checkOutputPath, plain, readRegularBytes, UserError, writeAtomically, type FileKind } from './io.ts';
import { parseVerb } from './flags.ts';
import { print, progressPrinter } from './terminal.ts';
import { table } from './plan-print.ts';

export const IMPORT_USAGE = `  npm run sim -- import <export>... [--roster FILE] [--tz +08:00] [--channel NAME] [--positioning P] [--json]
                       [--lang en|zh-CN] [--scenario-out FILE [--runs N] [--steps N] [--seed S]]

  <export>     a chat export: WeChatMsg (留痕) or PyWxDump CSV, WechatExporter or QQ TXT,
               Telegram result.json, DiscordChatExporter CSV/JSON, Slack day files, IRC logs
               (a folder or a .zip is read whole: give a Slack export's folder or its zip)
  --roster     member list (one name or id per line, a CSV with an id or name column,
               or Slack channels.json): members who never spoke count
  --tz         offset for absolute timestamps, e.g. +08:00 (default: each format's own;
               WeChat Unix times +08:00, Slack UTC, Discord the offset it wrote)
  --channel    the Slack channel(s) to read, e.g. general or general,random (default: all,
               read together as one group)
  --positioning  knowledge_sharing | resource_matching | customer_service (the thresholds; default knowledge_sharing)
  --scenario-out FILE  calibrate the model to the export and write the scenario
  --runs N     simulated runs per calibration trial (1–100; default 8)
  --steps N    calibration search steps (0–2000; default 60)
  --seed S     seed of the calibration (0–4294967295; default 1)
  --lang L     language of the report and the calibration's verdict: en (default) or zh-CN`;

/** A chat export may be large; JavaScript strings stop near 512 M characters. */
export const CHAT_FILE: FileKind = { is: 'a chat export is a file (or a folder of them)', limit: 'a chat export is at most 512 MB', maxBytes: 512 * 1024 * 1024 };
const READABLE = /\.(csv|txt|json|log|html?|zip)$/i;

function wholeNumber(flag: string, raw: string | undefined, min: number, max: number, fallback: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) throw new UserError([`command line: --${flag} must be a whole number from ${min} to ${max} (got "${plain(raw)}")`]);
  return Number(raw);
}

/** The files to read: each given file, and every .csv/.txt/.json in a given folder and its subfolders, named relative to it. */
function inputsOf(paths: readonly string[]): ImportInput[] {
  const inputs: ImportInput[] = [];
  for (const path of paths) {
    let isFolder = false;
    try {
      isFolder = statSync(path).isDirectory();
    } catch {
      // readRegularBytes says why
    }
    if (!isFolder) {
      inputs.push({ name: path, bytes: readRegularBytes(path, CHAT_FILE) });
      continue;
    }
    const files: string[] = [];
    const walk = (folder: string, depth: number) => {
      for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const full = join(folder, entry.name);
        if (entry.isDirectory() && depth < 2) walk(full, depth + 1);
        else if (entry.isFile() && READABLE.test(entry.name)) files.push(full);
      }
    };
    walk(path, 0);
    if (!files.length) throw new UserError([`${plain(path)}: the folder holds no .csv, .txt, .json, .log, .html or .zip file`]);
    for (const file of files) inputs.push({ name: relative(path, file), bytes: readRegularBytes(file, CHAT_FILE) });
  }
  return inputs;
}

const dateOf = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

export function importCommand(argv: string[]): void {
  const { values, positionals } = parseVerb('import', argv);
  if (!positionals.length) throw new UserError(['import needs at least one chat export', `usage:\n${IMPORT_USAGE}`]);
  const tz = values.tz === undefined ? null : parseOffset(values.tz);
  if (values.tz !== undefined && tz === null) throw new UserError([`command line: --tz must be an offset from UTC such as +08:00, -05:30 or UTC (got "${plain(values.tz)}")`]);
  const positioning = (values.positioning ?? 'knowledge_sharing') as Positioning;
  if (!POSITIONINGS.includes(positioning)) throw new UserError([`command line: --positioning must be one of ${POSITIONINGS.join(', ')} (got "${plain(values.positioning ?? '')}")`]);
  const fitting = values['scenario-out'] !== undefined;
  for (const flag of ['runs', 'steps', 'seed'] as const) {
    if (values[flag] !== undefined && !fitting) throw new UserError([`command line: --${flag} applies to the calibration only; add --scenario-out FILE`]);
  }
  const runs = wholeNumber('runs', values.runs, 1, 100, 8);
  const steps = wholeNumber('steps', values.steps, 0, 2000, 60);
  const seed = wholeNumber('seed', values.seed, 0, 4294967295, 1);
  const locale = (values.lang ?? 'en') as Locale;
  if (locale !== 'en' && locale !== 'zh-CN') throw new UserError([`command line: --lang must be en or zh-CN (got "${plain(values.lang ?? '')}")`]);
  const sources = [...positionals, ...(values.roster ? [values.roster] : [])];
  if (fitting) checkOutputPath('--scenario-out', values['scenario-out']!, sources);

  const chats = inputsOf(positionals);
  const roster = values.roster ? [{ name: values.roster, bytes: readRegularBytes(values.roster, CHAT_FILE) }] : undefined;
  const started = performance.now();
  const channels = values.channel?.split(',').map((c) => c.trim().replace(/^#/, '')).filter(Boolean);
  const outcome = importChat(chats, { tz, roster, channels });
  if (!outcome.ok) throw new UserError(outcome.problems.map((p) => typeset(locale, plain(pick(locale, p)))));
  const seconds = (performance.now() - started) / 1000;
  const measured = measureChat(outcome.chat, positioning);
  let fit: FitResult | null = null;
  if (fitting) {
    const progress = progressPrinter(locale === 'zh-CN' ? '校准中' : 'calibrating', null, locale);
    fit = fitToChat(outcome.chat, { positioning, runs, steps, seed, onProgress: (f) => progress(Math.round(f * 1000), 1000) });
    progress(1000, 1000);
  }
  if (fit) writeAtomically('--scenario-out', values['scenario-out']!, calibratedScenarioText(fit), sources);

  if (values.json) {
    print(JSON.stringify(importJson(outcome.chat, measured, fit, outcome.notices.map((n) => n.en))));
    return;
  }
  printImport(outcome.chat, measured, outcome.notices, seconds, locale);
  if (fit) printFit(fit, values['scenario-out']!, locale);
}

export function importJson(chat: ImportedChat, m: ChatMeasures, fit: FitResult | null, notices: string[]) {
  return {
    files: chat.files,
    span: { from: dateOf(m.firstDay), to: dateOf(m.firstDay + m.days - 1), days: m.days },
    messages: m.messages,
    roster: chat.roster ? chat.roster.length : null,
    skipped: { total: chat.skippedTotal, unreadLines: chat.unreadLines, rows: chat.skipped },
    ignored: chat.ignored,
    notices,
    metrics: Object.fromEntries(m.rows.map((r) => [r.key, { value: r.value, unit: MEASURE_INFO[r.key].unit, threshold: r.threshold, source: r.source, status: r.status, definition: MEASURE_INFO[r.key].definition.en }])),
    hourlyProfile: m.hourlyProfile.map((v) => (Number.isFinite(v) ? v : null)),
    calibration: fit && {
      parameters: fit.parameters, replyMinutes: fit.replyMinutes, horizonDays: fit.horizonDays, loss: fit.loss, lossAtDefaults: fit.lossAtDefaults,
      runs: fit.runs, steps: fit.steps, stepsTaken: fit.stepsTaken, verdictRuns: fit.verdictRuns, overall: fit.overall, fit: fit.rows,
      withinAtDefaults: fit.withinAtDefaults, labWillMiss: fit.labWillMiss, nextSteps: fit.nextSteps,
    },
  };
}

function printImport(chat: ImportedChat, m: ChatMeasures, notices: readonly Bilingual[], seconds: number, locale: Locale): void {
  for (const f of chat.files) {
    const format = (locale === 'zh-CN' ? FORMAT_NAMES_ZH : FORMAT_NAMES)[f.format as keyof typeof FORMAT_NAMES] ?? f.format;
    print(typeset(locale, tn(locale, 'importFileLine', f.messages, { file: plain(f.file), format, encoding: `${f.encoding}${f.bom ? ' + BOM' : ''}`, messages: f.messages, time: pick(locale, f.timeBasis) })));
  }
  const silent = chat.rosterAuthor ? Array.from(chat.rosterAuthor).filter((a) => a < 0).length : 0;
  print([
    t(locale, 'importSpan', { from: dateOf(m.firstDay), to: dateOf(m.firstDay + m.days - 1), days: m.days, messages: m.messages, members: m.values.members ?? 0 }),
    chat.roster ? tn(locale, 'importSilent', silent) : t(locale, 'importNoRoster'),
    t(locale, 'importReadIn', { seconds: formatNumber(locale, seconds, 2) }),
  ].join(locale === 'zh-CN' ? '' : ' '));
  print(t(locale, 'importPrivacyCli'));
  for (const n of notices) print(typeset(locale, `${t(locale, 'importNote')}: ${plain(pick(locale, n))}`));
  if (chat.skippedTotal) {
    print(`\n${tn(locale, 'importSkippedCli', chat.skippedTotal, { count: chat.skippedTotal, listed: chat.skipped.length })}`);
    if (chat.unreadLines) print(`  ${tn(locale, 'importSkippedPlaces', chat.skippedTotal, { count: chat.skippedTotal, lines: chat.unreadLines })}`);
    for (const s of chat.skipped.slice(0, 20)) print(`  ${plain(skippedRowText(locale, s))}`);
    if (chat.skipped.length > 20) print(`  ${t(locale, 'importSkippedMore', { count: chat.skippedTotal - 20, listed: chat.skipped.length })}`);
  }
  if (Object.keys(chat.ignored).length) print(t(locale, 'importIgnored', { list: ignoredText(locale, chat.ignored) }));
  const rows = [[t(locale, 'importMetric'), t(locale, 'importValue'), t(locale, 'importThreshold'), t(locale, 'importStatus')]];
  for (const r of m.rows) {
    rows.push([pick(locale, MEASURE_INFO[r.key]), formatByUnit(locale, MEASURE_INFO[r.key].unit, r.value), thresholdText(locale, r.threshold, r.source), rowStatus(locale, r, m).text]);
  }
  print(`\n${table(rows)}`);
  print(`\n${t(locale, 'importHourlyCli')}`);
  print(m.hourlyProfile.map((v, h) => `${String(h).padStart(2, '0')}h ${Number.isFinite(v) ? `${Math.round(v * 100)}%` : '—'}`).join('  '));
  print(`\n${t(locale, 'importDefinitionsCli')}`);
}

function printFit(fit: FitResult, out: string, locale: Locale): void {
  print(`\n${t(locale, 'importFitNote', { days: fit.horizonDays, taken: fit.stepsTaken, steps: fit.steps, runs: fit.runs, verdictRuns: fit.verdictRuns })}`);
  print(withinCountText(locale, fit));
  const rows = [[t(locale, 'importMetric'), t(locale, 'importExport'), t(locale, 'importFitted'), t(locale, 'importDefaults'), t(locale, 'importTolerance'), t(locale, 'importVerdict')]];
  for (const r of fit.rows) {
    const unit = MEASURE_INFO[r.key].unit;
    rows.push([pick(locale, MEASURE_INFO[r.key]), formatByUnit(locale, unit, r.measured), formatByUnit(locale, unit, r.fitted), formatByUnit(locale, unit, r.atDefaults), toleranceText(locale, r.tolerance), verdictText(locale, r)]);
  }
  print(table(rows));
  for (const line of overallText(locale, fit)) print(line);
  const caution = labWillMissText(locale, fit);
  if (caution) print(caution);
  print(t(locale, 'importFittedParameters'));
  for (const line of [...fittedParametersText(locale, fit.parameters), replyMinutesText(locale, fit.replyMinutes)]) print(`  ${line}`);
  print(t(locale, 'importScenarioWritten', { file: plain(out) }));
}
