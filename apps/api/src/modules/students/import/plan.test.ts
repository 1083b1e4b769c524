import { describe, expect, it } from 'vitest';
import type { StudentRow } from '../queries.ts';
import type { StudentImportRecord } from './columns.ts';
import { StudentImportRow } from './columns.ts';
import { desiredValues, differs, type PlacedRecord } from './plan.ts';

const placement: PlacedRecord['placement'] = {
  collegeUnitId: 'c1',
  classUnitId: 'k1',
  dormUnitId: 'd1',
  path: '/r/c1/k1/d1/',
};

function placed(record: Partial<StudentImportRecord> = {}, where = placement): PlacedRecord {
  return {
    rowNumber: 2,
    record: {
      studentNumber: '2025001',
      name: '李雷',
      gender: 'male',
      enrolmentYear: 2025,
      college: '第1学院',
      className: '1班',
      ...record,
    },
    placement: where,
  };
}

const stored: StudentRow = {
  id: 's1',
  studentNumber: '2025001',
  name: '李雷',
  gender: 'male',
  enrolmentYear: 2025,
  collegeUnitId: 'c1',
  collegeName: '第1学院',
  classUnitId: 'k1',
  className: '1班',
  dormUnitId: 'd1',
  dormName: '101',
  placementPath: '/r/c1/k1/d1/',
  phone: '13800000000',
  email: 'li@example.edu.cn',
  guardians: [
    { name: '李父', relation: '父亲', phone: '13900000001' },
    { name: '李母', relation: '母亲', phone: '13900000002' },
  ],
  createdAt: new Date(0),
  updatedAt: new Date(0),
};

describe('students/import/plan', () => {
  it('keeps stored contacts when the row leaves them blank, so the row changes nothing', () => {
    const values = desiredValues(placed(), stored, { dorm: true });
    expect(values).toMatchObject({
      phone: '13800000000',
      email: 'li@example.edu.cn',
      guardians: stored.guardians,
    });
    expect(differs(stored, values)).toBe(false);
  });

  it('replaces the first guardian with a new one and keeps a guardian already stored where it is', () => {
    const fresh = desiredValues(
      placed({ guardianName: '李叔', guardianRelation: '叔叔', guardianPhone: '13900000003' }),
      stored,
      { dorm: true },
    );
    expect(fresh.guardians.map((g) => g.name)).toEqual(['李叔', '李母']);
    expect(differs(stored, fresh)).toBe(true);
    const known = desiredValues(
      placed({ guardianName: '李母', guardianRelation: '母亲', guardianPhone: '13900000002' }),
      stored,
      { dorm: true },
    );
    expect(known.guardians).toEqual(stored.guardians);
  });

  it('takes the dorm from a dorm column, blank meaning none, and keeps it without one unless the class changes', () => {
    const noDorm = { ...placement, dormUnitId: null, path: '/r/c1/k1/' };
    expect(desiredValues(placed({}, noDorm), stored, { dorm: true }).dormUnitId).toBeNull();
    expect(desiredValues(placed({}, noDorm), stored, { dorm: false }).dormUnitId).toBe('d1');
    const otherClass = { ...noDorm, classUnitId: 'k2', path: '/r/c1/k2/' };
    expect(desiredValues(placed({}, otherClass), stored, { dorm: false }).dormUnitId).toBeNull();
  });

  it('sees a change in any stored field', () => {
    const same = desiredValues(placed(), stored, { dorm: true });
    expect(differs(stored, { ...same, name: '李蕾' })).toBe(true);
    expect(differs(stored, { ...same, enrolmentYear: 2024 })).toBe(true);
    expect(differs(stored, { ...same, guardians: stored.guardians.slice(0, 1) })).toBe(true);
  });
});

describe('students/import/columns', () => {
  const row = (values: Record<string, string>) =>
    StudentImportRow.safeParse({
      studentNumber: '2025001',
      name: '李雷',
      gender: '男',
      enrolmentYear: '2025',
      college: '第1学院',
      className: '1班',
      ...values,
    });

  it('reads 男/女/male/female in any case and a four-digit year', () => {
    for (const [given, gender] of [
      ['男', 'male'],
      ['女', 'female'],
      ['Male', 'male'],
      ['FEMALE', 'female'],
    ]) {
      expect(row({ gender: given! }).data?.gender).toBe(gender);
    }
    expect(row({}).data?.enrolmentYear).toBe(2025);
    expect(row({ enrolmentYear: '25' }).success).toBe(false);
  });

  it('treats empty cells as absent and wants a name and phone for any guardian given', () => {
    expect(row({ phone: '', email: '', dorm: '' }).data).toMatchObject({ phone: undefined, dorm: undefined });
    const partial = row({ guardianRelation: '母亲' });
    expect(partial.error?.issues.map((i) => i.path[0]).sort()).toEqual(['guardianName', 'guardianPhone']);
  });
});
