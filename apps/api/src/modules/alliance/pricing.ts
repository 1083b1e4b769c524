import {
  type CompiledPlugin,
  evaluate,
  type PointsFacts,
  PolicyEvaluationError,
  PolicyFactsError,
  TERM_COUNTERS,
} from '@xinqiao/policy';
import type { Context } from 'hono';
import type { AuthedEnv } from '../../context.ts';
import { type FieldError, fieldError, problem } from '../../http/problem.ts';

export type TermCounter = (typeof TERM_COUNTERS)[number];

/** One ledger line a record produces: the plugin rule that priced it, its points and reason, what it counts. */
export interface PricedLine {
  ruleName: string;
  points: number;
  zh: string;
  en: string;
  /** Term counters the rule adds one to (lateCount, absenceCount, noMinutesCount). */
  counts: TermCounter[];
  /** A sanction the rule itself carries (careless work is a warning). */
  sanction?: 'warning';
}

/** What the plugin says one record is worth. */
export interface Pricing {
  pluginId: string;
  pluginVersion: string;
  lines: PricedLine[];
  delta: number;
  requiresApproval: boolean;
  /** Rules that also matched but were overridden (where articles 5 and 7 disagree, the loser is named here). */
  overriddenRules: string[];
}

/**
 * The school's active plugin, compiled, with the two areas the alliance needs; 409 problem+json when the school has
 * none (nothing can be priced without it).
 */
export function alliancePluginOf(c: Context<AuthedEnv>): CompiledPlugin {
  const code = c.var.me.school.code;
  const plugin = c.var.plugins.active(code)?.compiled;
  if (!plugin?.provides('penalty-points') || !plugin.provides('term-sanctions')) {
    throw problem('alliance.no-points-scale', { school: code });
  }
  return plugin;
}

/** Per-rule extras of the points area (counters, sanctions) that the area result sums but does not attribute. */
function ruleExtras(
  plugin: CompiledPlugin,
  ruleName: string,
): { counts: TermCounter[]; sanction?: 'warning' } {
  const rule = plugin.ruleSet('penalty-points')?.rules.find((r) => r.name === ruleName);
  const params = (rule?.event.params ?? {}) as { counts?: unknown; sanction?: unknown };
  const counts = Array.isArray(params.counts)
    ? params.counts.filter((c): c is TermCounter => (TERM_COUNTERS as readonly string[]).includes(c))
    : [];
  return params.sanction === 'warning' ? { counts, sanction: 'warning' } : { counts };
}

/**
 * Prices one record's facts with the plugin's `penalty-points` area. Facts the contract refuses answer 400 naming
 * the fact (the API uses the fact names as field names); points outside a rule's range answer 400 naming
 * `requestedPoints` with the range, as the plugin states it.
 *
 * @example
 * const pricing = await priceFacts(plugin, { recordKind: 'meeting-attendance', memberRole: 'staff',
 *   meetingType: 'department-routine', meetingStars: 0, attendance: 'late', minutesLate: 4 });
 * pricing.lines[0].ruleName; // 'art5-department-routine-late', points -1, counts ['lateCount']
 */
export async function priceFacts(plugin: CompiledPlugin, facts: Record<string, unknown>): Promise<Pricing> {
  try {
    const decision = await evaluate(plugin, 'penalty-points', facts as PointsFacts);
    const lines = decision.entries.map((entry) => ({
      ruleName: entry.ruleName,
      points: entry.points,
      zh: entry.zh,
      en: entry.en,
      ...ruleExtras(plugin, entry.ruleName),
    }));
    return {
      pluginId: decision.pluginId,
      pluginVersion: decision.pluginVersion,
      lines,
      delta: decision.delta,
      requiresApproval: decision.requiresApproval,
      overriddenRules: [...decision.overriddenRules],
    };
  } catch (error) {
    throw pricingProblem(error);
  }
}

/** A policy error as the 400 problem the caller can act on; anything else is rethrown as is. */
export function pricingProblem(error: unknown): unknown {
  if (error instanceof PolicyFactsError) {
    const errors: FieldError[] = error.issues.map((issue) =>
      fieldError(issue.fact, 'alliance.plugin-refuses', { detail: issue.message }),
    );
    return problem('alliance.plugin-refuses-facts', { detail: error.message }).naming(errors);
  }
  if (error instanceof PolicyEvaluationError) {
    const field = /requestedPoints/.test(error.message) ? 'requestedPoints' : 'recordKind';
    return problem('alliance.plugin-rules-refuse', { detail: error.message }).naming([
      fieldError(field, 'alliance.plugin-refuses', { detail: error.message }),
    ]);
  }
  return error;
}

/** The range a `points-range` rule allows for these facts, when one applies (for forms and messages). */
export function rangeRulesOf(plugin: CompiledPlugin): { ruleName: string; min: number; max: number }[] {
  return (plugin.ruleSet('penalty-points')?.rules ?? [])
    .filter((rule) => rule.event.type === 'points-range')
    .map((rule) => ({
      ruleName: rule.name,
      min: Number(rule.event.params.min),
      max: Number(rule.event.params.max),
    }));
}

/**
 * Every rule of the plugin's alliance areas with its own words and the sentence of the regulations it quotes, so
 * screens name a rule by what it says rather than by its id.
 *
 * @example
 * rulesOf(hut).find((r) => r.name === 'art5-department-routine-late')?.quote // '部門日常例會遲到者-1分'
 */
export function rulesOf(plugin: CompiledPlugin): {
  name: string;
  area: 'penalty-points' | 'term-sanctions';
  zh: string;
  en: string;
  quote: string | null;
}[] {
  const areas = ['penalty-points', 'term-sanctions'] as const;
  return areas.flatMap((area) =>
    (plugin.ruleSet(area)?.rules ?? []).map((rule) => {
      const params = rule.event.params as { zh?: unknown; en?: unknown };
      const quote = rule.source.find((source) => source.quote)?.quote ?? null;
      return {
        name: rule.name,
        area,
        zh: typeof params.zh === 'string' ? params.zh : (quote ?? rule.name),
        en: typeof params.en === 'string' ? params.en : rule.name,
        quote,
      };
    }),
  );
}
