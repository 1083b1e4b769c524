import {
  type CompiledPlugin,
  compilePlugin,
  evaluate,
  type FundingResult,
  formatPolicyError,
  type PluginBundle,
  PolicyEvaluationError,
  PolicyFactsError,
  type StaffingResult,
  type TrainingResult,
} from '@xinqiao/policy/browser';
import type { StaffType } from './api.ts';

/** The question: "at this many students, with this staff, and a teacher with these hours…". */
export interface WhatIfFacts {
  enrolment: number;
  fullTimeStaff: number;
  staffType: StaffType;
  hours: number;
}

/** The plugin's answer per area; an area it cannot answer is null with the reason in `issues`. */
export interface WhatIfAnswer {
  staffing: StaffingResult | null;
  funding: FundingResult | null;
  training: TrainingResult | null;
  issues: { area: string; message: string }[];
}

/**
 * Compiles the plugin bundle the API serves at `GET /api/plugins/active` with the very code the API runs; throws
 * an Error listing every problem when it does not compile.
 *
 * @example
 * const plugin = compileSchoolPlugin(await fetchActivePlugin())
 */
export function compileSchoolPlugin(bundle: PluginBundle): CompiledPlugin {
  const compiled = compilePlugin({ manifest: bundle.manifest, rules: bundle.rules });
  if (!compiled.ok) throw new Error(compiled.errors.map(formatPolicyError).join('\n'));
  return compiled.plugin;
}

async function attempt<T>(
  area: string,
  run: () => Promise<T>,
  issues: WhatIfAnswer['issues'],
): Promise<T | null> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof PolicyFactsError || error instanceof PolicyEvaluationError) {
      issues.push({ area, message: error.message });
      return null;
    }
    throw error;
  }
}

/**
 * Answers a what-if question with the school's plugin in the browser: the same facts give the same answer as
 * the API's figures, because both run @xinqiao/policy's `evaluate` on the same rules.
 *
 * @example
 * await whatIf(plugin, { enrolment: 30000, fullTimeStaff: 5, staffType: 'full-time', hours: 32 })
 * // staffing.requiredFullTimeStaff 8, funding.yearlyYuan 450000 for 1:4000 and 15 yuan per student
 */
export async function whatIf(plugin: CompiledPlugin, facts: WhatIfFacts): Promise<WhatIfAnswer> {
  const issues: WhatIfAnswer['issues'] = [];
  const staffing = plugin.provides('staffing-ratio')
    ? await attempt(
        'staffing-ratio',
        () =>
          evaluate(plugin, 'staffing-ratio', {
            enrolment: facts.enrolment,
            fullTimeStaff: facts.fullTimeStaff,
          }),
        issues,
      )
    : null;
  const funding = plugin.provides('funding-formula')
    ? await attempt(
        'funding-formula',
        () => evaluate(plugin, 'funding-formula', { enrolment: facts.enrolment }),
        issues,
      )
    : null;
  const training = plugin.provides('training-hours')
    ? await attempt(
        'training-hours',
        () => evaluate(plugin, 'training-hours', { staffType: facts.staffType, hours: facts.hours }),
        issues,
      )
    : null;
  return { staffing, funding, training, issues };
}
