import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, loginAs, type TestApp } from '../../testing/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('people: the reduced-view roles see no staff accounts', () => {
  for (const username of ['committee1', 'liaison1']) {
    it(`${username} lists only themselves and reads no one else`, async () => {
      const session = await loginAs(t.app, 'alpha', username);
      const list = await session.request('/api/people?pageSize=100');
      expect(list.status).toBe(200);
      const page = await json(list);
      expect(page.items.map((p: { username: string }) => p.username)).toEqual([username]);
      expect(page.total).toBe(1);
      const counsellor = await session.request(`/api/people/${t.world.schools.alpha.people.counsellor1}`);
      expect(counsellor.status).toBe(404);
      const self = await session.request(`/api/people/${session.me.person.id}`);
      expect(self.status).toBe(200);
    });
  }

  it('a counsellor still finds the staff of their branch (to name who is responsible)', async () => {
    const session = await loginAs(t.app, 'alpha', 'counsellor1');
    const page = await json(await session.request('/api/people?pageSize=100'));
    expect(page.items.length).toBeGreaterThan(1);
  });
});
