import { type CompiledPlugin, evaluate } from '@xinqiao/policy';

/** What the school's plugin says about the roster: how often key students are talked to, who decides a removal. */
export interface KeyStudentPolicy {
  /** A talk is due this many days after the last one (or after the student came on the roster). */
  talkIntervalDays: number;
  /** true: a removal asked for with a reason waits for the station head; false: it takes effect at once. */
  stationHeadApproves: boolean;
}

/**
 * Seed 003's work plan 5 (辅导员每周必须与重点学生谈话一次: every week) with the station head approving removals: what a
 * school whose plugin has no `key-students` area gets, so the roster works before its rules are written.
 */
export const SEED_KEY_STUDENT_POLICY: KeyStudentPolicy = { talkIntervalDays: 7, stationHeadApproves: true };

/**
 * The school's `key-students` rules (step `talk`: the interval; step `removal`: whether the station head approves),
 * or {@link SEED_KEY_STUDENT_POLICY} when its plugin has no such area.
 *
 * @example
 * const policy = await keyStudentPolicyOf(c.var.plugins.active(code)?.compiled); // { talkIntervalDays: 7, … }
 */
export async function keyStudentPolicyOf(plugin: CompiledPlugin | undefined): Promise<KeyStudentPolicy> {
  if (!plugin?.areas.includes('key-students')) return SEED_KEY_STUDENT_POLICY;
  const [{ talk }, { removal }] = await Promise.all([
    evaluate(plugin, 'key-students', { step: 'talk' }),
    evaluate(plugin, 'key-students', { step: 'removal' }),
  ]);
  return { talkIntervalDays: talk!.days, stationHeadApproves: removal!.stationHeadApproves };
}
