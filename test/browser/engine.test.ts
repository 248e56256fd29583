/** The engine in real Chromium gives the same numbers as in Node (MODEL §9). */
import { describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { simulate } from '../../src/model/engine/run.ts';
import { loadScenario, scenarioFile } from '../scenarios.ts';

declare module 'vitest/browser' {
  interface BrowserCommands {
    simulateInNode: (scenario: unknown, runIndex: number) => Promise<{ summary: Record<string, number | null>; series: Record<string, number[]> }>;
  }
}

describe('engine in the browser', () => {
  for (const name of ['knowledge-sharing', 'resource-matching'] as const) {
    it(`${name}: bit-identical to Node for the same seed and run`, async () => {
      const scenario = loadScenario(name);
      for (const run of [0, 5]) {
        const here = simulate(scenario, run);
        const node = await commands.simulateInNode(scenarioFile(name), run);
        expect(here.summary).toEqual(node.summary);
        for (const [key, values] of Object.entries(here.series)) {
          // NaN survives as null through the command's JSON channel
          expect(Array.from(values).map((v) => (Number.isNaN(v) ? null : v)), key).toEqual(node.series[key]);
        }
      }
    });
  }
});
