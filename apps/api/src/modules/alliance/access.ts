import type { Role, TenantTx } from '@xinqiao/db';
import type { Me } from '../../auth/session-types.ts';
import { problems } from '../../http/problem.ts';
import { officerTermsOf } from './queries/members.ts';

/**
 * Roles that read the alliance: its officers, the school administrator, and the mental-health center and student
 * affairs office the alliance answers to (seed 002: 隶属于学生处心理健康教育中心). Points are not mental-health data,
 * but they stay within the school: every table is tenant-wide under RLS.
 */
export const ALLIANCE_READERS: readonly Role[] = [
  'alliance_officer',
  'school_admin',
  'center_director',
  'center_staff',
  'student_affairs',
];

/** Roles that write: alliance officers and the school administrator. */
export const ALLIANCE_WRITERS: readonly Role[] = ['alliance_officer', 'school_admin'];

function holds(me: Me, role: Role): boolean {
  return me.roles.some((r) => r.role === role);
}

/** Throws 403 unless the person holds a role that reads the alliance. */
export function requireReader(me: Me): void {
  if (!me.roles.some((r) => ALLIANCE_READERS.includes(r.role))) {
    throw problems.forbidden(
      '朋辈互助联盟的积分只对联盟干部和中心开放 / The peer alliance is not open to your roles',
    );
  }
}

/** Throws 403 unless the person may change the alliance's structure (departments, terms, members, events). */
export function requireWriter(me: Me): void {
  if (!me.roles.some((r) => ALLIANCE_WRITERS.includes(r.role))) {
    throw problems.forbidden(
      '只有朋辈互助联盟干部和学校管理员可以修改 / Only alliance officers and school administrators may write',
    );
  }
}

/**
 * Throws 403 unless the person may score members of the term: a school administrator, or an alliance officer
 * linked to an active officer member of that term (the office that keeps attendance and the ledger, seed 002).
 */
export async function requireScorer(tx: TenantTx, me: Me, termId: string): Promise<void> {
  requireWriter(me);
  if (holds(me, 'school_admin')) return;
  const terms = await officerTermsOf(tx, me.person.id);
  if (!terms.includes(termId)) {
    throw problems.forbidden(
      '你不是本学期可以计分的联盟干部 / You are not an officer who may score in this term',
    );
  }
}
