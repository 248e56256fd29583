/**
 * Both languages of the UI. Every visible string comes from here, the metric
 * and parameter tables (which carry en/zh), or the playbook's thresholds.
 */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const STORAGE_KEY = 'qunce-lab.locale';

export function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'zh-CN' || saved === 'en') return saved;
  } catch {
    // storage may be unavailable (private mode); fall back to the browser's language
  }
  const languages = typeof navigator !== 'undefined' ? navigator.languages ?? [navigator.language] : [];
  return languages.some((l) => l?.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

export function saveLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // not persisted: the toggle still works for this visit
  }
}

const MESSAGES = {
  appTitle: { en: '群策 Lab', zh: '群策 Lab' },
  tagline: { en: 'Test a WeChat group strategy before you launch it', zh: '建群之前，先在实验室里试一试运营策略' },
  language: { en: '中文', zh: 'English' },
  languageLabel: { en: 'Switch to Chinese', zh: '切换到英文' },
  preset: { en: 'Preset', zh: '预设' },
  presetHint: { en: 'Load a reference scenario', zh: '载入参考场景' },
  custom: { en: '(edited)', zh: '(已修改)' },
  resetDefaults: { en: 'Reset to defaults', zh: '恢复默认' },
  runFull: { en: 'Run full ensemble', zh: '运行完整模拟' },
  cancel: { en: 'Cancel', zh: '取消' },
  runs: { en: 'runs', zh: '次' },
  quickRun: { en: 'Quick preview', zh: '快速预览' },
  fullRun: { en: 'Full ensemble', zh: '完整模拟' },
  progress: { en: '{done} / {total} runs · {elapsed} s elapsed · about {remaining} s left', zh: '{done} / {total} 次 · 已用 {elapsed} 秒 · 约剩 {remaining} 秒' },
  progressDone: { en: '{total} runs in {elapsed} s · seed {seed} · {workers} workers', zh: '{total} 次模拟，用时 {elapsed} 秒 · 种子 {seed} · {workers} 个线程' },
  cancelled: { en: 'Cancelled. The last complete results are shown.', zh: '已取消，显示上一次完整结果。' },
  workerError: { en: 'A simulation worker failed and was replaced: {message}', zh: '一个模拟线程出错，已重启：{message}' },
  runFailed: { en: 'The ensemble could not finish: {message}', zh: '模拟未能完成：{message}' },
  invalidKept: { en: '{count} field(s) need attention; the last valid strategy keeps running.', zh: '有 {count} 个字段需要修改；仍按上一个有效策略模拟。' },
  strategy: { en: 'Strategy', zh: '运营策略' },
  results: { en: 'Projected results', zh: '预测结果' },
  scorecard: { en: 'Scorecard at day {day}', zh: '第 {day} 天记分卡' },
  goal: { en: 'Goal', zh: '目标' },
  median: { en: 'Median', zh: '中位数' },
  range: { en: 'p10–p90', zh: 'p10–p90' },
  threshold: { en: 'Threshold', zh: '阈值' },
  status: { en: 'Status', zh: '状态' },
  goalMet: { en: 'Runs meeting it', zh: '达标比例' },
  allGoals: { en: 'All goals met at once in {share} of runs', zh: '{share} 的模拟同时达成全部目标' },
  pass: { en: 'pass', zh: '达标' },
  warn: { en: 'close', zh: '接近' },
  fail: { en: 'miss', zh: '未达标' },
  noValue: { en: 'no data', zh: '无数据' },
  gapNote: { en: 'Threshold missing in the source article (§5): shown without a goal.', zh: '原文缺少此阈值 (§5)：只显示数值。' },
  day: { en: 'Day', zh: '天' },
  dayN: { en: 'day {day}', zh: '第 {day} 天' },
  showTable: { en: 'Show as table', zh: '以表格显示' },
  hideTable: { en: 'Hide table', zh: '隐藏表格' },
  bandOuter: { en: 'p10–p90', zh: 'p10–p90' },
  bandInner: { en: 'p25–p75', zh: 'p25–p75' },
  medianLine: { en: 'median', zh: '中位数' },
  sampleRun: { en: 'Membership of one sample run (run 0)', zh: '单次模拟的成员结构 (第 0 次)' },
  messagesByKind: { en: 'Daily messages by kind (medians)', zh: '每日消息构成 (中位数)' },
  waiting: { en: 'Running the first ensemble…', zh: '正在运行第一次模拟…' },
  source: { en: 'Source', zh: '来源' },
  defaultValue: { en: 'default {value}', zh: '默认 {value}' },
  allowed: { en: 'allowed {min}–{max}', zh: '范围 {min}–{max}' },
  from: { en: 'from', zh: '从' },
  to: { en: 'to', zh: '到' },
  on: { en: 'on', zh: '开' },
  none: { en: 'none', zh: '无' },
  seed: { en: 'Seed', zh: '随机种子' },
  readsAs: { en: 'read as per group', zh: '按全群理解' },
  ruleDay: { en: 'day', zh: '第几天' },
  ruleNotice: { en: 'notice days', zh: '提前天数' },
  ruleVote: { en: 'chain vote', zh: '接龙投票' },
  ruleAdd: { en: 'Add a rule change', zh: '添加规则变更' },
  ruleRemove: { en: 'Remove', zh: '删除' },
} as const;

export type MessageKey = keyof typeof MESSAGES;

export function t(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const entry = MESSAGES[key];
  const text: string = locale === 'zh-CN' ? entry.zh : entry.en;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Pick the language of a bilingual record ({ en, zh }). */
export function pick(locale: Locale, value: { readonly en: string; readonly zh: string }): string {
  return locale === 'zh-CN' ? value.zh : value.en;
}

const formatters = new Map<string, Intl.NumberFormat>();
function formatter(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f;
}

export function formatNumber(locale: Locale, value: number, digits = 1): string {
  return formatter(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
}

export function formatPercent(locale: Locale, share: number, digits = 0): string {
  return formatter(locale, { style: 'percent', maximumFractionDigits: digits }).format(share);
}

/** A metric value by its unit: shares as percentages, counts whole where whole. */
export function formatByUnit(locale: Locale, unit: string, value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (unit === 'share') return formatPercent(locale, value, 1);
  if (unit === 'count') return formatNumber(locale, value, Number.isInteger(value) ? 0 : 1);
  return formatNumber(locale, value, 1);
}
