import { type CompiledPlugin, evaluate, type PointsFacts } from '@xinqiao/policy';
import { problem } from '../../http/problem.ts';

/** The score every member starts a term with, and the plugin rule that states it. */
export interface BaseScore {
  points: number;
  ruleName: string;
  pluginId: string;
  pluginVersion: string;
  zh: string;
  en: string;
}

/**
 * The base score of a member of the given role: the plugin's `penalty-points` rule for the record kind
 * `term-start` (hut: seed 002 article 1, 起評分為70分). A plugin that states none has no points scale to score by.
 *
 * @example
 * const base = await baseScoreOf(hut, 'staff'); // { points: 70, ruleName: 'art1-base-score', ... }
 */
export async function baseScoreOf(
  plugin: CompiledPlugin,
  memberRole: 'cadre' | 'staff' = 'staff',
): Promise<BaseScore> {
  const facts: PointsFacts = { recordKind: 'term-start', memberRole } as PointsFacts;
  const decision = await evaluate(plugin, 'penalty-points', facts);
  const entry = decision.entries[0];
  if (!entry) {
    throw problem('alliance.no-base-score', { plugin: plugin.id });
  }
  return {
    pluginId: plugin.id,
    pluginVersion: plugin.version,
    points: decision.delta,
    ruleName: entry.ruleName,
    zh: entry.zh,
    en: entry.en,
  };
}
