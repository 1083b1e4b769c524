import type { ScoredResult } from '@xinqiao/instruments';
import { type AttentionTier, type CompiledPlugin, evaluate, type Reason, tierFacts } from '@xinqiao/policy';

/** The tier a school's plugin gives one scored result, and what to store with it. */
export interface TierDecision {
  tier: AttentionTier;
  reasons: readonly Reason[];
  /** A rule the school marks as a self-harm finding fired: the follow-up is worked on before everything else. */
  selfHarm: boolean;
  followUpWorkingDays: number | undefined;
  pluginId: string;
  pluginVersion: string;
}

/** Decides tiers for many results of one plugin: `decide` answers from memory for facts it has seen. */
export interface TierDecider {
  decide(score: ScoredResult): TierDecision | Promise<TierDecision>;
  /** Distinct fact tuples evaluated by json-rules-engine so far. */
  readonly evaluations: number;
}

/**
 * The memo key of a result: every fact the tier rules can read, by name. The rules see nothing else (the area
 * contract validates the facts and rejects unknown ones), so equal keys get equal decisions. `tierFacts` builds
 * the facts of an instrument in one order, and the instrument is one of them, so no sorting is needed.
 */
export function tierFactsKey(score: ScoredResult): string {
  const facts = tierFacts(score) as unknown as Record<string, unknown>;
  let key = '';
  for (const name in facts) key += `${name}=${String(facts[name])};`;
  return key;
}

/**
 * A tier decider over the plugin's `tier-thresholds` rules that runs json-rules-engine once per distinct tuple of
 * facts and remembers the decision. UPI has 4,560 possible fact tuples and PHQ-9 112, so a 50,000-row import runs
 * the engine a few hundred times instead of 50,000; every decision is still the engine's own.
 *
 * @example
 * const decider = memoisedTierDecider(plugin);
 * const decision = await decider.decide(scoreResponse('phq9', answers).value);
 * decision.tier; // 1 when item 9 > 0 in the seed plugins
 */
export function memoisedTierDecider(plugin: CompiledPlugin): TierDecider {
  const known = new Map<string, TierDecision>();
  const pending = new Map<string, Promise<TierDecision>>();
  let evaluations = 0;
  return {
    get evaluations() {
      return evaluations;
    },
    decide(score) {
      const key = tierFactsKey(score);
      const hit = known.get(key);
      if (hit) return hit;
      let running = pending.get(key);
      if (!running) {
        evaluations++;
        running = evaluate(plugin, 'tier-thresholds', tierFacts(score)).then((decision) => {
          const result: TierDecision = {
            tier: decision.tier,
            reasons: decision.reasons,
            selfHarm: decision.selfHarm,
            followUpWorkingDays: decision.followUpWorkingDays,
            pluginId: decision.pluginId,
            pluginVersion: decision.pluginVersion,
          };
          known.set(key, result);
          pending.delete(key);
          return result;
        });
        pending.set(key, running);
      }
      return running;
    },
  };
}

/**
 * Whether the plugin's tier rules decide results of this instrument at all, tried on the lowest possible score
 * (a school's rules may cover only some instruments: HUT's tier UPI and SCL-90).
 */
export async function tiersInstrument(plugin: CompiledPlugin, lowest: ScoredResult): Promise<boolean> {
  try {
    await evaluate(plugin, 'tier-thresholds', tierFacts(lowest));
    return true;
  } catch {
    return false;
  }
}

/**
 * The decision of json-rules-engine run afresh for this one result (no memory): the reference the memoised
 * decider is tested and benchmarked against.
 */
export async function engineTierDecision(plugin: CompiledPlugin, score: ScoredResult): Promise<TierDecision> {
  const decision = await evaluate(plugin, 'tier-thresholds', tierFacts(score));
  return {
    tier: decision.tier,
    reasons: decision.reasons,
    selfHarm: decision.selfHarm,
    followUpWorkingDays: decision.followUpWorkingDays,
    pluginId: decision.pluginId,
    pluginVersion: decision.pluginVersion,
  };
}
