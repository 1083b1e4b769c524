import { type Caller, can, requirePermission } from '../../auth/caller.ts';
import { officerTermsOf } from './queries/members.ts';

// Who reads and changes the alliance is the permission table's (`alliance.read`, `alliance.manage`: the officers,
// the school administrator, and for reading the mental-health center and student affairs office the alliance
// answers to, seed 002: 隶属于学生处心理健康教育中心). Points are not mental-health data, but they stay within the
// school: every table is tenant-wide under RLS. Scoring is bound to a term as well:

/**
 * Throws 403 unless the caller may score members of the term: `alliance.score`, and either
 * `alliance.score-any-term` (the school administrator) or being an active officer member of that term (the office
 * that keeps attendance and the ledger, seed 002).
 *
 * @example
 * ```ts
 * await requireScorer(allianceCaller(c), term.id);
 * ```
 */
export async function requireScorer(caller: Caller, termId: string): Promise<void> {
  requirePermission(caller, 'alliance.score');
  if (can(caller, 'alliance.score-any-term')) return;
  const terms = await officerTermsOf(caller.tx, caller.me.person.id);
  if (!terms.includes(termId)) requirePermission(caller, 'alliance.score-any-term');
}
