import type { z } from '@hono/zod-openapi';
import { requirePermission } from '../../../auth/caller.ts';
import { type AllianceCaller, authorOf, requireScorer } from '../access.ts';
import type { EventKind } from '../kinds.ts';
import type { EventRow } from '../queries/events.ts';
import { listMembers, type MemberView } from '../queries/members.ts';
import { type DepartmentRow, setTermStatus, type TermRow } from '../queries/structure.ts';
import type {
  CreateDepartmentBody,
  CreateEventBody,
  CreateMemberBody,
  CreateTaskBody,
  CreateTermBody,
  UpdateMemberBody,
  UpdateTermBody,
} from '../schemas.ts';
import { loadMember, loadTerm, requireOpenTerm } from '../service.ts';
import * as structure from '../structure.ts';
import { allianceOverview, eventsOfTerm } from '../views.ts';

// The alliance's structure as use cases: each function starts with its access check on the caller.

/** The alliance at a glance: plugin, base score, departments, terms, what the caller may do. Needs `alliance.read`. */
export function overview(caller: AllianceCaller) {
  requirePermission(caller, 'alliance.read');
  return allianceOverview(caller, caller.plugin());
}

/** Adds a department or college branch. Needs `alliance.manage`. */
export function createDepartment(
  caller: AllianceCaller,
  body: z.infer<typeof CreateDepartmentBody>,
): Promise<DepartmentRow> {
  requirePermission(caller, 'alliance.manage');
  return structure.createDepartment(caller.tx, authorOf(caller), body);
}

/** Opens an assessment term. Needs `alliance.manage`. */
export function createTerm(caller: AllianceCaller, body: z.infer<typeof CreateTermBody>): Promise<TermRow> {
  requirePermission(caller, 'alliance.manage');
  return structure.createTerm(caller.tx, authorOf(caller), body);
}

/** Closes or reopens a term; 404 for no such term. Needs `alliance.score` for that term (see `requireScorer`). */
export async function updateTerm(
  caller: AllianceCaller,
  termId: string,
  body: z.infer<typeof UpdateTermBody>,
): Promise<TermRow> {
  requirePermission(caller, 'alliance.score');
  const term = await loadTerm(caller.tx, termId);
  await requireScorer(caller, term.id);
  return setTermStatus(caller.tx, term.id, body.status);
}

/** The members of a term, inactive ones too; 404 for no such term. Needs `alliance.read`. */
export async function membersOfTerm(caller: AllianceCaller, termId: string): Promise<MemberView[]> {
  requirePermission(caller, 'alliance.read');
  const term = await loadTerm(caller.tx, termId);
  return listMembers(caller.tx, term.id, { includeInactive: true });
}

/** Adds a member to an open term (409 when closed). Needs `alliance.manage`. */
export async function addMember(
  caller: AllianceCaller,
  termId: string,
  body: z.infer<typeof CreateMemberBody>,
): Promise<MemberView> {
  requirePermission(caller, 'alliance.manage');
  const term = await loadTerm(caller.tx, termId);
  requireOpenTerm(term);
  return structure.addMember(caller.tx, authorOf(caller), term, body);
}

/** Changes a member; 404 for no such member. Needs `alliance.score` for the member's term. */
export async function changeMember(
  caller: AllianceCaller,
  memberId: string,
  body: z.infer<typeof UpdateMemberBody>,
): Promise<MemberView> {
  requirePermission(caller, 'alliance.score');
  const member = await loadMember(caller.tx, memberId);
  await requireScorer(caller, member.termId);
  return structure.changeMember(caller.tx, member, body);
}

/** The events and tasks of a term with their phase now; 404 for no such term. Needs `alliance.read`. */
export async function eventsOf(caller: AllianceCaller, termId: string, kind?: EventKind) {
  requirePermission(caller, 'alliance.read');
  const term = await loadTerm(caller.tx, termId);
  return eventsOfTerm(caller.tx, term.id, caller.now, kind);
}

/** Schedules a meeting, duty shift or activity in an open term. Needs `alliance.score` for the term. */
export async function scheduleEvent(
  caller: AllianceCaller,
  termId: string,
  body: z.infer<typeof CreateEventBody>,
): Promise<EventRow> {
  requirePermission(caller, 'alliance.score');
  const term = await loadTerm(caller.tx, termId);
  await requireScorer(caller, term.id);
  requireOpenTerm(term);
  return structure.scheduleEvent(caller.tx, authorOf(caller), term, body);
}

/** Gives a task in an open term. Needs `alliance.score` for the term. */
export async function giveTask(
  caller: AllianceCaller,
  termId: string,
  body: z.infer<typeof CreateTaskBody>,
): Promise<EventRow> {
  requirePermission(caller, 'alliance.score');
  const term = await loadTerm(caller.tx, termId);
  await requireScorer(caller, term.id);
  requireOpenTerm(term);
  return structure.giveTask(caller.tx, authorOf(caller), term, body);
}
