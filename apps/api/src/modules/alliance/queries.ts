import {
  allianceDepartments,
  allianceEvents,
  allianceMembers,
  allianceRecords,
  allianceTerms,
  students,
  type TenantTx,
} from '@xinqiao/db';
import { and, asc, desc, eq, inArray, isNull, or } from 'drizzle-orm';

export type DepartmentRow = typeof allianceDepartments.$inferSelect;
export type TermRow = typeof allianceTerms.$inferSelect;
export type MemberRow = typeof allianceMembers.$inferSelect;
/** An event row; `kind` is wider than the schema's union: tasks and department findings live beside events. */
export type EventRow = Omit<typeof allianceEvents.$inferSelect, 'kind'> & { kind: string };
type StoredEventKind = (typeof allianceEvents.$inferSelect)['kind'];
export type RecordRow = typeof allianceRecords.$inferSelect;

/** The departments and college branches of the school's alliance, in the order they were created. */
export function listDepartments(tx: TenantTx): Promise<DepartmentRow[]> {
  return tx.select().from(allianceDepartments).orderBy(asc(allianceDepartments.createdAt));
}

/** One department, if it exists in the caller's school. */
export async function getDepartment(tx: TenantTx, id: string): Promise<DepartmentRow | undefined> {
  const [row] = await tx.select().from(allianceDepartments).where(eq(allianceDepartments.id, id));
  return row;
}

/** The terms of the alliance, newest first. */
export function listTerms(tx: TenantTx): Promise<TermRow[]> {
  return tx.select().from(allianceTerms).orderBy(desc(allianceTerms.startsOn));
}

/** One term. */
export async function getTerm(tx: TenantTx, id: string): Promise<TermRow | undefined> {
  const [row] = await tx.select().from(allianceTerms).where(eq(allianceTerms.id, id));
  return row;
}

/** A member with the department and the linked student's number (when the student is visible to the caller). */
export interface MemberView extends MemberRow {
  departmentName: string;
  studentNumber: string | null;
}

function selectMembers(tx: TenantTx) {
  return tx
    .select({
      member: allianceMembers,
      departmentName: allianceDepartments.name,
      studentNumber: students.studentNumber,
    })
    .from(allianceMembers)
    .innerJoin(allianceDepartments, eq(allianceDepartments.id, allianceMembers.departmentId))
    .leftJoin(students, eq(students.id, allianceMembers.studentId));
}

function toView(row: {
  member: MemberRow;
  departmentName: string;
  studentNumber: string | null;
}): MemberView {
  return { ...row.member, departmentName: row.departmentName, studentNumber: row.studentNumber };
}

/** The members of a term, by department then name; only active ones unless asked. */
export async function listMembers(
  tx: TenantTx,
  termId: string,
  options: { departmentId?: string; includeInactive?: boolean } = {},
): Promise<MemberView[]> {
  const rows = await selectMembers(tx)
    .where(
      and(
        eq(allianceMembers.termId, termId),
        options.departmentId ? eq(allianceMembers.departmentId, options.departmentId) : undefined,
        options.includeInactive ? undefined : eq(allianceMembers.active, true),
      ),
    )
    .orderBy(asc(allianceDepartments.createdAt), asc(allianceMembers.memberRole), asc(allianceMembers.name));
  return rows.map(toView);
}

/** One member. */
export async function getMember(tx: TenantTx, id: string): Promise<MemberView | undefined> {
  const [row] = await selectMembers(tx).where(eq(allianceMembers.id, id));
  return row ? toView(row) : undefined;
}

/** The members a person is linked to as an officer who may score, by term. */
export async function officerTermsOf(tx: TenantTx, personId: string): Promise<string[]> {
  const rows = await tx
    .select({ termId: allianceMembers.termId })
    .from(allianceMembers)
    .where(
      and(
        eq(allianceMembers.personId, personId),
        eq(allianceMembers.isOfficer, true),
        eq(allianceMembers.active, true),
      ),
    );
  return rows.map((row) => row.termId);
}

