import { z } from '@hono/zod-openapi';
import type { ScoredResult } from '@xinqiao/instruments';

// The scores of a result are @xinqiao/instruments' ScoredResult of the wave's instrument (what the import stored).
// The route schemas below say so field by field; `StoredScores` and `ScoreSummary` tie the stored JSON to them.

/** Every score of a result: the instrument's ScoredResult. */
export type StoredScores = ScoredResult;

type SummaryOf<T> = T extends unknown ? Omit<T, 'instrument' | 'factors' | 'positiveSymptomAverage'> : never;

/** What counsellors see of the scores: the totals and flags, without SCL-90's per-factor detail (center only). */
export type ScoreSummary = SummaryOf<ScoredResult>;

const severity = z.enum(['minimal', 'mild', 'moderate', 'moderately-severe', 'severe']);
const count = z.number().int();

const UpiScores = z.object({
  instrument: z.literal('upi'),
  total: count,
  item25: count.openapi({ description: 'Item 25 (thoughts of ending one’s life), 0 or 1' }),
  keyItemsYes: count,
  extraItemsYes: count,
  asksForCounselling: z.boolean(),
});
const Phq9Scores = z.object({
  instrument: z.literal('phq9'),
  total: count,
  item9: count.openapi({ description: 'Item 9 (self-harm thoughts), 0–3' }),
  severity,
});
const Gad7Scores = z.object({
  instrument: z.literal('gad7'),
  total: count,
  severity: severity.exclude(['moderately-severe']),
});
const Scl90Scores = z.object({
  instrument: z.literal('scl90'),
  total: count,
  gsi: z.number().openapi({ description: 'Global severity index: mean of the 90 items' }),
  positiveItemCount: count,
  positiveSymptomAverage: z.number(),
  factors: z
    .record(z.string(), z.number())
    .openapi({ description: 'Mean score per SCL-90 factor, keyed as @xinqiao/instruments SCL90_FACTORS' }),
  maxFactorScore: z.number(),
  item15: count.openapi({ description: 'Item 15 (thoughts of ending one’s life), 1–5' }),
});

/** A result's full scores (center staff only), by instrument. */
export const ScreeningScoresSchema = z
  .discriminatedUnion('instrument', [UpiScores, Phq9Scores, Gad7Scores, Scl90Scores])
  .openapi('ScreeningScores');

/** The totals and flags of a result; which fields are present depends on the wave's instrument. */
export const ScreeningScoreSummarySchema = z
  .object({
    total: count,
    severity: severity.optional(),
    item9: count.optional(),
    item25: count.optional(),
    keyItemsYes: count.optional(),
    extraItemsYes: count.optional(),
    asksForCounselling: z.boolean().optional(),
    gsi: z.number().optional(),
    positiveItemCount: count.optional(),
    maxFactorScore: z.number().optional(),
    item15: count.optional(),
  })
  .openapi('ScreeningScoreSummary', {
    description:
      'Totals and flags of the wave’s instrument (UPI, PHQ-9, GAD-7 or SCL-90 without factor detail)',
  });
