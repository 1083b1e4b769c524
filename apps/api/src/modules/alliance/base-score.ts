import { type CompiledPlugin, evaluate, type PointsFacts, RECORD_KINDS } from '@xinqiao/policy';

/** The score every member starts a term with, and where that number comes from. */
export interface BaseScore {
  points: number;
  /** The plugin rule that states it; null while the plugin contract has no place for it (see below). */
  ruleName: string | null;
  pluginId: string;
  pluginVersion: string;
  zh: string;
  en: string;
}

/**
 * The record kind under which a plugin's `penalty-points` area states the base score (seed 002 第一条: 起评分为70分).
 * Requested from the policy package in docs/alliance.md ("Policy requests"); used as soon as the contract has it.
 */
const BASE_RECORD_KIND = 'term-start';

/**
 * Interim: seed 002, article 1 (幹事考核實行評分制, 起評分為70分), used only while the penalty-points contract has no
 * record kind for the base score. It is the one point value the API knows itself, and every answer that uses it
 * says so (`ruleName: null`).
 */
const SEED_002_ARTICLE_1_BASE = 70;

/**
 * The base score of a member of the given role under the plugin: the plugin's own rule when its contract lets it
 * state one, else seed 002's article 1 (marked as such).
 *
 * @example
 * const base = await baseScoreOf(hut, 'staff'); // { points: 70, ... }
 */
export async function baseScoreOf(
  plugin: CompiledPlugin,
  memberRole: 'cadre' | 'staff' = 'staff',
): Promise<BaseScore> {
  const known = { pluginId: plugin.id, pluginVersion: plugin.version };
  if ((RECORD_KINDS as readonly string[]).includes(BASE_RECORD_KIND)) {
    const facts = { recordKind: BASE_RECORD_KIND, memberRole } as unknown as PointsFacts;
    const decision = await evaluate(plugin, 'penalty-points', facts);
    const entry = decision.entries[0];
    if (entry)
      return { ...known, points: decision.delta, ruleName: entry.ruleName, zh: entry.zh, en: entry.en };
  }
  return {
    ...known,
    points: SEED_002_ARTICLE_1_BASE,
    ruleName: null,
    zh: '起评分（种子文件002第一条：起评分为70分；插件尚无起评分规则）',
    en: 'Base score (seed 002, article 1: 70; the plugin has no base-score rule yet)',
  };
}
