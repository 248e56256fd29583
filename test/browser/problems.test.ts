/**
 * A file or a share link with 30,000 problems: validated in a worker (the page
 * keeps answering), 20 problems cross to the page, and the refusal shows them
 * and "… and N more" in both languages.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { encodeShareFragment, MAX_PROBLEMS_SHOWN } from '../../src/model/files.ts';
import { makeProblem, type Scenario } from '../../src/model/scenario.ts';
import { decodeLinkInWorker, openTextInWorker } from '../../src/worker/workers.ts';
import '../../src/ui/notices-view.ts';

afterEach(() => document.body.replaceChildren());

/** A scenario with 30,000 fields that are not scenario fields: 30,000 problems. */
const manyProblems = { schemaVersion: 2, ...Object.fromEntries(Array.from({ length: 30_000 }, (_, i) => [`f${i}`, 0])) };

describe('a file or link with 30,000 problems', () => {
  it('is validated in a worker: the page answers meanwhile, and 20 problems come back with the count of the rest', async () => {
    const order: string[] = [];
    const opening = openTextInWorker(JSON.stringify(manyProblems)).then((result) => { order.push('validated'); return result; });
    // validated on the main thread, the answer would come before any timer set now
    setTimeout(() => order.push('page answered'), 0);
    const opened = await opening;
    expect(order).toEqual(['page answered', 'validated']);
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    expect(opened.problems).toHaveLength(MAX_PROBLEMS_SHOWN);
    expect(opened.more).toBe(30_000 - MAX_PROBLEMS_SHOWN);
    expect(opened.problems[0]).toMatchObject({ path: 'f0', en: 'is not a scenario field (check the spelling; see scenario.schema.json)' });
  });

  it('a share link is capped the same way', async () => {
    const fragment = await encodeShareFragment(manyProblems as unknown as Scenario);
    const opened = await decodeLinkInWorker(`#${fragment}`);
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect([opened.problems.length, opened.more]).toEqual([20, 29_980]);
  });

  it('a valid file opens in the worker exactly', async () => {
    const opened = await openTextInWorker(JSON.stringify({ schemaVersion: 2, name: 'ok', runs: 7 }));
    expect(opened.ok && [opened.scenario.name, opened.scenario.runs]).toEqual(['ok', 7]);
  });

  it('the refusal lists the first 20 and "… and N more", in both languages', async () => {
    const view = document.createElement('qc-notices');
    const problems = Array.from({ length: 25 }, (_, i) => makeProblem(`f${i}`, 'is not a scenario field', '不是场景字段'));
    // 25 problems reached the view, 29,975 more were counted in the worker
    view.refusal = { title: { key: 'fileRefused', params: { name: 'big.json' } }, problems, more: 29_975 };
    document.body.append(view);
    await view.updateComplete;
    const items = () => [...view.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(items()).toHaveLength(21);
    expect(items()[19]).toMatch(/f19/);
    expect(items()[20]).toBe('… and 29,980 more');
    view.locale = 'zh-CN';
    await view.updateComplete;
    expect(items()[20]).toBe('……另有 29,980 个问题');
  });
});
