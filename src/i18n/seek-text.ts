/** A goal seek's texts that the Plan view and the command line share. */
import type { GoalSeekResult } from '../model/planning/goal-seek.ts';
import { guardrailOf } from '../model/planning/guardrails.ts';
import { describePosition, isWindowLever, leverAt } from '../model/planning/levers.ts';
import type { Scenario } from '../model/scenario.ts';
import { langOf, pick, type Locale } from './locale.ts';
import { t } from './messages.ts';

/**
 * What the playbook holds in a strategy within it, from the data the result has: the owner and the admins
 * (§3, from the scenario), and each lever searched that sits at the end of its guardrail (e.g. DMs per admin
 * per day at least 1, §6). No split of the hours by task is made up: the model does not record one.
 */
export function heldByPlaybookText(result: GoalSeekResult, settings: GoalSeekResult['start']['settings'], scenario: Scenario, locale: Locale): string {
  const held = [t(locale, 'seekHeldTeam', { n: scenario.team.admins })];
  settings.forEach(([path, v], i) => {
    const lever = leverAt(path);
    const rail = guardrailOf(path, scenario);
    // the posting window holds no hours: not named
    if (!lever || !rail || path === 'team.admins' || lever.options || isWindowLever(path)) return;
    const range = result.levers[i];
    const key = v === range.min && range.min > lever.min ? 'seekHeldAtLeast' : v === range.max && range.max < lever.max ? 'seekHeldAtMost' : null;
    if (key) held.push(t(locale, key, { lever: pick(locale, lever.label), value: describePosition(lever, v, scenario, langOf(locale)), source: rail.source }));
  });
  return held.join(locale === 'zh-CN' ? '、' : ', ');
}
