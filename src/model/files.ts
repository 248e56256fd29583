/**
 * Scenario files and share links.
 *
 * A saved file is the validated scenario with every default filled in, led by
 * `$schema` and `schemaVersion`, so it reopens exactly. Opening checks the
 * version: an older one is migrated (with a notice), a newer one is refused;
 * then the schema decides, and every problem names its field.
 * A share link carries the whole scenario in the URL fragment, deflated and
 * base64url-encoded, with a checksum of the deflated bytes so a cut or altered
 * link is recognised before anything is inflated (links of the first format,
 * `s1.`, carried the checksum of the inflated JSON and still open).
 */
import type { Bilingual } from './text.ts';
import { RETIRED_PARAMETERS } from './parameters.ts';
import { MAX_SCENARIO_BYTES, SCHEMA_VERSION, makeProblem, parseScenario, parseScenarioText, type Problem, type Scenario } from './scenario.ts';

export const SCHEMA_URL = 'https://qunce.lab/scenario.schema.json';

/** A step from one schemaVersion to the next, and what the user is told about it. */
export interface Migration {
  readonly migrate: (old: Record<string, unknown>) => Record<string, unknown>;
  readonly notice?: Bilingual;
}
export type Migrations = Readonly<Record<number, Migration>>;

/**
 * 1 → 2 (model v2): core active users get an explicit definition,
 * `goals.coreActive` (4 of 14 days by default; v1 counted 4 of 7), and a v1
 * override of their number moves into it. New fields (`content.promoHook`,
 * `content.redPacketsPerWeek`) take their defaults, which are v1's behaviour.
 */
export const MIGRATIONS: Migrations = {
  1: {
    migrate: (old) => {
      let next = old;
      const { goals, parameters } = old;
      if (goals && typeof goals === 'object' && !Array.isArray(goals) && 'coreActiveUsers' in goals) {
        const { coreActiveUsers, ...rest } = goals as Record<string, unknown>;
        // the number was set against v1's definition (4 of the last 7 days): keep that meaning
        next = { ...next, goals: { ...rest, coreActive: { target: coreActiveUsers, minDays: 4, windowDays: 7 } } };
      }
      // v1's multiplicative DM posting boost has no v2 counterpart (dmPostsPerDay adds messages instead)
      if (parameters && typeof parameters === 'object' && !Array.isArray(parameters) && 'dmPostBoost' in parameters) {
        const { dmPostBoost: _dropped, ...rest } = parameters as Record<string, unknown>;
        void _dropped;
        next = { ...next, parameters: rest };
      }
      return next;
    },
    notice: {
      en: 'Core active users are now, by default, members who spoke on at least 4 of the last 14 days (version 1: 4 of 7); a file that set its own number keeps 4 of 7 for it. Both are editable under goals. The model is version 2: its results differ from version 1\'s.',
      zh: '核心活跃用户现默认按“最近 14 天中至少 4 天发言”计算 (版本 1 为 7 天中 4 天)；文件中自定的目标人数仍按 7 天中 4 天计算。两者都可在目标中修改。模型已升级到第 2 版，结果与第 1 版不同。',
    },
  },
};

/**
 * Model constants a newer model no longer has (parameters.ts RETIRED_PARAMETERS):
 * an override of one is dropped with a notice naming it and why, whatever the
 * file's version, so a file that tuned them still opens.
 */
function dropRetiredParameters(value: Record<string, unknown>): { value: Record<string, unknown>; notices: Bilingual[] } {
  const { parameters } = value;
  if (!parameters || typeof parameters !== 'object' || Array.isArray(parameters)) return { value, notices: [] };
  const kept: Record<string, unknown> = {};
  const notices: Bilingual[] = [];
  for (const [key, v] of Object.entries(parameters)) {
    const retired = Object.hasOwn(RETIRED_PARAMETERS, key) ? RETIRED_PARAMETERS[key] : undefined;
    if (retired) notices.push({ en: `parameters.${key} was dropped: ${retired.en}`, zh: `已移除 parameters.${key}：${retired.zh}` });
    else kept[key] = v;
  }
  return notices.length ? { value: { ...value, parameters: kept }, notices } : { value, notices };
}

export type MigrateResult =
  | { ok: true; value: Record<string, unknown>; notices: Bilingual[] }
  | { ok: false; problems: Problem[] };

/**
 * Bring a scenario object of an older schemaVersion up to this one (a file, a
 * share link, or a draft kept in this browser). A current or unversioned object
 * is returned as it is; a newer one is refused.
 */
export function migrateScenario(original: Record<string, unknown>, migrations: Migrations = MIGRATIONS): MigrateResult {
  const retired = dropRetiredParameters(original);
  const value = retired.value;
  const version = value.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version === SCHEMA_VERSION) return { ok: true, value, notices: retired.notices };
  if (version > SCHEMA_VERSION) {
    return { ok: false, problems: [makeProblem('schemaVersion', `this file was saved by a newer version of the lab (schemaVersion ${version}); this version reads schemaVersion ${SCHEMA_VERSION} and older`, `此文件由更新版本的实验室保存 (schemaVersion ${version})；当前版本只能读取 ${SCHEMA_VERSION} 及更早的版本`)] };
  }
  let migrated = value;
  const notices: Bilingual[] = [...retired.notices, {
    en: `This scenario used schemaVersion ${version}; it was updated to ${SCHEMA_VERSION}. Save it to keep the new format.`,
    zh: `此场景为 schemaVersion ${version}，已升级到 ${SCHEMA_VERSION}。保存即可使用新格式。`,
  }];
  for (let v = version; v < SCHEMA_VERSION; v++) {
    const step = migrations[v];
    if (!step) {
      return { ok: false, problems: [makeProblem('schemaVersion', `schemaVersion ${version} cannot be migrated (this version reads ${Object.keys(migrations).map(Number).sort().join(', ') || 'none'} and ${SCHEMA_VERSION})`, `schemaVersion ${version} 无法迁移`)] };
    }
    migrated = { ...step.migrate(migrated), schemaVersion: v + 1 };
    if (step.notice) notices.push(step.notice);
  }
  return { ok: true, value: migrated, notices };
}

