/**
 * Scenario files and share links.
 *
 * A saved file is the validated scenario with every default filled in, led by
 * `$schema` and `schemaVersion`, so it reopens exactly. Opening checks the
 * version: an older one is migrated (with a notice), a newer one is refused;
 * then the schema decides, and every problem names its field.
 * A share link carries the whole scenario in the URL fragment, deflated and
 * base64url-encoded, with a checksum so a cut or altered link is recognised.
 */
import type { Bilingual } from './text.ts';
import { SCHEMA_VERSION, makeProblem, parseScenario, parseScenarioText, type Problem, type Scenario } from './scenario.ts';

export const SCHEMA_URL = 'https://qunce.lab/scenario.schema.json';

/** Migrations from a schemaVersion to the next one. */
export type Migrations = Readonly<Record<number, (old: Record<string, unknown>) => Record<string, unknown>>>;

/** schemaVersion 1 is the first published format, so nothing needs migrating yet. */
export const MIGRATIONS: Migrations = {};

export type OpenResult =
  | { ok: true; scenario: Scenario; notices: Bilingual[] }
  | { ok: false; problems: Problem[] };

export function serialiseScenario(scenario: Scenario): string {
  const { $schema: _ignored, schemaVersion, ...rest } = scenario;
  void _ignored;
  return `${JSON.stringify({ $schema: SCHEMA_URL, schemaVersion, ...rest }, null, 2)}\n`;
}

/** Open a scenario file's text: size and JSON, version (migrate or refuse), then the schema. */
export function openScenarioText(text: string, migrations: Migrations = MIGRATIONS): OpenResult {
  const syntax = parseScenarioText(text);
  if (syntax.ok) return { ok: true, scenario: syntax.scenario, notices: [] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return syntax; // not JSON (or too large): the parser already said why
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return syntax;
  const version = (value as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version)) return syntax;
  if (version > SCHEMA_VERSION) {
    return { ok: false, problems: [makeProblem('schemaVersion', `this file was saved by a newer version of the lab (schemaVersion ${version}); this version reads schemaVersion ${SCHEMA_VERSION} and older`, `此文件由更新版本的实验室保存 (schemaVersion ${version})；当前版本只能读取 ${SCHEMA_VERSION} 及更早的版本`)] };
  }
  if (version === SCHEMA_VERSION) return syntax;
  let migrated = value as Record<string, unknown>;
  for (let v = version; v < SCHEMA_VERSION; v++) {
    const step = migrations[v];
    if (!step) {
      return { ok: false, problems: [makeProblem('schemaVersion', `schemaVersion ${version} cannot be migrated (this version reads ${Object.keys(migrations).map(Number).sort().join(', ') || 'none'} and ${SCHEMA_VERSION})`, `schemaVersion ${version} 无法迁移`)] };
    }
    migrated = { ...step(migrated), schemaVersion: v + 1 };
  }
  const result = parseScenario(migrated);
  if (!result.ok) return result;
  return {
    ok: true,
    scenario: result.scenario,
    notices: [{
      en: `This file used schemaVersion ${version}; it was updated to ${SCHEMA_VERSION}. Save it to keep the new format.`,
      zh: `此文件为 schemaVersion ${version}，已升级到 ${SCHEMA_VERSION}。保存即可使用新格式。`,
    }],
  };
}

// ── share links ──────────────────────────────────────────────────────────────
const LINK_PREFIX = 's1.';

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
  return `${LINK_PREFIX}${crc32(json).toString(36)}.${toBase64Url(packed)}`;
}

const broken = (en: string, zh: string): OpenResult => ({ ok: false, problems: [makeProblem('', en, zh)] });

/** Read a scenario back from a share fragment (with or without '#'). */
export async function decodeShareFragment(fragment: string): Promise<OpenResult> {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (!text.startsWith(LINK_PREFIX)) return broken('this is not a 群策 Lab share link (it should start with #s1.)', '这不是群策 Lab 的分享链接 (应以 #s1. 开头)');
  const [checksum, data] = text.slice(LINK_PREFIX.length).split('.');
  const bytes = data === undefined ? null : fromBase64Url(data);
  if (!checksum || !bytes) return broken('the share link is damaged (its data is not readable); ask for the link again', '分享链接已损坏 (数据无法读取)，请重新获取链接');
  let json: Uint8Array;
  try {
    json = await pipe(bytes, new DecompressionStream('deflate-raw'));
  } catch {
    return broken('the share link is cut short or damaged; ask for the link again', '分享链接不完整或已损坏，请重新获取链接');
  }
  if (crc32(json).toString(36) !== checksum) return broken('the share link was changed or cut (checksum mismatch); ask for the link again', '分享链接被修改或截断 (校验失败)，请重新获取链接');
  return openScenarioText(new TextDecoder().decode(json));
}
