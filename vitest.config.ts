/**
 * One config, three projects, one command (`npm test`):
 *   node    — the model, CLI and scripts (fast, many)
 *   browser — the same code in real Chromium (Debian's, at CHROMIUM_PATH)
 *   e2e     — the built app served by `vite preview`, driven by playwright-core
 */
import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import type { BrowserCommand } from 'vitest/node';
import { simulate } from './src/model/engine/run.ts';
import { parseScenario } from './src/model/scenario.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/chromium.ts';


/** Runs one simulation in Node, so a browser test can compare numbers across environments. */
const simulateInNode: BrowserCommand<[scenario: unknown, runIndex: number]> = (_context, scenario, runIndex) => {
  const parsed = parseScenario(scenario);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const result = simulate(parsed.scenario, runIndex);
  return {
    summary: result.summary,
    series: Object.fromEntries(Object.entries(result.series).map(([key, values]) => [key, Array.from(values)])),
  };
};

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['test/node/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
        },
      },
      {
        extends: true,
        // the import worker's parsers are found late (inside a worker): bundled up front, no mid-run reload
        optimizeDeps: { include: ['papaparse', '@streamparser/json', 'fflate'] },
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 60_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } }),
            instances: [{ browser: 'chromium' }],
            commands: { simulateInNode },
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // shared, noisy machines: a poll waits for an event for up to 15 s, not vitest's 1 s
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
