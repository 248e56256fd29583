/** Shared by scripts/calibrate.ts and the calibration test: run the reference ensembles and their variants. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseScenarioText, type Scenario } from '../src/model/scenario.ts';
import { runEnsemble } from '../src/model/ensemble.ts';
import { REFERENCE_SCENARIOS, VARIANTS, type Ensembles, type EnsembleName, type ReferenceName } from '../src/model/calibration.ts';

export function loadReference(name: ReferenceName): Scenario {
  const path = fileURLToPath(new URL(`../scenarios/${name}.json`, import.meta.url));
  const parsed = parseScenarioText(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(`${name}: ${parsed.problems.map((p) => `${p.path}: ${p.en}`).join('; ')}`);
  return parsed.scenario;
}

/** Every ensemble the targets read. */
export const ENSEMBLE_NAMES: readonly EnsembleName[] = [...REFERENCE_SCENARIOS, ...Object.keys(VARIANTS)];

/** One ensemble of the calibration set, with parameter overrides and, optionally, another seed than the file's. */
export function scenarioFor(name: EnsembleName, parameters: Record<string, number> = {}, seed?: number): Scenario {
  const variant = VARIANTS[name];
  const base = loadReference(variant ? variant.base : (name as ReferenceName));
  const tuned: Scenario = { ...base, seed: seed ?? base.seed, parameters: { ...base.parameters, ...parameters } };
  return variant ? variant.apply(tuned) : tuned;
}

/** The reference ensembles and their variants, with parameter overrides and, optionally, another seed. */
export function runReferenceEnsembles(runs: number, parameters: Record<string, number> = {}, seed?: number): Ensembles {
  const out = {} as Ensembles;
  for (const name of ENSEMBLE_NAMES) out[name] = runEnsemble(scenarioFor(name, parameters, seed), runs);
  return out;
}
