/**
 * The reference scenarios for tests, loaded one way in Node and in the
 * browser: `scenarioFile` as the file holds it (a copy a test may change),
 * `loadScenario` validated, with every default filled in.
 */
import { parseScenario, type Scenario } from '../src/model/scenario.ts';
import customerService from '../scenarios/customer-service.json';
import knowledgeSharing from '../scenarios/knowledge-sharing.json';
import noOperations from '../scenarios/no-operations.json';
import overMarketing from '../scenarios/over-marketing.json';
import resourceMatching from '../scenarios/resource-matching.json';

const FILES = {
  'customer-service': customerService,
  'knowledge-sharing': knowledgeSharing,
  'no-operations': noOperations,
  'over-marketing': overMarketing,
  'resource-matching': resourceMatching,
} as const;

export type ScenarioName = keyof typeof FILES;
export const SCENARIO_NAMES = Object.keys(FILES) as ScenarioName[];

/** A reference scenario's file content (plain JSON, a fresh copy). */
export function scenarioFile(name: ScenarioName): Record<string, unknown> {
  return structuredClone(FILES[name]) as Record<string, unknown>;
}

/**
 * A reference scenario, validated; `patch` changes the validated scenario
 * (returning it or a new object), which is validated again. A problem fails
 * the test, naming the field.
 */
export function loadScenario(name: ScenarioName, patch: (scenario: Scenario) => unknown = (s) => s): Scenario {
  const opened = parseScenario(scenarioFile(name));
  if (!opened.ok) throw new Error(`${name}: ${opened.problems.map((p) => `${p.path}: ${p.en}`).join('; ')}`);
  const parsed = parseScenario(patch(opened.scenario));
  if (!parsed.ok) throw new Error(`${name} (patched): ${parsed.problems.map((p) => `${p.path}: ${p.en}`).join('; ')}`);
  return parsed.scenario;
}
