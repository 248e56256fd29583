/**
 * Mutation check of the mechanism tests: switches each mechanism off in the
 * source, once — a constant's default set to its neutral value in
 * src/model/parameters.ts, or a line of the engine changed — runs the
 * mechanism tests, and reports which tests caught it. A mechanism whose effect
 * can be switched off without any test failing is untested.
 *
 *   npm run mutation-check [-- --only key,key]     # prints a Markdown table
 *
 * The source is restored after each mutation (also on Ctrl-C or kill). It edits
 * the working tree: run it in a copy if you keep working meanwhile.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync, existsSync, rmSync } from 'node:fs';

const PARAMETERS_FILE = 'src/model/parameters.ts';
const TESTS = ['test/node/mechanisms-activity.test.ts', 'test/node/mechanisms-members.test.ts', 'test/node/mechanisms-growth.test.ts', 'test/node/mechanisms-v3.test.ts'];

/** Each mechanism's constant and the value that switches its effect off. */
const CONSTANTS: Record<string, number> = {
  // §3.2 members' own messages
  engagementExponent: 0, livelinessExponent: 0, livelinessMax: 1,
  // §3.2 members' need (v3): no posts the team did not draw
  needPostShare: 0,
  // §3.2 bursty members (v3): no quiet spells, no over-dispersion
  activeOffFactor: 1, spellFullRate: 0.01,
  // §3.3 topics
  topicReplyBase: 0, replyRateHalf: 0, appealThemeDay: 0, appealEvent: 0, pollAppealBoost: 0,
  // §3.4 cascades
  branchingRatio: 0,
  // §3.5 kinds
  fillerShare: 0, chatEffectiveSlope: 0, questionShareKnowledge: 0, shareBaseCore: 0, shareBaseOther: 0,
  // §3.6 questions
  memberAnswerRate: 0,
  // §3.7 violations
  violationsPerDay: 0, violatorFitCutoff: 1, warnedOffenceFactor: 1, publicNoticeDeterrence: 0, announcementViolationFactor: 1,
  keywordMonitoringDetection: 0, probationMarketerQuitPerDay: 0, marketerAdsPerDay: 0,
  // §3.8 promotions and hooks
  hookStrengthRedPacket: 0, hookStrengthGiveaway: 0, hookBoostLift: 0, copycatAdChance: 0,
  // §4 engagement
  replyLift: 0, newcomerReplyLift: 0, newcomerIgnoredCost: 0, contentLift: 0, recognitionLift: 0, dmLift: 0,
  overloadCost: 0, adExposureCost: 0, annoyanceValueOffset: 0, tieBaselineGain: 0, ignoredCost: 0, penaltyCost: 0, meanReversion: 0,
  announcementEngagement: 0, kolFounderEngagement: 0,
  // §4 do-not-disturb
  dndSwitchRate: 0, dndAdRate: 0, dndRevertPerDay: 0, dndReadFactor: 1,
  // §4 leaving
  leaveHazardBase: 0, leaveTenureShape: 1, leaveEngagementSlope: 0, dndLeaveFactor: 1, leaveOverloadWeight: 0,
  leaveAdWeight: 0, annoyanceMax: 1, leaveHazardMax: 1, tieProtection: 0,
  // §4 incentives, DMs, win-back, founder, rule changes
  pointsBoost: 0, goalGradientBoost: 0, competitionNudgePerDay: 0, chainJoinBase: 0,
  dmSuccessBase: 0, dmPostLift: 0, dmFatigue: 0, dmWearinessDecay: 0, dmTieFloor: 1, dmPrivateShare: 0,
  dmUnwantedBase: 0, dmUnwantedCost: 0, dmUnwantedMute: 0, dmUnwantedLeave: 0, winBackShare: 0, kolFounderSharesPerWeek: 0,
  ruleChangeCostNone: 0, ruleChangeLeaveShock: 1,
  // §5 growth
  antiSpamRiskPerExtra: 0, antiSpamLossShare: 0, acceptWordingGain: 0,
};

