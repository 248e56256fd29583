import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  defaultScenario, parseScenario, parseScenarioText, scenarioJsonSchema, MAX_SCENARIO_BYTES,
} from '../../src/model/scenario.ts';
import { PARAMETERS, PARAMETER_KEYS } from '../../src/model/parameters.ts';
import { scenarioText } from '../../src/model/text.ts';

const problemsOf = (value: unknown) => {
  const result = parseScenario(value);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
};

describe('scenario schema', () => {
  it('fills every default from schemaVersion alone', () => {
    const s = defaultScenario();
    expect(s.horizonDays).toBe(30);
    expect(s.runs).toBe(200);
    expect(s.group).toEqual({ positioning: 'knowledge_sharing', platform: 'personal', capacity: 500, need: 1, needVaries: false });
    expect(s.population.mix).toEqual({ core: 0.1, active: 0.2, ordinary: 0.7 });
    expect(s.content.mix).toEqual({ news: 0.3, tips: 0.4, spotlight: 0.3 });
    expect(s.content.window).toEqual([19, 21]);
    expect(s.penalties.strikesToRemove).toBe(3);
    expect(s.growth.initialInvites).toBe(40);
    expect(s.team.admins).toBe(3);
    expect(s.ruleChanges).toEqual([]);
  });

  it('requires schemaVersion 2', () => {
    expect(problemsOf({})).toEqual([expect.objectContaining({ path: 'schemaVersion' })]);
    expect(problemsOf({ schemaVersion: 1 })[0].en).toMatch(/must be 2/);
  });

  it('names the field and the allowed range for each bad value', () => {
    const problems = problemsOf({
      schemaVersion: 2,
      horizonDays: 9999,
      runs: 'many',
      group: { positioning: 'fun' },
      population: { mix: { core: 0.5, active: 0.5, ordinary: 0.5 } },
      content: { window: [21, 19] },
      growth: { inviteWording: 2 },
    });
    const byPath = Object.fromEntries(problems.map((p) => [p.path, p.en]));
    expect(byPath.horizonDays).toBe('must be a whole number from 1 to 365 days');
    expect(byPath.runs).toBe('must be a whole number from 1 to 10000 runs');
    expect(byPath['group.positioning']).toBe('must be one of knowledge_sharing, resource_matching, customer_service');
    expect(byPath['population.mix']).toBe('shares must sum to 1 (now 1.5)');
    expect(byPath['content.window']).toMatch(/from must be earlier than to/);
    expect(byPath['growth.inviteWording']).toBe('must be a number from 0 to 1');
  });

  it('refuses unknown keys, __proto__ and constructor included, without polluting prototypes', () => {
    const problems = problemsOf(JSON.parse('{"schemaVersion":2,"__proto__":{"polluted":true},"constructor":{"x":1},"contnet":{}}'));
    expect(problems.map((p) => p.path).sort()).toEqual(['__proto__', 'constructor', 'contnet']);
    expect(problems[0].en).toMatch(/not a scenario field/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports bad JSON, non-objects and oversize text as whole-file problems', () => {
    const bad = parseScenarioText('{"schemaVersion": 2,');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]).toMatchObject({ path: '', en: expect.stringMatching(/^not valid JSON/) });
    const array = parseScenarioText('[1,2]');
    if (!array.ok) expect(array.problems[0].en).toMatch(/JSON object/);
    const huge = parseScenarioText(' '.repeat(MAX_SCENARIO_BYTES + 1));
    if (!huge.ok) expect(huge.problems[0].en).toMatch(/too large/);
    const deep = parseScenarioText('['.repeat(100_000) + ']'.repeat(100_000));
    expect(deep.ok).toBe(false);
  });

  it('checks platform-dependent levers and rule-change days', () => {
    const byPath = Object.fromEntries(problemsOf({
      schemaVersion: 2,
      horizonDays: 30,
      growth: { channel: 'enterprise' },
      automation: { autoReply: true },
      ruleChanges: [{ day: 40 }],
    }).map((p) => [p.path, p.en]));
    expect(byPath['growth.channel']).toMatch(/platform "enterprise"/);
    expect(byPath['automation.autoReply']).toMatch(/platform "enterprise"/);
    expect(byPath['ruleChanges[0].day']).toBe('must be within the horizon: day 1 to 30 as people count (29 at most in the file, which counts from 0)');
  });

  it('takes the core-active definition as part of the goals, and checks it', () => {
    const parsed = parseScenario({ schemaVersion: 2 });
    expect(parsed.ok && parsed.scenario.goals.coreActive).toEqual({ windowDays: 14, minDays: 4, target: 10 });
    const byPath = Object.fromEntries(problemsOf({ schemaVersion: 2, goals: { coreActive: { windowDays: 7, minDays: 9 }, coreActiveUsers: 3 } }).map((p) => [p.path, p.en]));
    expect(byPath['goals.coreActive.minDays']).toMatch(/must be a whole number from 1 to 30 days|must not exceed the window \(windowDays\)/);
    expect(byPath['goals.coreActiveUsers']).toMatch(/not a scenario field/);
    const tooMany = problemsOf({ schemaVersion: 2, goals: { coreActive: { windowDays: 7, minDays: 8 } } });
    expect(tooMany.map((p) => `${p.path}: ${p.en}`)).toContain('goals.coreActive.minDays: must not exceed the window (windowDays)');
  });

  it('keeps goals within their metric\'s range and refuses a goal the positioning does not have', () => {
    const paths = (goals: object, positioning = 'knowledge_sharing') => {
      const parsed = parseScenario({ schemaVersion: 2, group: { positioning }, goals });
      return Object.fromEntries(parsed.ok ? [] : parsed.problems.map((p) => [p.path, p.en]));
    };
    expect(paths({ speakingRate30d: 1e308 })['goals.speakingRate30d']).toBe('must be a number from 0 to 1');
    expect(paths({ dailyMessages: -5 })['goals.dailyMessages']).toBe('must be a number from 0 to 100000');
    expect(paths({ firstAnswerMinutesMedian: 10 })['goals.firstAnswerMinutesMedian']).toMatch(/^has no goal in a knowledge_sharing group, so it would be ignored \(goals here: speakingRate30d, /);
    expect(paths({ firstAnswerMinutesMedian: 10 }, 'customer_service')).toEqual({});
    expect(paths({ speakingRate30d: 0.7, dailyMessages: 8 })).toEqual({});
  });

  it('checks parameter overrides against the parameters table', () => {
    const problems = problemsOf({ schemaVersion: 2, parameters: { branchingRatio: 1.5, nonsense: 1 } });
    expect(problems).toContainEqual(expect.objectContaining({ path: 'parameters.branchingRatio', en: `must be a number from 0 to 0.99 ${PARAMETERS.branchingRatio.unit}` }));
    expect(problems).toContainEqual(expect.objectContaining({ path: 'parameters.nonsense' }));
  });

  it('keeps every parameter default inside its own range', () => {
    for (const key of PARAMETER_KEYS) {
      const spec = PARAMETERS[key];
      expect(spec.default, key).toBeGreaterThanOrEqual(spec.min);
      expect(spec.default, key).toBeLessThanOrEqual(spec.max);
      expect(spec.source.length, key).toBeGreaterThan(0);
    }
  });

  it('ships reference scenarios that validate and describe what they teach', () => {
    const files = readdirSync('scenarios').filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual(['customer-service.json', 'knowledge-sharing.json', 'no-operations.json', 'over-marketing.json', 'resource-matching.json']);
    for (const file of files) {
      const result = parseScenarioText(readFileSync(`scenarios/${file}`, 'utf8'));
      expect(result.ok, file).toBe(true);
      if (result.ok) expect(result.scenario.description.length, file).toBeGreaterThan(100);
    }
  });

  it('keeps scenario.schema.json in step with the zod schema', () => {
    const committed = JSON.parse(readFileSync('scenario.schema.json', 'utf8'));
    expect(committed).toEqual(scenarioJsonSchema());
    const schema = scenarioJsonSchema() as { properties: Record<string, { properties?: Record<string, { minimum?: number; maximum?: number }> }>; required: string[] };
    expect(schema.required).toEqual(['schemaVersion']);
    expect(schema.properties.growth.properties?.initialInvites).toMatchObject({ minimum: 0, maximum: 2000 });
  });
});

