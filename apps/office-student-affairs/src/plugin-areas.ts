/** The policy areas 学生处 computes, in the order its panels show them. */
export const STUDENT_AFFAIRS_AREAS = ['staffing-ratio', 'funding-formula', 'training-hours'] as const;
export type StudentAffairsArea = (typeof STUDENT_AFFAIRS_AREAS)[number];

/**
 * The areas 学生处 needs that the school's plugin does not configure, read from the rule files the plugin serves
 * (`GET /api/plugins/active` answers one per area). The screen names them once, as what the school must add, and
 * does not offer the panels that would be empty; the API's per-area issues for them are then redundant.
 *
 * @example
 * missingAreas({ 'tier-thresholds': {}, 'support-targets': {} }) // ['staffing-ratio', 'funding-formula', 'training-hours']
 */
export function missingAreas(rules: Record<string, unknown>): StudentAffairsArea[] {
  return STUDENT_AFFAIRS_AREAS.filter((area) => !(area in rules));
}

/** The API's issues that are not just "the plugin lacks this area" (facts out of range, no rule applies). */
export function otherIssues<I extends { area: string }>(
  issues: readonly I[],
  missing: readonly string[],
): I[] {
  return issues.filter((issue) => !missing.includes(issue.area));
}