/** Mechanisms that live in the code rather than in a constant. */
const CODE: { name: string; file: string; from: string; to: string }[] = [
  { name: 'low-value bursts are not speaking (v3)', file: 'src/model/engine/actions.ts', from: 'if (LOW_VALUE.has(kind)) return k;', to: '' },
  { name: 'admins 0 means no DMs (v3)', file: 'src/model/engine/activation.ts', from: 'dmPerAdminPerDay * s.team.admins;', to: 'dmPerAdminPerDay * Math.max(1, s.team.admins);' },
  { name: 'do-not-disturb mutes reading, not speaking (v3)', file: 'src/model/engine/messages.ts', from: 'spell * liveliness * needDamping;', to: 'spell * liveliness * needDamping * (a.dnd[i] ? 0.3 : 1);' },
  { name: 'annoyance by count, not by share (v3)', file: 'src/model/engine/engagement.ts', from: 'const today = (g.today.unwanted * read)', to: 'const today = (g.today.unwanted / Math.max(1, g.today.messages) * 10 * read)' },
  { name: 'an unwelcome DM mutes the team (v3)', file: 'src/model/engine/activation.ts', from: 'a.dmBlocked[i] = 1;', to: '' },
  { name: 'a reply to a first message is noticed', file: 'src/model/engine/actions.ts', from: 'a.welcomedToday[target] = 1;', to: '' },
  { name: 'topic replies scale with talkativeness', file: 'src/model/engine/topics.ts', from: 'a.engagement[i] * a.talkativeness[i] *', to: 'a.engagement[i] *' },
  { name: 'liveliness multiplies posting', file: 'src/model/engine/messages.ts', from: 'spell * liveliness * needDamping;', to: 'spell * needDamping;' },
  { name: 'a group that needs less posts less (v3)', file: 'src/model/engine/messages.ts', from: 'const needDamping = g.need < 1 ? Math.sqrt(g.need) : 1;', to: 'const needDamping = 1;' },
  { name: 'need-driven posts come where members have ties (v3)', file: 'src/model/engine/messages.ts', from: 't2 / (t2 + needHalf2)', to: '1' },
  { name: 'the need varies from group to group (v3)', file: 'src/model/engine/state.ts', from: 'needVaries && p.needSpread > 0 ?', to: 'false ?' },
  { name: 'an invitation list picked to the mix (v3)', file: 'src/model/engine/admission.ts', from: "if (g.scenario.growth.channel !== 'direct') return draw;", to: 'return draw;' },
  { name: 'capacity counts the team', file: 'src/model/engine/admission.ts', from: 'if (g.groupSize >= cap || qrClosed) break;', to: 'if (g.groupSize - g.teamSize >= cap || qrClosed) break;' },
];

const only = (() => {
  const k = process.argv.indexOf('--only');
  // keys are split at commas, but not at a comma followed by a space (names such as "…, not speaking (v3)")
  return k > 0 ? new Set(process.argv[k + 1].split(/,(?! )/)) : null;
})();

function failingTests(): string[] {
  mkdirSync('tmp', { recursive: true });
  const report = 'tmp/mutation-report.json';
  if (existsSync(report)) rmSync(report);
  try {
    execFileSync('npx', ['vitest', 'run', '--project', 'node', ...TESTS, '--reporter=json', `--outputFile=${report}`], { stdio: 'ignore' });
  } catch {
    // failures exit non-zero; the report says which
  }
  const json = JSON.parse(readFileSync(report, 'utf8')) as { testResults: { assertionResults: { status: string; fullName: string }[] }[] };
  return json.testResults.flatMap((f) => f.assertionResults.filter((a) => a.status === 'failed').map((a) => a.fullName));
}

/** Puts back the file being mutated, if any (also on Ctrl-C or kill). */
let restoreMutated: (() => void) | null = null;
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => { restoreMutated?.(); process.exit(130); });

function mutate(file: string, from: string, to: string, run: () => void): void {
  const original = readFileSync(file, 'utf8');
  if (!original.includes(from)) throw new Error(`${file}: "${from}" not found`);
  restoreMutated = () => writeFileSync(file, original);
  try {
    writeFileSync(file, original.replace(from, to));
    run();
  } finally {
    restoreMutated();
    restoreMutated = null;
  }
}

const rows: string[] = ['| mechanism switched off | caught by |', '|---|---|'];
let uncaught = 0;
const baseline = failingTests();
if (baseline.length) throw new Error(`the mechanism tests fail before any mutation: ${baseline.join('; ')}`);
for (const [key, off] of Object.entries(CONSTANTS)) {
  if (only && !only.has(key)) continue;
  const source = readFileSync(PARAMETERS_FILE, 'utf8');
  const match = new RegExp(`(\\n  ${key}: p\\()([^,]+),`).exec(source);
  if (!match) throw new Error(`no parameter ${key}`);
  mutate(PARAMETERS_FILE, `${match[1]}${match[2]},`, `${match[1]}${off},`, () => {
    const failed = failingTests();
    if (!failed.length) uncaught++;
    rows.push(`| \`${key}\` = ${off} | ${failed.length ? failed.join('; ') : '**none**'} |`);
    console.error(`${key}: ${failed.length} test(s) failed`);
  });
}
for (const code of CODE) {
  if (only && !only.has(code.name)) continue;
  mutate(code.file, code.from, code.to, () => {
    const failed = failingTests();
    if (!failed.length) uncaught++;
    rows.push(`| ${code.name} (${code.file}) | ${failed.length ? failed.join('; ') : '**none**'} |`);
    console.error(`${code.name}: ${failed.length} test(s) failed`);
  });
}
console.log(rows.join('\n'));
console.log(`\n${uncaught} mutation(s) caught by no test`);
process.exitCode = uncaught ? 1 : 0;
