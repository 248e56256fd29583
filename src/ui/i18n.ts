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
  compareTitle: { en: 'Compare scenarios', zh: '场景对比' },
  compareHint: { en: 'Pick 2–4 scenarios from the library (the current one included). They run with the first one’s seed and the same run indices, so differences are the levers’ effect.', zh: '从场景库中选择 2–4 个场景 (含当前场景)。它们使用第一个场景的随机种子和相同的模拟序号，因此差异来自策略本身。' },
  compareRun: { en: 'Compare {count} scenarios', zh: '对比 {count} 个场景' },
  compareScenarios: { en: 'Paired comparison: {runs} runs each, seed {seed}', zh: '配对对比：每个场景 {runs} 次，种子 {seed}' },
  leversDiffer: { en: 'Levers that differ', zh: '不同的策略项' },
  noLeverDiff: { en: 'The scenarios set the same levers.', zh: '这些场景的策略项完全相同。' },
  lever: { en: 'Lever', zh: '策略项' },
  kpiTable: { en: 'KPIs: medians and paired difference against A (90 % interval over runs)', zh: '关键指标：中位数及相对 A 的配对差异 (90% 区间)' },
  metric: { en: 'Metric', zh: '指标' },
  goalsByScenario: { en: 'Share of runs meeting each goal (goals of A’s positioning)', zh: '各目标的达标比例 (按 A 的群定位)' },
  allGoalsRow: { en: 'all goals at once', zh: '同时达成全部目标' },
  comparing: { en: 'Running scenario {k} of {n}…', zh: '正在运行第 {k} / {n} 个场景…' },
  viewLab: { en: 'Lab', zh: '实验室' },
  viewLibrary: { en: 'Library', zh: '场景库' },
  viewCompare: { en: 'Compare', zh: '对比' },
  open: { en: 'Open…', zh: '打开…' },
  save: { en: 'Save file', zh: '保存文件' },
  saveToLibrary: { en: 'Save to library', zh: '存入场景库' },
  share: { en: 'Share link', zh: '分享链接' },
  exportCsv: { en: 'Daily CSV', zh: '每日数据 CSV' },
  exportJson: { en: 'Results JSON', zh: '结果 JSON' },
  shareCopied: { en: 'Link copied. Anyone who opens it sees this exact scenario.', zh: '链接已复制。打开链接即可看到完全相同的场景。' },
  shareReady: { en: 'Share this link:', zh: '分享此链接：' },
  openedFile: { en: 'Opened {name}.', zh: '已打开 {name}。' },
  openedLink: { en: 'Opened the scenario from the link.', zh: '已从链接打开场景。' },
  fileRefused: { en: '{name} was not opened; the scenario on screen is unchanged:', zh: '{name} 未能打开，当前场景保持不变：' },
  linkRefused: { en: 'The link could not be opened; the scenario on screen is unchanged:', zh: '链接无法打开，当前场景保持不变：' },
  dropHint: { en: 'Drop a scenario file to open it', zh: '拖放场景文件以打开' },
  dismiss: { en: 'Dismiss', zh: '关闭' },
  libraryTitle: { en: 'Scenarios in this browser', zh: '本浏览器中的场景' },
  libraryEmpty: { en: 'No saved scenarios yet. “Save to library” keeps the current one here.', zh: '还没有保存的场景。点击“存入场景库”即可保存当前场景。' },
  rename: { en: 'Rename', zh: '重命名' },
  duplicate: { en: 'Duplicate', zh: '复制' },
  remove: { en: 'Delete', zh: '删除' },
  load: { en: 'Open in the lab', zh: '在实验室中打开' },
  renamePrompt: { en: 'New name', zh: '新名称' },
  copyOf: { en: '{name} (copy)', zh: '{name} (副本)' },
  savedAt: { en: 'saved {time}', zh: '保存于 {time}' },
  currentScenario: { en: 'Current: {name}', zh: '当前：{name}' },
  storageError: { en: 'The browser refused to store data ({message}); your work stays on screen.', zh: '浏览器无法保存数据 ({message})；当前内容仍在屏幕上。' },
  clearDifference: { en: 'The 90 % interval excludes zero: the levers moved this metric in nine runs out of ten or more.', zh: '90% 区间不含 0：策略差异在九成以上的模拟中改变了此指标。' },
  exportComparison: { en: 'Comparison CSV', zh: '对比结果 CSV' },
  viewsLabel: { en: 'Views and files', zh: '视图与文件' },
  keptBeforeOpening: { en: '{name} (kept before opening another)', zh: '{name} (打开其他场景前自动保存)' },
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
