import { instruments, type ScoredResult, scoreResponse } from '@xinqiao/instruments';
import type { CompiledPlugin, Instrument } from '@xinqiao/policy';
import { scoringIdOf } from '../screening/instruments.ts';
import { engineTierDecision, type TierDecision } from '../screening/tiering.ts';

/** An online submission scored and tiered: the same scoring and plugin rules as the import. */
export interface OnlineDecision {
  score: ScoredResult;
  decision: TierDecision;
  /**
   * A safety answer: a rule the plugin marks self-harm fired, or an item the instrument flags (UPI 25, PHQ-9 item 9,
   * SCL-90 item 15) was answered above its lowest option. The help line is shown and the counsellor told at once.
   */
  safety: boolean;
}

/**
 * Whether any item the instrument flags (its self-harm item) was answered above the lowest option.
 *
 * @example
 * flaggedAnswered('PHQ-9', [0, 0, 0, 0, 0, 0, 0, 0, 1]); // true
 */
export function flaggedAnswered(instrument: Instrument, answers: readonly number[]): boolean {
  const info = instruments[scoringIdOf(instrument)];
  return info.items.some(
    (item) =>
      item.roles.includes('flagged') &&
      (answers[item.number - 1] ?? info.answerRange.min) > info.answerRange.min,
  );
}

/**
 * Scores complete answers and asks the school's `tier-thresholds` rules for the tier, exactly as an imported row
 * is (the import memoises the same engine decision). Throws if the answers do not score (the caller validated them).
 */
export async function decideOnline(
  plugin: CompiledPlugin,
  instrument: Instrument,
  answers: readonly number[],
  askedForCounselling: boolean,
): Promise<OnlineDecision> {
  const scored = scoreResponse(scoringIdOf(instrument), answers, { asksForCounselling: askedForCounselling });
  if (!scored.ok) throw new Error(`answers do not score: ${JSON.stringify(scored.error)}`);
  const decision = await engineTierDecision(plugin, scored.value);
  return { score: scored.value, decision, safety: decision.selfHarm || flaggedAnswered(instrument, answers) };
}
