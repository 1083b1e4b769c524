import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { createTinySchool, type TinySchool } from './fixtures.test-helpers.ts';
import {
  contractedHospitals,
  crises,
  crisisEvents,
  crisisSteps,
  people,
  type Role,
  roleAssignments,
} from './schema/index.ts';
import { createTestDatabase } from './testing.ts';
import { issueTenantScope, type TenantScope, withTenant } from './transaction.ts';

let db: Database;
let north: TinySchool;
let south: TinySchool;
const ids: Record<string, string> = {};
let crisisId: string;

const as = (who: string, full: string[], reduced: string[] = [], school = north): TenantScope =>
  issueTenantScope({
    schoolId: school.schoolId,
    personId: ids[who] ?? null,
    fullScopePaths: full,
    reducedScopePaths: reduced,
  });

beforeAll(async () => {
  db = await createTestDatabase();
  north = await createTinySchool(db, 'north');
  south = await createTinySchool(db, 'south');
  const college = north.colleges[0]!;
  const other = north.colleges[1]!;
  const staff: [string, Role, string][] = [
    ['counsellor', 'counsellor', college.id],
    ['otherCounsellor', 'counsellor', other.id],
    ['station', 'college_station_head', college.id],
    ['director', 'center_director', north.center.id],
    ['admin', 'school_admin', north.center.id],
    ['committee', 'class_committee', college.classId],
  ];
  await withTenant(db, as('', ['/']), async (tx) => {
    for (const [username, role, unitId] of staff) {
      const [person] = await tx
        .insert(people)
        .values({ schoolId: north.schoolId, username, displayName: username, passwordHash: 'x' })
        .returning({ id: people.id });
      ids[username] = person!.id;
      await tx
        .insert(roleAssignments)
        .values({ schoolId: north.schoolId, personId: person!.id, role, unitId });
    }
  });
  crisisId = await withTenant(db, as('counsellor', [college.path]), async (tx) => {
    const [crisis] = await tx
      .insert(crises)
      .values({
        schoolId: north.schoolId,
        studentId: north.studentIds[0]!,
        level: 'major',
        situation: '寝室发现自伤',
        source: 'direct',
        openedBy: ids.counsellor!,
        pluginId: 'north',
        pluginVersion: '1.0.0',
      })
      .returning({ id: crises.id });
    await tx.insert(crisisSteps).values({
      schoolId: north.schoolId,
      crisisId: crisis!.id,
      code: 'scene-control',
      position: 1,
      titleZh: '现场控制',
      titleEn: 'On-site control',
      doers: [{ role: 'counsellor', reach: 'student' }],
      escalateTo: [{ role: 'center_director', reach: 'school' }],
      records: ['note'],
      required: true,
      dueAt: new Date(Date.now() + 30 * 60_000),
    });
    await tx.insert(crisisEvents).values({
      schoolId: north.schoolId,
      crisisId: crisis!.id,
      kind: 'opened',
      actorId: ids.counsellor!,
    });
    return crisis!.id;
  });
});
afterAll(() => db?.close());

const seen = (scope: TenantScope) =>
  withTenant(db, scope, async (tx) => ({
    crises: (await tx.select().from(crises)).length,
    steps: (await tx.select().from(crisisSteps)).length,
    events: (await tx.select().from(crisisEvents)).length,
  }));

describe('db/crises row-level security', () => {
  it('shows a crisis to the student’s counsellor, the station head and the center director', async () => {
    const college = north.colleges[0]!;
    const all = { crises: 1, steps: 1, events: 1 };
    expect(await seen(as('counsellor', [college.path]))).toEqual(all);
    expect(await seen(as('station', [college.path]))).toEqual(all);
    expect(await seen(as('director', [north.center.path]))).toEqual(all);
  });

  it('hides it from a class committee member, a school admin, another college’s counsellor and another school', async () => {
    const none = { crises: 0, steps: 0, events: 0 };
    expect(await seen(as('committee', [], [north.colleges[0]!.classPath]))).toEqual(none);
    expect(await seen(as('admin', [north.center.path]))).toEqual(none);
    expect(await seen(as('otherCounsellor', [north.colleges[1]!.path]))).toEqual(none);
    expect(await seen(as('director', ['/'], [], south))).toEqual(none);
  });

  it('refuses a crisis opened by someone who does not run crises for the student', async () => {
    await expect(
      withTenant(db, as('admin', [north.center.path]), (tx) =>
        tx.insert(crises).values({
          schoolId: north.schoolId,
          studentId: north.studentIds[0]!,
          level: 'major',
          situation: 'x',
          source: 'direct',
          openedBy: ids.admin!,
          pluginId: 'north',
          pluginVersion: '1.0.0',
        }),
      ),
    ).rejects.toThrow();
  });

  it('lets the escalation sweep (capability crises.escalate) read its school’s steps, never another school’s', async () => {
    const sweep = (school: TinySchool) =>
      issueTenantScope({
        schoolId: school.schoolId,
        personId: null,
        fullScopePaths: ['/'],
        reducedScopePaths: [],
        capabilities: ['crises.escalate'],
      });
    expect(await seen(sweep(north))).toEqual({ crises: 1, steps: 1, events: 1 });
    expect(await seen(sweep(south))).toEqual({ crises: 0, steps: 0, events: 0 });
  });

  it('keeps the timeline append-only', async () => {
    await expect(
      withTenant(db, as('director', [north.center.path]), (tx) =>
        tx.update(crisisEvents).set({ kind: 'closed' }).where(eq(crisisEvents.crisisId, crisisId)),
      ),
    ).rejects.toThrow();
  });

  it('keeps contracted hospitals per school', async () => {
    await withTenant(db, as('admin', [north.center.path]), (tx) =>
      tx.insert(contractedHospitals).values({ schoolId: north.schoolId, name: '市精神卫生中心' }),
    );
    const southSees = await withTenant(db, as('', ['/'], [], south), (tx) =>
      tx.select().from(contractedHospitals),
    );
    expect(southSees).toEqual([]);
  });
});
