/** Scenario files and share links: round trips, migration, and a corpus of bad input. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capProblems, decodeShareFragment, encodeShareFragment, MAX_LINK_CHARS, MAX_PROBLEMS_SHOWN, MIGRATIONS, migrateScenario, openScenarioText, serialiseScenario, SCHEMA_URL } from '../../src/model/files.ts';
import { parseScenario, type Scenario } from '../../src/model/scenario.ts';
import { MAX_PROBLEMS_PRINTED } from '../../src/cli/terminal.ts';
import { scenarioArbitrary } from './arbitraries.ts';

const valid = (input: unknown): Scenario => {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.scenario;
};

describe('scenario files', () => {
  it('any valid scenario survives save → open unchanged', () => {
    fc.assert(fc.property(scenarioArbitrary(), (input) => {
      const scenario = valid(input);
      const text = serialiseScenario(scenario);
      const opened = openScenarioText(text);
      expect(opened.ok).toBe(true);
      if (opened.ok) {
        expect({ ...opened.scenario, $schema: undefined }).toEqual({ ...scenario, $schema: undefined });
        expect(opened.notices).toEqual([]);
      }
      const head = JSON.parse(text);
      expect(Object.keys(head).slice(0, 2)).toEqual(['$schema', 'schemaVersion']);
      expect(head.$schema).toBe(SCHEMA_URL);
    }), { numRuns: 150 });
  });

  it('a refusal is capped to its first 20 problems and the count of the rest, for the page and the CLI alike', () => {
    const keys = Object.fromEntries(Array.from({ length: 30_000 }, (_, i) => [`f${i}`, 0]));
    const whole = openScenarioText(JSON.stringify({ schemaVersion: 2, ...keys }));
    const capped = capProblems(whole);
    expect(!whole.ok && whole.problems.length).toBe(30_000);
    expect(!capped.ok && [capped.problems.length, capped.more, capped.problems[19].path]).toEqual([20, 29_980, 'f19']);
    expect(MAX_PROBLEMS_PRINTED).toBe(MAX_PROBLEMS_SHOWN);
    // a short list, or an opened file, passes as it is
    const few = openScenarioText(JSON.stringify({ schemaVersion: 2, a: 1 }));
    expect(capProblems(few)).toBe(few);
  });

  it('migrates an older schemaVersion with a notice', () => {
    const migrations = { ...MIGRATIONS, 0: { migrate: ({ days, ...rest }: Record<string, unknown>) => ({ ...rest, horizonDays: days }) } };
    const opened = openScenarioText(JSON.stringify({ schemaVersion: 0, days: 45 }), migrations);
    expect(opened.ok).toBe(true);
    if (opened.ok) {
      expect(opened.scenario.horizonDays).toBe(45);
      expect(opened.notices[0].en).toMatch(/schemaVersion 0; it was updated to 2/);
      expect(opened.notices[0].zh).toMatch(/已升级/);
    }
    const unknown = openScenarioText(JSON.stringify({ schemaVersion: 0 }));
    expect(unknown.ok).toBe(false);
  });

  it('opens a version-1 file: the core-active goal gets its definition, a dropped constant is removed, and it runs', () => {
    const v1 = { schemaVersion: 1, name: 'old plan', goals: { coreActiveUsers: 8, speakingRate30d: 0.7 }, parameters: { dmPostBoost: 3, branchingRatio: 0.5 } };
    const opened = openScenarioText(JSON.stringify(v1));
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.scenario.schemaVersion).toBe(2);
    // the number was set against v1's 4-of-7 definition, which it keeps
    expect(opened.scenario.goals.coreActive).toEqual({ windowDays: 7, minDays: 4, target: 8 });
    expect(opened.scenario.goals.speakingRate30d).toBe(0.7);
    expect(opened.scenario.parameters).toEqual({ branchingRatio: 0.5 });
    expect(opened.notices.map((n) => n.en).join(' ')).toMatch(/updated to 2.*4 of the last 14 days.*keeps 4 of 7/);
    const plain = openScenarioText(JSON.stringify({ schemaVersion: 1, name: 'default goals' }));
    expect(plain.ok && plain.scenario.goals.coreActive).toEqual({ windowDays: 14, minDays: 4, target: 10 });
    expect(opened.notices.every((n) => /[\u4e00-\u9fff]/.test(n.zh))).toBe(true);
    expect(migrateScenario({ schemaVersion: 2, name: 'x' })).toEqual({ ok: true, value: { schemaVersion: 2, name: 'x' }, notices: [] });
  });

  const corpus: [string, string, RegExp][] = [
    ['not JSON', 'hello, I am a spreadsheet', /not valid JSON/],
    ['empty', '', /not valid JSON/],
    ['a list', '[1, 2, 3]', /JSON object with schemaVersion/],
    ['null', 'null', /JSON object with schemaVersion/],
    ['wrong types', '{"schemaVersion": 1, "horizonDays": "thirty", "group": []}', /must be a whole number from 1 to 365 days|must be an object/],
    ['out of range', '{"schemaVersion": 1, "horizonDays": 9999, "growth": {"batchSize": 0}}', /from 1 to 365 days/],
    ['10 MB of data', `{"schemaVersion": 1, "description": "${'x'.repeat(10_000_000)}"}`, /too large/],
    ['deeply nested junk', `{"schemaVersion": 1, "group": ${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`, /not a scenario field/],
    ['__proto__ key', '{"schemaVersion": 1, "__proto__": {"isAdmin": true}}', /__proto__|not a scenario field/],
    ['constructor key', '{"schemaVersion": 1, "group": {"constructor": {"prototype": {}}}}', /not a scenario field/],
    ['a newer schemaVersion', '{"schemaVersion": 7}', /newer version of the lab \(schemaVersion 7\)/],
    ['no schemaVersion', '{"horizonDays": 30}', /must be 2/],
  ];
  for (const [name, text, message] of corpus) {
    it(`refuses ${name} with a clear message`, () => {
      const opened = openScenarioText(text);
      expect(opened.ok).toBe(false);
      if (!opened.ok) {
        expect(opened.problems.length).toBeGreaterThan(0);
        expect(opened.problems.map((p) => `${p.path}: ${p.en}`).join('\n')).toMatch(message);
        for (const p of opened.problems) expect(p.zh).toMatch(/[\u4e00-\u9fff]|JSON/);
      }
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    });
  }
});

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** CRC-32 (IEEE), written out here so the test does not trust the code under test. */
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

