/** The engine in real Chromium gives the same numbers as in Node (MODEL §9). */
import { describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { simulate } from '../../src/model/engine/run.ts';
import { parseScenario } from '../../src/model/scenario.ts';
import knowledgeSharing from '../../scenarios/knowledge-sharing.json';
import resourceMatching from '../../scenarios/resource-matching.json';

declare module 'vitest/browser' {
  interface BrowserCommands {
    simulateInNode: (scenario: unknown, runIndex: number) => Promise<{ summary: Record<string, number | null>; series: Record<string, number[]> }>;
  }
}

describe('engine in the browser', () => {
  for (const [name, file] of [['knowledge-sharing', knowledgeSharing], ['resource-matching', resourceMatching]] as const) {
    it(`${name}: bit-identical to Node for the same seed and run`, async () => {
      const parsed = parseScenario(file);
      if (!parsed.ok) throw new Error('reference scenario does not validate');
      for (const run of [0, 5]) {
        const here = simulate(parsed.scenario, run);
        const node = await commands.simulateInNode(file, run);
        expect(here.summary).toEqual(node.summary);
        for (const [key, values] of Object.entries(here.series)) {
          // NaN survives as null through the command's JSON channel
          expect(Array.from(values).map((v) => (Number.isNaN(v) ? null : v)), key).toEqual(node.series[key]);
        }
      }
    });
  }
});
