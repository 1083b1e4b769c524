import type { z } from '@hono/zod-openapi';
import { cases, people, reusableStatement, studentFileEntries, type TenantTx } from '@xinqiao/db';
import { desc, eq, sql } from 'drizzle-orm';
import type { FileEntrySchema, NewFileEntry } from './schemas.ts';

export type FileEntry = z.infer<typeof FileEntrySchema>;

const personRef = (id: string | null, displayName: string | null) =>
  id && displayName !== null ? { id, displayName } : null;

// The timeline's two reads, built once (reusableStatement): every opening of a file asks for them.
const fileEntriesRead = reusableStatement((tx: TenantTx) =>
  tx
    .select({ entry: studentFileEntries, recorderName: people.displayName })
    .from(studentFileEntries)
    .leftJoin(people, eq(people.id, studentFileEntries.recordedBy))
    .where(eq(studentFileEntries.studentId, sql.placeholder('studentId')))
    .orderBy(desc(studentFileEntries.recordedAt), desc(studentFileEntries.id)),
);

const caseEntriesRead = reusableStatement((tx: TenantTx) =>
  tx
    .select({ item: cases, openerName: people.displayName })
    .from(cases)
    .leftJoin(people, eq(people.id, cases.openedBy))
    .where(eq(cases.studentId, sql.placeholder('studentId')))
    .orderBy(desc(cases.createdAt), desc(cases.id)),
);

/** The entries of a student's file the caller may see (RLS hides 'restricted' ones from reduced views). */
async function fileEntries(tx: TenantTx, studentId: string): Promise<FileEntry[]> {
  const rows = await fileEntriesRead(tx, { studentId });
  return rows.map(({ entry, recorderName }) => ({
    id: entry.id,
    source: 'file',
    kind: entry.kind,
    title: entry.title,
    body: entry.body,
    visibility: entry.visibility,
    recordedAt: entry.recordedAt.toISOString(),
    recordedBy: personRef(entry.recordedBy, recorderName),
    case: null,
  }));
}

/** The student's cases as file entries (RLS shows cases to the full view only). */
async function caseEntries(tx: TenantTx, studentId: string): Promise<FileEntry[]> {
  const rows = await caseEntriesRead(tx, { studentId });
  return rows.map(({ item, openerName }) => ({
    id: item.id,
    source: 'case',
    kind: 'case',
    title: item.title,
    body: '',
    visibility: 'restricted',
    recordedAt: item.createdAt.toISOString(),
    recordedBy: personRef(item.openedBy, openerName),
    case: {
      id: item.id,
      kind: item.kind,
      status: item.status,
      dueDate: item.dueDate,
      closedAt: item.closedAt?.toISOString() ?? null,
    },
  }));
}

/**
 * The timeline of a student's file, newest first: the recorded entries and the student's cases, as far as the
 * caller's row-level scope shows them.
 */
export async function studentTimeline(tx: TenantTx, studentId: string): Promise<FileEntry[]> {
  // Both at once: on PostgreSQL they travel together (one round trip).
  const [recorded, ofCases] = await Promise.all([fileEntries(tx, studentId), caseEntries(tx, studentId)]);
  return mergeNewestFirst(recorded, ofCases);
}

/**
 * Merges two lists already sorted newest first by the database (which keeps microseconds that the ISO strings
 * lose), so entries recorded within one millisecond keep their stored order.
 */
function mergeNewestFirst(a: FileEntry[], b: FileEntry[]): FileEntry[] {
  const merged: FileEntry[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.recordedAt >= b[j]!.recordedAt)) merged.push(a[i++]!);
    else merged.push(b[j++]!);
  }
  return merged;
}

/** Records one entry in a student's file, by `recordedBy`. */
export async function insertFileEntry(
  tx: TenantTx,
  schoolId: string,
  studentId: string,
  recordedBy: string,
  entry: NewFileEntry,
): Promise<FileEntry> {
  const [row] = await tx
    .insert(studentFileEntries)
    .values({ schoolId, studentId, recordedBy, ...entry })
    .returning();
  const [recorder] = await tx
    .select({ displayName: people.displayName })
    .from(people)
    .where(eq(people.id, recordedBy));
  return {
    id: row!.id,
    source: 'file',
    kind: row!.kind,
    title: row!.title,
    body: row!.body,
    visibility: row!.visibility,
    recordedAt: row!.recordedAt.toISOString(),
    recordedBy: personRef(recordedBy, recorder?.displayName ?? null),
    case: null,
  };
}
