import type { CompiledPlugin } from '@xinqiao/policy';
import { type Caller, can, requirePermission } from '../../auth/caller.ts';
import { officerTermsOf } from './queries/members.ts';
import type { Writer } from './records.ts';
import type { Author } from './structure.ts';

// Who reads and changes the alliance is the permission table's (`alliance.read`, `alliance.manage`: the officers,
// the school administrator, and for reading the mental-health center and student affairs office the alliance
// answers to, seed 002: 隶属于学生处心理健康教育中心). Points are not mental-health data, but they stay within the
// school: every table is tenant-wide under RLS. Scoring is bound to a term as well (`requireScorer`). Every service
// function of `services/` starts with its check on the caller.

/**
 * The caller of an alliance service: who, in which transaction, with which permissions (a {@link Caller}), plus the
 * school's plugin and the request's clock, which pricing and the phase of events need.
 */
export interface AllianceCaller extends Caller {
  /**
   * The school's plugin with the alliance's areas; throws 409 `alliance.no-points-scale` when it has none. A
   * function, so a service asks for it only after its access check.
   */
  plugin(): CompiledPlugin;
  /** The request's time. */
  now: Date;
}

/**
 * Throws 403 unless the caller may score members of the term: `alliance.score`, and either
 * `alliance.score-any-term` (the school administrator) or being an active officer member of that term (the office
 * that keeps attendance and the ledger, seed 002).
 *
 * @example
 * ```ts
 * await requireScorer(caller, term.id);
 * ```
 */
export async function requireScorer(caller: Caller, termId: string): Promise<void> {
  requirePermission(caller, 'alliance.score');
  if (can(caller, 'alliance.score-any-term')) return;
  const terms = await officerTermsOf(caller.tx, caller.me.person.id);
  if (!terms.includes(termId)) requirePermission(caller, 'alliance.score-any-term');
}

/** Who writes records: the caller's school and person, the school's plugin, the request's clock. */
export function writerOf(caller: AllianceCaller): Writer {
  return {
    schoolId: caller.me.school.id,
    personId: caller.me.person.id,
    plugin: caller.plugin(),
    now: caller.now,
  };
}

/** Who changes the alliance's structure: the caller's school and person, the request's clock. */
export function authorOf(caller: AllianceCaller): Author {
  return { schoolId: caller.me.school.id, personId: caller.me.person.id, now: caller.now };
}
