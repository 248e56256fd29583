/** Shared by scripts/calibrate.ts and the calibration test: run the reference ensembles. */
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

/** The reference ensembles, with parameter overrides and, optionally, another seed than the files'. */
export function runReferenceEnsembles(runs: number, parameters: Record<string, number> = {}, seed?: number): Ensembles {
  const out = {} as Ensembles;
  const withParameters = (s: Scenario): Scenario => ({ ...s, seed: seed ?? s.seed, parameters: { ...s.parameters, ...parameters } });
  for (const name of REFERENCE_SCENARIOS) out[name] = runEnsemble(withParameters(loadReference(name)), runs);
  for (const [name, variant] of Object.entries(VARIANTS) as [EnsembleName, (typeof VARIANTS)[keyof typeof VARIANTS]][]) {
    out[name] = runEnsemble(withParameters(variant.apply(loadReference(variant.base))), runs);
  }
  return out;
}