describe('problems in both languages', () => {
  it('gives every problem a Chinese message too', () => {
    const problems = problemsOf({
      schemaVersion: 2, horizonDays: 9999, runs: 'x', group: { positioning: 'fun' }, content: { window: [21, 19], announcement: 'yes' },
      population: { mix: { core: 0.5, active: 0.5, ordinary: 0.5 } }, contnet: 1,
    }).concat(problemsOf({ schemaVersion: 2, horizonDays: 300, ruleChanges: [{ day: 300 }] }));
    const zh = Object.fromEntries(problems.map((p) => [p.path, p.zh]));
    expect(zh.horizonDays).toBe('必须是 1 到 365 天之间的整数');
    expect(zh['population.mix']).toBe('各项占比之和必须为 1 (现为 1.5)');
    expect(zh['ruleChanges[0].day']).toBe('必须在模拟期内：第 1 到第 300 天 (文件中从 0 计，最多 299)');
    expect(zh['content.announcement']).toBe('必须是 true 或 false');
    expect(zh.contnet).toMatch(/不是场景字段/);
    for (const p of problems) expect(p.zh, p.path).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('reference scenarios in both languages', () => {
  it('carry a Chinese name and description, shown when the lab is read in Chinese', () => {
    for (const file of readdirSync('scenarios').filter((f) => f.endsWith('.json'))) {
      const parsed = parseScenario(JSON.parse(readFileSync(`scenarios/${file}`, 'utf8')));
      if (!parsed.ok) throw new Error(file);
      const zh = scenarioText(parsed.scenario, 'zh');
      const en = scenarioText(parsed.scenario, 'en');
      expect(zh.name, file).toMatch(/[\u4e00-\u9fff]/);
      expect(zh.description.length, file).toBeGreaterThan(50);
      expect(en.name).toBe(parsed.scenario.name);
      // Chinese text without English words (proper names of cited authors aside)
      expect(zh.description.replace(/[A-Z][a-z]+ (& [A-Z][a-z]+ )?\d{4}|Qiu|Dasgupta|Joyce|Kraut/g, ''), file).not.toMatch(/\b[a-z]{3,}\b/);
    }
    expect(scenarioText({ name: 'A', description: 'B', zh: { name: '甲' } }, 'zh')).toEqual({ name: '甲', description: 'B' });
  });

  it('refuses a zh field that is not an object of texts, naming the field', () => {
    const parsed = parseScenario({ schemaVersion: 2, zh: { name: 3 } });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]).toMatchObject({ path: 'zh.name', en: 'must be text' });
  });
});
