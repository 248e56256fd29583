/** Share links read in a worker of their own: valid links open, bombs and slow reads are refused, the worker goes away. */
import { describe, expect, it } from 'vitest';
import { encodeShareFragment } from '../../src/model/files.ts';
import { decodeLinkInWorker } from '../../src/worker/workers.ts';
import { loadScenario } from '../scenarios.ts';

const scenario = loadScenario('knowledge-sharing');

describe('share links in a worker', () => {
  it('opens a valid link exactly', async () => {
    const opened = await decodeLinkInWorker(`#${await encodeShareFragment(scenario)}`);
    expect(opened.ok && opened.scenario).toEqual(scenario);
  });

  it('refuses a bomb of the first format (its checksum comes last) at the size cap', async () => {
    const packed = new Uint8Array(await new Response(new Blob([new Uint8Array(50_000_000).fill(32)]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
    let binary = '';
    for (const b of packed) binary += String.fromCharCode(b);
    const data = btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    // a checksum is not needed to reach the cap through the first format, which checks it last
    const opened = await decodeLinkInWorker(`#s1.abc.${data}`);
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.problems[0].en).toMatch(/over 1000000 bytes unpacked/);
  });

  it('gives up on a read that outlasts its time, naming the limit in both languages', async () => {
    const opened = await decodeLinkInWorker(`#${await encodeShareFragment(scenario)}`, 0);
    expect(opened.ok).toBe(false);
    if (!opened.ok) {
      expect(opened.problems[0].en).toBe('the share link took longer than 0 s to read and was not opened; share the scenario as a file instead');
      expect(opened.problems[0].zh).toMatch(/^分享链接读取超过 0 秒/);
    }
  });
});
