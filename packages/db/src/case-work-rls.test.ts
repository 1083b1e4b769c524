import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { createTinySchool, type TinySchool } from './fixtures.test-helpers.ts';
import {
  caseEntries,
  cases,
  concernReports,
  notificationOutbox,
  notifications,
  people,
  students,
  warnings,
} from './schema/index.ts';
import { createTestDatabase } from './testing.ts';
import { issueTenantScope, type TenantScope, withTenant } from './transaction.ts';

let db: Database;
let north: TinySchool;
let committeeId: string;
let counsellorId: string;

const asPerson = (personId: string, full: string[], reduced: string[] = []): TenantScope =>
  issueTenantScope({
    schoolId: north.schoolId,
    personId,
    fullScopePaths: full,
    reducedScopePaths: reduced,
  });

beforeAll(async () => {
  db = await createTestDatabase();
  north = await createTinySchool(db, 'north');
  [committeeId, counsellorId] = await withTenant(
    db,
    asPerson('00000000-0000-0000-0000-000000000000', ['/']),
    async (tx) => {
      const rows = await tx
        .insert(people)
        .values([
          { schoolId: north.schoolId, username: 'committee', displayName: '心理委员', passwordHash: 'x' },
          { schoolId: north.schoolId, username: 'counsellor', displayName: '辅导员', passwordHash: 'x' },
        ])
        .returning({ id: people.id });
      return [rows[0]!.id, rows[1]!.id] as const;
    },
  );
});
afterAll(() => db?.close());

const college = () => north.colleges[0]!;
const reportAbout = (studentId: string, reporterId: string) => ({
  schoolId: north.schoolId,
  studentId,
  reporterId,
  signs: ['withdrawn'],
  urgency: 'urgent' as const,
  dueAt: new Date(Date.now() + 15 * 60_000),
  pluginId: 'north',
  pluginVersion: '1.0.0',
});

