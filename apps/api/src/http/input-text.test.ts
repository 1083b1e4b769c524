import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, loginAs, type TestApp, type TestSession } from '../testing/index.ts';

let t: TestApp;
let counsellor: TestSession;
const unexpected: unknown[] = [];
beforeAll(async () => {
  t = await createTestApp({ log: (_message, error) => unexpected.push(error) });
  counsellor = await loginAs(t.app, 'alpha', 'counsellor1');
});
afterAll(() => t?.close());

async function expectFieldRefused(res: Response, field: string): Promise<void> {
  expect(res.status).toBe(400);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = await json(res);
  expect(body.code).toBe('validation.invalid-field');
  expect(body.errors.map((e: { field: string }) => e.field)).toContain(field);
  expect(body.errors.find((e: { field: string }) => e.field === field).message).toMatch(/U\+0000|控制字符/);
}

describe('http/input text: text PostgreSQL cannot store is refused with 400 naming the field', () => {
  it('refuses U+0000 in a JSON string, naming its path (login, before any query)', async () => {
    const res = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ school: 'alpha', username: 'counsellor1\u0000', password: 'x' }),
    });
    await expectFieldRefused(res, 'username');
  });

  it('refuses U+0000 in a nested JSON string and in a key', async () => {
    const studentId = t.world.schools.alpha.colleges[0]!.studentIds[0]!;
    const nested = await counsellor.request(`/api/students/${studentId}`, {
      method: 'PATCH',
      body: { guardians: [{ name: 'a\u0000b', relation: '母亲', phone: '13800000000' }] },
    });
    await expectFieldRefused(nested, 'guardians.0.name');
    const key = await counsellor.request(`/api/students/${studentId}`, {
      method: 'PATCH',
      body: { ['na\u0000me']: 'x' },
    });
    expect(key.status).toBe(400);
  });

  it('refuses U+0000 in a query value', async () => {
    await expectFieldRefused(await counsellor.request('/api/students?q=%00'), 'q');
    await expectFieldRefused(await counsellor.request('/api/students?q=ab%00cd'), 'q');
  });

  it('refuses U+0000 in a path parameter', async () => {
    await expectFieldRefused(await counsellor.request('/api/units/ab%00cd'), 'path');
  });

  it('refuses U+0000 in x-access-purpose, and decodes the header once (%2500 is the text %00)', async () => {
    const studentId = t.world.schools.alpha.colleges[0]!.studentIds[0]!;
    await expectFieldRefused(
      await counsellor.request(`/api/students/${studentId}`, { headers: { 'x-access-purpose': '%00' } }),
      'x-access-purpose',
    );
    const twice = await counsellor.request(`/api/students/${studentId}`, {
      headers: { 'x-access-purpose': '%2500' },
    });
    expect(twice.status).toBe(200);
    const malformed = await counsellor.request(`/api/students/${studentId}`, {
      headers: { 'x-access-purpose': '%E0%A4%A' },
    });
    expect(malformed.status).toBe(400);
    expect((await json(malformed)).errors[0].field).toBe('x-access-purpose');
  });

  it('refuses malformed percent-encoding in x-file-name with 400 naming it', async () => {
    const res = await counsellor.request(
      '/api/screening/waves/00000000-0000-4000-8000-000000000000/imports',
      {
        method: 'POST',
        headers: { 'content-type': 'text/csv', 'x-file-name': '%E0%A4%A.csv' },
        body: '学号\n1\n',
      },
    );
    expect(res.status).toBe(400);
    expect((await json(res)).errors[0].field).toBe('x-file-name');
  });

  it('answered no request with a 500', () => {
    expect(unexpected).toEqual([]);
  });
});
