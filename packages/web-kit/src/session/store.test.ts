import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../api/client.ts';
import type { Me } from '../contract.ts';
import { defineSessionStore } from './store.ts';

const me: Me = {
  person: { id: 'p1', username: 'xsc', displayName: '王老师' },
  school: { code: 'hmu', name: '哈尔滨医科大学', nameEn: 'Harbin Medical University' },
  roles: [
    {
      role: 'student_affairs',
      unitId: 'u1',
      unitName: '学生处',
      levelKey: 'school',
      permissions: ['student-affairs.edit', 'student-affairs.read'],
    },
  ],
  permissions: ['student-affairs.edit', 'student-affairs.read'],
  csrfToken: 'csrf-1',
};

/** A client over a tiny in-memory API with one account, answering like the real one. */
function fakeApi() {
  let session = false;
  const client = new ApiClient({
    fetch: async (input) => {
      const request = input as Request;
      const path = new URL(request.url).pathname;
      const answer = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });
      if (path === '/api/auth/login') {
        const body = JSON.parse(await request.text());
        if (body.password !== 'right')
          return answer({ title: 'Wrong username or password', status: 401 }, 401);
        session = true;
        return answer(me);
      }
      if (path === '/api/auth/me')
        return session ? answer(me) : answer({ title: 'Unauthorized', status: 401 }, 401);
      if (path === '/api/auth/logout') {
        session = false;
        return new Response(null, { status: 204 });
      }
      return answer({ title: 'Not found', status: 404 }, 404);
    },
  });
  return client;
}

describe('session store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('knows nobody is signed in after a 401 from /me', async () => {
    const store = defineSessionStore(fakeApi())();
    await expect(store.refresh()).resolves.toBeNull();
    expect(store.checked).toBe(true);
    expect(store.signedIn).toBe(false);
  });

  it('signs in, hands the CSRF token to the client, and signs out', async () => {
    const client = fakeApi();
    const store = defineSessionStore(client)();
    await store.login({ school: 'hmu', username: 'xsc', password: 'right' });
    expect(store.me?.roles.map((r) => r.role)).toEqual(['student_affairs']);
    expect(client.csrfToken).toBe('csrf-1');
    await store.logout();
    expect(store.signedIn).toBe(false);
    expect(client.csrfToken).toBeNull();
  });

  it('offers what the API says the roles allow, and nothing once signed out', async () => {
    const store = defineSessionStore(fakeApi())();
    expect(store.can('student-affairs.edit')).toBe(false);
    await store.login({ school: 'hmu', username: 'xsc', password: 'right' });
    expect(store.can('student-affairs.edit')).toBe(true);
    expect(store.can('cases.write')).toBe(false);
    await store.logout();
    expect(store.can('student-affairs.edit')).toBe(false);
  });

  it('passes the API problem of a wrong password to the form', async () => {
    const store = defineSessionStore(fakeApi())();
    await expect(store.login({ school: 'hmu', username: 'xsc', password: 'wrong' })).rejects.toMatchObject({
      status: 401,
      title: 'Wrong username or password',
    });
    expect(store.signedIn).toBe(false);
  });
});
