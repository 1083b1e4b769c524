import {
  contractedHospitals,
  type Database,
  people,
  roleAssignments,
  roles,
  schools,
  students,
  units,
} from '@xinqiao/db';
import { runInTransaction, withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { createTestDatabase } from '@xinqiao/db/testing';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantScope } from '../auth/scope.ts';
import { seedDemoDataIfEmpty } from './demo.ts';

const levels = [
  { key: 'center', name: '心理健康教育中心', nameEn: 'Mental-health center' },
  { key: 'college', name: '学院', nameEn: 'College' },
  { key: 'class', name: '班级', nameEn: 'Class' },
  { key: 'dorm', name: '宿舍', nameEn: 'Dorm' },
];

let db: Database;
let seeded: string[];

beforeAll(async () => {
  db = await createTestDatabase();
  seeded = await seedDemoDataIfEmpty(db, (code) => (code === 'hut' ? levels : undefined), undefined, 300);
}, 120_000);
afterAll(() => db?.close());

describe('seed/demo', () => {
  it('seeds only schools whose plugin gave network levels, and only into an empty database', async () => {
    expect(seeded).toEqual(['hut']);
    expect(await seedDemoDataIfEmpty(db, () => levels)).toEqual([]);
  });

  it('places every student under the network so a counsellor sees exactly their college', async () => {
    const { schoolId, counsellorUnit, all } = await withTenant(
      db,
      tenantScope({
        schoolId: await schoolIdOf('hut'),
        personId: null,
        fullScopePaths: ['/'],
        reducedScopePaths: [],
      }),
      async (tx) => {
        const [assignment] = await tx
          .select({ unitId: roleAssignments.unitId, schoolId: roleAssignments.schoolId })
          .from(roleAssignments)
          .innerJoin(people, eq(people.id, roleAssignments.personId))
          .where(eq(people.username, 'counsellor'));
        const [unit] = await tx.select().from(units).where(eq(units.id, assignment!.unitId));
        const all = await tx.select({ college: students.collegeUnitId }).from(students);
        return { schoolId: assignment!.schoolId, counsellorUnit: unit!, all };
      },
    );
    expect(all).toHaveLength(300);
    const visible = await withTenant(
      db,
      tenantScope({ schoolId, personId: null, fullScopePaths: [counsellorUnit.path], reducedScopePaths: [] }),
      (tx) => tx.select({ college: students.collegeUnitId }).from(students),
    );
    expect(visible.length).toBe(all.filter((s) => s.college === counsellorUnit.id).length);
    expect(visible.length).toBeGreaterThan(0);
  });

  it('lists two contracted hospitals for the green channel, their agreements in force', async () => {
    const scope = tenantScope({
      schoolId: await schoolIdOf('hut'),
      personId: null,
      fullScopePaths: [],
      reducedScopePaths: [],
    });
    const rows = await withTenant(db, scope, (tx) => tx.select().from(contractedHospitals));
    expect(rows).toHaveLength(2);
    const today = new Date().toISOString().slice(0, 10);
    for (const row of rows) expect(row.agreementFrom! <= today && today <= row.agreementTo!).toBe(true);
  });

  it('gives a demo account to every role the server defines, and to no other', async () => {
    const scope = tenantScope({
      schoolId: await schoolIdOf('hut'),
      personId: null,
      fullScopePaths: ['/'],
      reducedScopePaths: [],
    });
    const rows = await withTenant(db, scope, (tx) =>
      tx.selectDistinct({ role: roleAssignments.role }).from(roleAssignments),
    );
    expect(new Set(rows.map((row) => row.role))).toEqual(new Set(roles));
  });

  it('staffs every college with a station head and two counsellors, the named counsellor assigned first', async () => {
    const scope = tenantScope({
      schoolId: await schoolIdOf('hut'),
      personId: null,
      fullScopePaths: ['/'],
      reducedScopePaths: [],
    });
    const rows = await withTenant(db, scope, (tx) =>
      tx
        .select({
          username: people.username,
          role: roleAssignments.role,
          unitId: units.id,
          level: units.levelKey,
        })
        .from(roleAssignments)
        .innerJoin(people, eq(people.id, roleAssignments.personId))
        .innerJoin(units, eq(units.id, roleAssignments.unitId))
        .orderBy(asc(roleAssignments.createdAt), asc(people.username)),
    );
    const colleges = new Set(rows.filter((r) => r.level === 'college').map((r) => r.unitId));
    for (const college of colleges) {
      const here = rows.filter((r) => r.unitId === college);
      expect(here.filter((r) => r.role === 'college_station_head')).toHaveLength(1);
      expect(here.filter((r) => r.role === 'counsellor')).toHaveLength(2);
    }
    const first = rows.find((r) => r.username === 'counsellor')!.unitId;
    expect(rows.filter((r) => r.unitId === first && r.role === 'counsellor').map((r) => r.username)).toEqual([
      'counsellor',
      'counsellor-01-2',
    ]);
  });
});

async function schoolIdOf(code: string): Promise<string> {
  const rows = await runInTransaction(db, (tx) => tx.select().from(schools).where(eq(schools.code, code)));
  return rows[0]!.id;
}