describe('db/case-work row-level security', () => {
  it('lets a class committee member report a student of their class, and read back only their own report', async () => {
    const committee = asPerson(committeeId, [], [college().classPath]);
    const studentInClass = north.studentIds[0]!;
    await withTenant(db, committee, (tx) =>
      tx.insert(concernReports).values(reportAbout(studentInClass, committeeId)),
    );
    const seen = await withTenant(db, committee, (tx) => tx.select().from(concernReports));
    expect(seen.map((r) => r.studentId)).toEqual([studentInClass]);
    const counsellorSees = await withTenant(db, asPerson(counsellorId, [college().path]), (tx) =>
      tx.select().from(concernReports),
    );
    expect(counsellorSees).toHaveLength(1);
  });

  it('refuses a report about a student outside the reporter’s view, or in someone else’s name', async () => {
    const committee = asPerson(committeeId, [], [college().classPath]);
    const otherCollegeStudent = north.studentIds[2]!;
    await expect(
      withTenant(db, committee, (tx) =>
        tx.insert(concernReports).values(reportAbout(otherCollegeStudent, committeeId)),
      ),
    ).rejects.toThrow();
    await expect(
      withTenant(db, committee, (tx) =>
        tx.insert(concernReports).values(reportAbout(north.studentIds[0]!, counsellorId)),
      ),
    ).rejects.toThrow();
  });

  it('does not let the reporter triage (update) what they filed', async () => {
    const committee = asPerson(committeeId, [], [college().classPath]);
    const changed = await withTenant(db, committee, (tx) =>
      tx.update(concernReports).set({ status: 'closed' }).returning({ id: concernReports.id }),
    );
    expect(changed).toEqual([]);
  });

  it('shows a notification to its recipient alone', async () => {
    await withTenant(db, asPerson(committeeId, [], [college().classPath]), (tx) =>
      tx
        .insert(notifications)
        .values({ schoolId: north.schoolId, recipientId: counsellorId, kind: 'concern.filed' }),
    );
    const mine = await withTenant(db, asPerson(counsellorId, [college().path]), (tx) =>
      tx.select().from(notifications),
    );
    expect(mine.map((n) => n.kind)).toEqual(['concern.filed']);
    const others = await withTenant(db, asPerson(committeeId, [], [college().classPath]), (tx) =>
      tx.select().from(notifications),
    );
    expect(others).toEqual([]);
  });

  it('lets a request add outbound messages but not read them back', async () => {
    const scope = asPerson(counsellorId, [college().path]);
    await withTenant(db, scope, (tx) =>
      tx
        .insert(notificationOutbox)
        .values({ schoolId: north.schoolId, channel: 'email', subject: 's', body: 'b' }),
    );
    expect(await withTenant(db, scope, (tx) => tx.select().from(notificationOutbox))).toEqual([]);
  });

  it('places a case where its student is, and moves it with the student', async () => {
    const [first, second] = north.colleges;
    const studentId = north.studentIds[0]!;
    const center = asPerson(counsellorId, ['/']);
    // Written without a path, as every writer may: the student's is copied in.
    await withTenant(db, center, (tx) =>
      tx.insert(cases).values({ schoolId: north.schoolId, studentId, kind: 'support', title: '跟进' }),
    );
    const casesSeenBy = (path: string) =>
      withTenant(db, asPerson(counsellorId, [path]), (tx) =>
        tx.select({ studentId: cases.studentId, path: cases.placementPath }).from(cases),
      );
    const [placed] = await casesSeenBy(first!.path);
    expect(placed?.path.startsWith(first!.path)).toBe(true);
    expect(await casesSeenBy(second!.path)).toEqual([]);
    await withTenant(db, center, (tx) =>
      tx
        .update(students)
        .set({ collegeUnitId: second!.id, classUnitId: second!.classId, dormUnitId: null })
        .where(eq(students.id, studentId)),
    );
    expect(await casesSeenBy(first!.path)).toEqual([]);
    expect((await casesSeenBy(second!.path)).map((c) => c.studentId)).toEqual([studentId]);
  });

  it('copies the student’s number onto a case and a warning, and a changed number follows', async () => {
    const studentId = north.studentIds[2]!;
    const center = asPerson(counsellorId, ['/']);
    const numbersOnRows = () =>
      withTenant(db, center, async (tx) => ({
        cases: (
          await tx.select({ n: cases.studentNumber }).from(cases).where(eq(cases.studentId, studentId))
        ).map((row) => row.n),
        warnings: (
          await tx
            .select({ n: warnings.studentNumber })
            .from(warnings)
            .where(eq(warnings.studentId, studentId))
        ).map((row) => row.n),
      }));
    const number = await withTenant(db, center, async (tx) => {
      const [student] = await tx
        .select({ number: students.studentNumber, path: students.placementPath })
        .from(students)
        .where(eq(students.id, studentId));
      // Written without the number, as every writer may.
      await tx.insert(cases).values({ schoolId: north.schoolId, studentId, kind: 'support', title: '帮扶' });
      await tx.insert(warnings).values({
        schoolId: north.schoolId,
        studentId,
        placementPath: student!.path,
        module: 'academic',
        level: 'yellow',
        reasons: [],
        actions: [],
        deadlineWorkingDays: 5,
        dueOn: '2026-03-10',
        pluginId: 'test',
        pluginVersion: '1',
      });
      return student!.number;
    });
    expect(await numbersOnRows()).toEqual({ cases: [number], warnings: [number] });
    await withTenant(db, center, (tx) =>
      tx
        .update(students)
        .set({ studentNumber: `${number}-new` })
        .where(eq(students.id, studentId)),
    );
    expect(await numbersOnRows()).toEqual({ cases: [`${number}-new`], warnings: [`${number}-new`] });
  });

  it('keeps on the case when its first and latest interviews took place, whoever writes them', async () => {
    const counsellor = asPerson(counsellorId, [college().path]);
    const when = (day: string) => new Date(`${day}T10:00:00+08:00`);
    const talks = await withTenant(db, counsellor, async (tx) => {
      const [opened] = await tx
        .insert(cases)
        .values({
          schoolId: north.schoolId,
          studentId: north.studentIds[1]!,
          kind: 'follow_up',
          title: '随访',
        })
        .returning({ id: cases.id });
      const entry = (kind: string, occurredAt: Date | null) => ({
        schoolId: north.schoolId,
        caseId: opened!.id,
        kind,
        body: kind,
        occurredAt,
      });
      // A note is not a talk; a talk recorded late for an earlier day moves the first one back.
      await tx.insert(caseEntries).values(entry('note', when('2026-03-01')));
      await tx.insert(caseEntries).values(entry('interview', when('2026-03-10')));
      await tx.insert(caseEntries).values(entry('interview', when('2026-03-05')));
      const [row] = await tx
        .select({ first: cases.firstInterviewAt, last: cases.lastInterviewAt })
        .from(cases)
        .where(eq(cases.id, opened!.id));
      return row;
    });
    expect(talks).toEqual({ first: when('2026-03-05'), last: when('2026-03-10') });
  });
});