describe('retired model constants (model v3)', () => {
  it('a file that overrides a constant model v3 retired opens without it, with a notice naming it; its other overrides stay', () => {
    const opened = openScenarioText(JSON.stringify({ schemaVersion: 2, name: 'tuned in v2', parameters: { dmPostsPerDay: 0.2, dndPostFactor: 0.5, replyLift: 0.02 } }));
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.scenario.parameters).toEqual({ replyLift: 0.02 });
    expect(opened.notices.map((n) => n.en).join(' ')).toMatch(/parameters\.dmPostsPerDay was dropped.*parameters\.dndPostFactor was dropped/s);
    expect(opened.notices.every((n) => n.zh.length > 0)).toBe(true);
  });

  it('an unknown constant is still refused, by name', () => {
    const opened = openScenarioText(JSON.stringify({ schemaVersion: 2, parameters: { noSuchThing: 1 } }));
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(JSON.stringify(opened.problems)).toContain('noSuchThing');
  });
});

describe('share links', () => {
  it('any valid scenario survives link → open unchanged', async () => {
    await fc.assert(fc.asyncProperty(scenarioArbitrary(), async (input) => {
      const scenario = valid(input);
      const fragment = await encodeShareFragment(scenario);
      expect(fragment).toMatch(/^s2\.[0-9a-z]+\.[A-Za-z0-9_-]+$/);
      const opened = await decodeShareFragment(`#${fragment}`);
      expect(opened.ok && opened.scenario).toEqual(scenario);
    }), { numRuns: 60 });
  });

  it('recognises a truncated, tampered or foreign link', async () => {
    const fragment = await encodeShareFragment(valid({ schemaVersion: 2, name: 'shared' }));
    const truncated = await decodeShareFragment(fragment.slice(0, fragment.length - 12));
    expect(truncated.ok).toBe(false);
    if (!truncated.ok) expect(truncated.problems[0].en).toMatch(/cut short or damaged|changed or cut/);
    const body = fragment.split('.')[2];
    const flipped = body.slice(0, 10) + (body[10] === 'A' ? 'B' : 'A') + body.slice(11);
    const tampered = await decodeShareFragment(fragment.replace(body, flipped));
    expect(tampered.ok).toBe(false);
    // a cut or altered link is caught by the checksum of the packed bytes, before inflating
    expect(tampered.ok || tampered.problems[0].en).toMatch(/checksum mismatch/);
    const foreign = await decodeShareFragment('#section-2');
    if (!foreign.ok) expect(foreign.problems[0].en).toMatch(/not a 群策 Lab share link/);
    const junk = await decodeShareFragment('#s2.abc.%%%');
    if (!junk.ok) expect(junk.problems[0].en).toMatch(/damaged/);
  });

  it('still opens a link of the first format (checksum of the inflated JSON), and refuses an altered one', async () => {
    const scenario = valid({ schemaVersion: 2, name: 'old link' });
    const json = new TextEncoder().encode(JSON.stringify(scenario));
    const legacy = `#s1.${crc32(json).toString(36)}.${base64Url(await deflate(json))}`;
    const opened = await decodeShareFragment(legacy);
    expect(opened.ok && opened.scenario).toEqual(scenario);
    const altered = await decodeShareFragment(`#s1.${(crc32(json) ^ 1).toString(36)}.${base64Url(await deflate(json))}`);
    expect(altered.ok || altered.problems[0].en).toMatch(/checksum mismatch/);
  });

  it('refuses a link bomb, an over-long link and extra segments without inflating them whole', async () => {
    // 50 MB of spaces packs into a short link; only the first ~1 MB is ever inflated
    const packed = await deflate(new Uint8Array(50_000_000).fill(32));
    const data = base64Url(packed);
    expect(data.length).toBeLessThan(MAX_LINK_CHARS);
    // with a wrong checksum it is refused before inflating (the checksum is of the packed bytes)
    const forged = await decodeShareFragment(`#s2.abc.${data}`);
    expect(forged.ok).toBe(false);
    if (!forged.ok) expect(forged.problems[0].en).toMatch(/checksum mismatch/);
    // with the right one, inflating stops at the cap
    const bomb = await decodeShareFragment(`#s2.${crc32(packed).toString(36)}.${data}`);
    expect(bomb.ok).toBe(false);
    if (!bomb.ok) expect(bomb.problems[0].en).toBe('the share link holds more than a scenario can be (over 1000000 bytes unpacked); it was not opened');
    const legacyBomb = await decodeShareFragment(`#s1.abc.${data}`);
    if (!legacyBomb.ok) expect(legacyBomb.problems[0].en).toMatch(/over 1000000 bytes unpacked/);
    const long = await decodeShareFragment(`#s1.abc.${'A'.repeat(MAX_LINK_CHARS)}`);
    if (!long.ok) expect(long.problems[0].en).toMatch(/^the share link is too long \(\d+ characters; at most 200000\)/);
    expect(long.ok).toBe(false);
    const fragment = await encodeShareFragment(valid({ schemaVersion: 2, name: 'shared' }));
    const extra = await decodeShareFragment(`${fragment}.more`);
    expect(extra.ok).toBe(false);
    if (!extra.ok) expect(extra.problems[0].en).toMatch(/damaged/);
  });
});