/** Events and tasks of a term, by start time; optionally of some kinds only. */
export function listEvents(tx: TenantTx, termId: string, kinds?: readonly string[]): Promise<EventRow[]> {
  return tx
    .select()
    .from(allianceEvents)
    .where(
      and(
        eq(allianceEvents.termId, termId),
        kinds ? inArray(allianceEvents.kind, kinds as StoredEventKind[]) : undefined,
      ),
    )
    .orderBy(asc(allianceEvents.startsAt), asc(allianceEvents.createdAt));
}

/** One event or task. */
export async function getEvent(tx: TenantTx, id: string): Promise<EventRow | undefined> {
  const [row] = await tx.select().from(allianceEvents).where(eq(allianceEvents.id, id));
  return row;
}

/** The active members an event expects: its department's, or everyone's for an alliance-wide event. */
export function expectedMembers(tx: TenantTx, event: EventRow): Promise<MemberView[]> {
  return listMembers(tx, event.termId, event.departmentId ? { departmentId: event.departmentId } : {});
}

/** Records of an event (all kinds), oldest first. */
export function recordsOfEvent(tx: TenantTx, eventId: string): Promise<RecordRow[]> {
  return tx
    .select()
    .from(allianceRecords)
    .where(eq(allianceRecords.eventId, eventId))
    .orderBy(asc(allianceRecords.recordedAt));
}

/** The record of an event, member and kind (the database keeps at most one). */
export async function recordOf(
  tx: TenantTx,
  eventId: string,
  memberId: string,
  kind: string,
): Promise<RecordRow | undefined> {
  const [row] = await tx
    .select()
    .from(allianceRecords)
    .where(
      and(
        eq(allianceRecords.eventId, eventId),
        eq(allianceRecords.memberId, memberId),
        eq(allianceRecords.kind, kind),
      ),
    );
  return row;
}

/** One record. */
export async function getRecord(tx: TenantTx, id: string): Promise<RecordRow | undefined> {
  const [row] = await tx.select().from(allianceRecords).where(eq(allianceRecords.id, id));
  return row;
}

/** Records of a term, optionally of one member, oldest first. */
export function recordsOfTerm(tx: TenantTx, termId: string, memberId?: string): Promise<RecordRow[]> {
  return tx
    .select()
    .from(allianceRecords)
    .where(
      and(eq(allianceRecords.termId, termId), memberId ? eq(allianceRecords.memberId, memberId) : undefined),
    )
    .orderBy(asc(allianceRecords.recordedAt));
}

/** Records of some ids. */
export function recordsByIds(tx: TenantTx, ids: readonly string[]): Promise<RecordRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return tx
    .select()
    .from(allianceRecords)
    .where(inArray(allianceRecords.id, [...ids]));
}

/** Records of a member without an event, with a given key (full-attendance assessments, findings). */
export async function keyedRecordOf(
  tx: TenantTx,
  memberId: string,
  kind: string,
  taskKey: string,
): Promise<RecordRow | undefined> {
  const [row] = await tx
    .select()
    .from(allianceRecords)
    .where(
      and(
        eq(allianceRecords.memberId, memberId),
        eq(allianceRecords.kind, kind),
        eq(allianceRecords.taskKey, taskKey),
        isNull(allianceRecords.eventId),
      ),
    );
  return row;
}

/** Department events (findings) and alliance-wide ones of a term: for department warnings. */
export function departmentEventsOf(tx: TenantTx, termId: string, departmentId: string): Promise<EventRow[]> {
  return tx
    .select()
    .from(allianceEvents)
    .where(
      and(
        eq(allianceEvents.termId, termId),
        or(eq(allianceEvents.departmentId, departmentId), isNull(allianceEvents.departmentId)),
      ),
    );
}