export type OpenResult =
  | { ok: true; scenario: Scenario; notices: Bilingual[] }
  /** `more`: problems found but not listed (see `capProblems`). */
  | { ok: false; problems: Problem[]; more?: number };

/** A refused file, link or lesson lists at most this many problems, then "… and N more" (the UI and the CLI alike). */
export const MAX_PROBLEMS_SHOWN = 20;

/**
 * The first MAX_PROBLEMS_SHOWN problems and how many more there are: a file
 * with 30,000 problems crosses from a worker and reaches the page as 20.
 */
export function capProblems(result: OpenResult): OpenResult {
  if (result.ok || result.problems.length <= MAX_PROBLEMS_SHOWN) return result;
  return { ok: false, problems: result.problems.slice(0, MAX_PROBLEMS_SHOWN), more: (result.more ?? 0) + result.problems.length - MAX_PROBLEMS_SHOWN };
}

export function serialiseScenario(scenario: Scenario): string {
  const { $schema: _ignored, schemaVersion, ...rest } = scenario;
  void _ignored;
  return `${JSON.stringify({ $schema: SCHEMA_URL, schemaVersion, ...rest }, null, 2)}\n`;
}

/** Open a scenario file's text: size and JSON, version (migrate or refuse), then the schema. */
export function openScenarioText(source: string, migrations: Migrations = MIGRATIONS): OpenResult {
  // a byte-order mark, as Windows editors write UTF-8, is not part of the JSON
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  const syntax = parseScenarioText(text);
  if (syntax.ok) return { ok: true, scenario: syntax.scenario, notices: [] };
  if (text.length > MAX_SCENARIO_BYTES) return syntax; // too large to read further
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return syntax; // not JSON (or too large): the parser already said why
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return syntax;
  const migrated = migrateScenario(value as Record<string, unknown>, migrations);
  if (!migrated.ok) return migrated;
  if (migrated.value === value) return syntax;
  const result = parseScenario(migrated.value);
  return result.ok ? { ok: true, scenario: result.scenario, notices: migrated.notices } : result;
}

// ── share links ──────────────────────────────────────────────────────────────
const LINK_PREFIX = 's2.';
/** The first format: the checksum is of the inflated JSON, so it can only be checked after inflating. */
const LEGACY_LINK_PREFIX = 's1.';

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

async function pipe(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The URL fragment (without '#') that carries a scenario. */
export async function encodeShareFragment(scenario: Scenario): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(scenario));
  const packed = await pipe(json, new CompressionStream('deflate-raw'));
  return `${LINK_PREFIX}${crc32(packed).toString(36)}.${toBase64Url(packed)}`;
}

const broken = (en: string, zh: string): OpenResult => ({ ok: false, problems: [makeProblem('', en, zh)] });

/** A link longer than this is refused unread (a scenario's link is a few kB; browsers cap URLs near 2 MB). */
export const MAX_LINK_CHARS = 200_000;

/**
 * Inflate at most `limit` bytes: the stream is read chunk by chunk and cancelled
 * past the limit, so a small link that inflates to gigabytes (a zip bomb) costs
 * no more than the limit. Null when the limit is passed.
 */
async function inflateAtMost(bytes: Uint8Array, limit: number): Promise<Uint8Array | null> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** Read a scenario back from a share fragment (with or without '#'). */
export async function decodeShareFragment(fragment: string): Promise<OpenResult> {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  const legacy = text.startsWith(LEGACY_LINK_PREFIX);
  if (!legacy && !text.startsWith(LINK_PREFIX)) return broken('this is not a 群策 Lab share link (it should start with #s2.)', '这不是群策 Lab 的分享链接 (应以 #s2. 开头)');
  if (text.length > MAX_LINK_CHARS) return broken(`the share link is too long (${text.length} characters; at most ${MAX_LINK_CHARS}); share the scenario as a file instead`, `分享链接过长 (${text.length} 个字符；最多 ${MAX_LINK_CHARS})，请改用场景文件分享`);
  const parts = text.slice(LINK_PREFIX.length).split('.');
  const [checksum, data] = parts;
  const bytes = parts.length !== 2 ? null : fromBase64Url(data);
  if (!checksum || !bytes) return broken('the share link is damaged (its data is not readable); ask for the link again', '分享链接已损坏 (数据无法读取)，请重新获取链接');
  const mismatch = () => broken('the share link was changed or cut (checksum mismatch); ask for the link again', '分享链接被修改或截断 (校验失败)，请重新获取链接');
  // the checksum covers the deflated bytes: a cut or altered link is refused before inflating anything
  if (!legacy && crc32(bytes).toString(36) !== checksum) return mismatch();
  let json: Uint8Array | null;
  try {
    json = await inflateAtMost(bytes, MAX_SCENARIO_BYTES);
  } catch {
    return broken('the share link is cut short or damaged; ask for the link again', '分享链接不完整或已损坏，请重新获取链接');
  }
  if (!json) return broken(`the share link holds more than a scenario can be (over ${MAX_SCENARIO_BYTES} bytes unpacked); it was not opened`, `分享链接解压后超过场景文件上限 (${MAX_SCENARIO_BYTES} 字节)，未打开`);
  if (legacy && crc32(json).toString(36) !== checksum) return mismatch();
  return openScenarioText(new TextDecoder().decode(json));
}
