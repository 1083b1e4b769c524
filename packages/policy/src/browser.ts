/**
 * @xinqiao/policy/browser: evaluate a school's policy in the browser with exactly the code the API runs.
 *
 * No node imports here or below. Fetch the active plugin (`GET /api/plugins/active` gives `{ manifest, rules }`),
 * compile it once, then evaluate what-if facts:
 *
 * @example
 * import { compilePlugin, evaluate } from '@xinqiao/policy/browser';
 * const compiled = compilePlugin(await (await fetch('/api/plugins/active')).json());
 * if (!compiled.ok) throw new Error(compiled.errors.map(formatPolicyError).join('\n'));
 * const staffing = await evaluate(compiled.plugin, 'staffing-ratio', { enrolment: 30000 });
 * staffing.requiredFullTimeStaff // 8 for 1:4000
 */
export * from './shared';
