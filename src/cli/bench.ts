/**
 * Benchmark: prints figures, asserts nothing (machines here are shared and noisy).
 *
 *   npm run bench
 *
 * 1. One 500-member, 90-day run: ms per run, member-hours simulated per second,
 *    the time of one seedrandom.alea draw in this process, and engine time per
 *    member-hour ÷ one draw.
 * 2. Ensemble throughput (runs/s) of the knowledge-sharing reference scenario.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import seedrandom from 'seedrandom';
import { SCHEMA_VERSION, parseScenario, parseScenarioText, type Scenario } from '../model/scenario.ts';
import { simulate } from '../model/engine/run.ts';
import { runEnsemble } from '../model/ensemble.ts';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** A group that fills to the 500 cap on day 0 through the enterprise API and stays there. */
export function fiveHundredMemberScenario(): Scenario {
  const parsed = parseScenario({
    schemaVersion: SCHEMA_VERSION,
    name: 'bench: 500 members, 90 days',
    horizonDays: 90,
    group: { positioning: 'knowledge_sharing', platform: 'enterprise', capacity: 500 },
    growth: { channel: 'enterprise', initialInvites: 1000, batchSize: 500, invitesPerDay: 40, inviteDays: 89 },
    content: { postsPerWeek: 3, themeDay: 'thu', monthlyEvent: true },
    incentives: { points: 'effective' },
    activation: { dmPerAdminPerDay: 2, winBack: true },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.scenario;
}

function drawNanoseconds(): number {
  const u = seedrandom.alea('bench');
  const n = 20_000_000;
  let sink = 0;
  const start = performance.now();
  for (let i = 0; i < n; i++) sink += u();
  const ns = ((performance.now() - start) * 1e6) / n;
  if (sink < 0) console.log(sink);
  return ns;
}

function benchSingleRun(): void {
  const scenario = fiveHundredMemberScenario();
  for (let r = 0; r < 5; r++) simulate(scenario, 1000 + r); // warm-up
  const times: number[] = [];
  let memberHours = 0;
  let messages = 0;
  const runs = 30;
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    const result = simulate(scenario, r);
    times.push(performance.now() - start);
    for (let d = 0; d < result.horizonDays; d++) {
      memberHours += result.series.members[d] * 24;
      messages += result.series.messages[d];
    }
  }
  const ms = median(times);
  const meanMs = times.reduce((a, b) => a + b, 0) / runs;
  const hoursPerRun = memberHours / runs;
  const draw = drawNanoseconds();
  const nsPerMemberHour = (meanMs * 1e6) / hoursPerRun;
  console.log('500-member, 90-day run');
  console.log(`  members on the last day (mean)      ${(hoursPerRun / 24 / 90).toFixed(0)} average present over the run`);
  console.log(`  messages per run (mean)             ${(messages / runs).toFixed(0)}`);
  console.log(`  ms per run                          median ${ms.toFixed(2)}, mean ${meanMs.toFixed(2)} (${runs} runs)`);
  console.log(`  member-hours simulated per second   ${((hoursPerRun / meanMs) * 1000 / 1e6).toFixed(1)} M`);
  console.log(`  one seedrandom.alea draw            ${draw.toFixed(2)} ns`);
  console.log(`  engine time per member-hour         ${nsPerMemberHour.toFixed(2)} ns = ${(nsPerMemberHour / draw).toFixed(2)} draws`);
}

function benchEnsemble(): void {
  const path = fileURLToPath(new URL('../../scenarios/knowledge-sharing.json', import.meta.url));
  const parsed = parseScenarioText(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error('knowledge-sharing.json does not validate');
  runEnsemble(parsed.scenario, 20); // warm-up
  const times: number[] = [];
  for (let k = 0; k < 5; k++) {
    const start = performance.now();
    runEnsemble(parsed.scenario, 200);
    times.push(performance.now() - start);
  }
  const ms = median(times);
  console.log('knowledge-sharing ensemble, 200 runs, one thread');
  console.log(`  time                                median ${ms.toFixed(0)} ms (of 5: ${times.map((t) => t.toFixed(0)).join(', ')})`);
  console.log(`  throughput                          ${((200 / ms) * 1000).toFixed(0)} runs/s`);
}

export function main(): void {
  console.log(`node ${process.version}, ${new Date().toISOString()}`);
  benchSingleRun();
  benchEnsemble();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
