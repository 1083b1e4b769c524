import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp } from '../../testing/index.ts';
import { testPluginCatalog } from '../../testing/plugins.ts';
import { auditRowsAfter, lastAuditSeq } from '../students/fixtures.test-helpers.ts';

// A student's warnings page must refuse a student the caller cannot see, as the other student-file routes do.
let t: TestApp;

beforeAll(async () => {
  const { plugins } = await testPluginCatalog({ copies: { alpha: 'hrbmu' } });
  t = await createTestApp({ plugins });
});
afterAll(() => t?.close());

describe('GET /api/warnings/students/{id}', () => {
  it("answers 404 for another college's or another school's student, 200 (audited) for one's own", async () => {
    const counsellor1 = await loginAs(t.app, 'alpha', 'counsellor1');
    const own = t.world.schools.alpha.colleges[0].studentIds[0]!;
    const otherCollege = t.world.schools.alpha.colleges[1].studentIds[0]!;
    const otherSchool = t.world.schools.beta.colleges[0].studentIds[0]!;
    for (const id of [otherCollege, otherSchool]) {
      const res = await counsellor1.request(`/api/warnings/students/${id}`);
      expect(res.status, id).toBe(404);
    }
    const since = await lastAuditSeq(t, 'alpha');
    const res = await counsellor1.request(`/api/warnings/students/${own}`);
    expect(res.status).toBe(200);
    const audit = await auditRowsAfter(t, 'alpha', since);
    expect(audit.map((row) => row.action)).toContain('warning.student');
  });
});
