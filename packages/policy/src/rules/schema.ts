import { z } from 'zod';
import { AREA_IDS } from '../contracts';
import { kebabSchema, localizedSchema } from '../contracts/common';

/** The json-rules-engine operators rules may use (facts are flat scalars, so no array operators). */
export const OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
] as const;
export type Operator = (typeof OPERATORS)[number];

/** Where a rule comes from: a sentence of a seed document, or a published reference or decision with a note. */
export const sourceSchema = z
  .object({
    seed: z
      .string()
      .regex(/^\d{3}_[0-9a-f]{16}\.txt$/, 'expected a seed file name such as "002_665b4880934e24c4.txt"')
      .optional()
      .describe('Seed document file the rule encodes'),
    quote: z.string().min(1).optional().describe('The sentence of the seed (in its original characters)'),
    reference: z
      .string()
      .min(1)
      .optional()
      .describe('A published source (e.g. an instrument manual) when not a seed'),
    note: z.string().min(1).optional().describe('How the sentence was read, or why the plugin decided so'),
  })
  .strict()
  .refine((source) => source.seed !== undefined || source.reference !== undefined, {
    message: 'a source needs "seed" (with "quote") or "reference"',
  })
  .refine((source) => source.seed === undefined || source.quote !== undefined, {
    message: 'a seed source needs the "quote" it encodes',
    path: ['quote'],
  });
export type Source = z.infer<typeof sourceSchema>;

const scalar = z.union([z.string(), z.number(), z.boolean()]);
const leafCondition = z
  .object({
    fact: z.string(),
    operator: z.enum(OPERATORS),
    value: z.union([
      scalar,
      z.array(z.union([z.string(), z.number()])),
      z.object({ fact: z.string() }).strict(),
    ]),
  })
  .strict();

type ConditionShape =
  | z.infer<typeof leafCondition>
  | { all: ConditionShape[] }
  | { any: ConditionShape[] }
  | { not: ConditionShape };

/** A condition: a fact test, or all/any/not of conditions. Used for the published JSON Schema. */
export const conditionSchema: z.ZodType<ConditionShape> = z.lazy(() =>
  z.union([
    leafCondition,
    z.object({ all: z.array(conditionSchema).min(1) }).strict(),
    z.object({ any: z.array(conditionSchema).min(1) }).strict(),
    z.object({ not: conditionSchema }).strict(),
  ]),
);

const topLevelCondition = z.union([
  z.object({ all: z.array(conditionSchema).min(1) }).strict(),
  z.object({ any: z.array(conditionSchema).min(1) }).strict(),
  z.object({ not: conditionSchema }).strict(),
]);

function ruleShape<C extends z.ZodType>(conditions: C) {
  return z
    .object({
      name: kebabSchema.describe('Stable name of the rule, quoted in decisions and ledgers'),
      description: localizedSchema.optional(),
      source: z.array(sourceSchema).min(1).describe('The seed sentences (or references) the rule encodes'),
      priority: z
        .number()
        .int()
        .min(1)
        .optional()
        .describe('json-rules-engine priority; higher runs first (default 1)'),
      overrides: z
        .array(kebabSchema)
        .optional()
        .describe('Rules of this file whose outcome this rule replaces when both fire'),
      conditions,
      event: z
        .object({ type: z.string().min(1), params: z.record(z.string(), z.unknown()).optional() })
        .strict(),
    })
    .strict();
}

function ruleFileShape<C extends z.ZodType>(conditions: C) {
  return z
    .object({
      $schema: z.string().optional(),
      area: z.enum(AREA_IDS),
      description: localizedSchema.optional(),
      decision: z.string().optional().describe('How fired rules combine; each area lists its strategies'),
      rules: z.array(ruleShape(conditions)).min(1),
    })
    .strict();
}

/** Rule file schema with conditions left open: conditions are checked by the contract-aware walker for clear messages. */
export const ruleFileParseSchema = ruleFileShape(z.unknown());
/** Rule file schema with conditions spelled out, for the published JSON Schema. */
export const ruleFileSchema = ruleFileShape(topLevelCondition);

/** A rule as the engine wrapper keeps it after validation. */
export interface PolicyRule {
  readonly name: string;
  readonly description?: { readonly zh: string; readonly en: string };
  readonly source: readonly Source[];
  readonly priority: number;
  readonly overrides: readonly string[];
  /** json-rules-engine top-level condition, as written. */
  readonly conditions: Readonly<Record<string, unknown>>;
  /** Params are the validated ones (defaults filled in). */
  readonly event: { readonly type: string; readonly params: Readonly<Record<string, unknown>> };
  /** 1 when the rule runs in the first stage (before derived facts), else 2. */
  readonly stage: 1 | 2;
  /** Position in the rule file. */
  readonly index: number;
}

/** The validated rules of one area of one plugin. */
export interface RuleSet {
  readonly area: (typeof AREA_IDS)[number];
  readonly decision: string;
  readonly rules: readonly PolicyRule[];
}
