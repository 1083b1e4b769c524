import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Database } from '@xinqiao/db';
import { createTestDatabase } from '@xinqiao/db/testing';
import { type CreateAppOptions, createApp } from '../app.ts';
import type { AppConfig, AppEnv } from '../context.ts';
import { CSRF_HEADER } from '../http/csrf.ts';
import type { ErrorLogger } from '../http/errors.ts';
import { fixedCatalog, type PluginCatalog } from '../modules/plugins/catalog.ts';
import { seedTestWorld, TEST_PASSWORD, type TestWorld } from './world.ts';

/** A clock a test can move forward. */
export interface TestClock {
  (): Date;
  advance(ms: number): void;
}

/**
 * A clock that starts at `start` and moves only when told to.
 *
 * @example
 * ```ts
 * const clock = testClock();
 * clock.advance(31 * 60_000); // past the idle timeout
 * ```
 */
export function testClock(start = new Date('2025-03-03T08:00:00Z')): TestClock {
  let now = start.getTime();
  const clock = (() => new Date(now)) as TestClock;
  clock.advance = (ms) => {
    now += ms;
  };
  return clock;
}

/** An app on a fresh migrated database with the test world seeded. */
export interface TestApp {
  app: OpenAPIHono<AppEnv>;
  db: Database;
  world: TestWorld;
  clock: TestClock;
  close(): Promise<void>;
}

export interface TestAppOptions {
  config?: Partial<AppConfig>;
  /** Where unexpected (500) errors go; by default they are printed, since in a test they mean a bug. */
  log?: ErrorLogger;
  /** Routers mounted under /api besides the app's own (for probing the middleware). */
  extraRoutes?: CreateAppOptions['extraRoutes'];
  plugins?: PluginCatalog;
  clock?: TestClock;
}

/** No plugins: the test schools `alpha` and `beta` have none unless a test passes a catalog. */
function noPlugins(): PluginCatalog {
  return fixedCatalog([]);
}

/**
 * A fresh app for one test file: a new migrated database (PGlite in memory, or a throwaway database on the
 * PostgreSQL server in the `postgres` test project), the two-school test world (see `seedTestWorld`), a
 * test clock, cookies not marked Secure. Call `close` in `afterAll`.
 *
 * @example
 * ```ts
 * let t: TestApp;
 * beforeAll(async () => { t = await createTestApp(); });
 * afterAll(() => t.close());
 * ```
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const world = await seedTestWorld(db);
  const clock = options.clock ?? testClock();
  const app = createApp({
    db,
    plugins: options.plugins ?? noPlugins(),
    clock,
    config: { secureCookies: false, ...options.config },
    log: options.log ?? ((message, error) => console.error(`[test app] ${message}`, error)),
    ...(options.extraRoutes ? { extraRoutes: options.extraRoutes } : {}),
  });
  return { app, db, world, clock, close: () => db.close() };
}

/** A signed-in test user: the cookie and CSRF token, and a `request` that sends both. */
export interface TestSession {
  cookie: string;
  csrfToken: string;
  me: {
    person: { id: string; username: string };
    school: { code: string };
    roles: { role: string; unitId: string }[];
  };
  /** Headers that authenticate a request as this user (cookie, CSRF token, JSON content type). */
  headers(extra?: Record<string, string>): Record<string, string>;
  /** `app.request` as this user; a plain-object `body` is sent as JSON. */
  request(path: string, init?: Omit<RequestInit, 'body'> & { body?: unknown }): Promise<Response>;
}

/**
 * Sign in through `POST /api/auth/login` as one of the test world's accounts (or any account with `password`).
 *
 * @example
 * ```ts
 * const counsellor = await loginAs(t.app, 'alpha', 'counsellor1');
 * const res = await counsellor.request('/api/students');
 * const created = await counsellor.request('/api/cases', { method: 'POST', body: { ... } });
 * ```
 */
export async function loginAs(
  app: OpenAPIHono<AppEnv>,
  schoolCode: string,
  username: string,
  password = TEST_PASSWORD,
): Promise<TestSession> {
  const res = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ school: schoolCode, username, password }),
  });
  if (res.status !== 200) {
    throw new Error(`login as ${schoolCode}/${username} answered ${res.status}: ${await res.text()}`);
  }
  return sessionOf(app, res);
}

/**
 * Sign in through `POST /api/auth/student-login` as a student with an account (学号 and password).
 *
 * @example
 * ```ts
 * const student = await loginAsStudent(t.app, 'alpha', '2024010101', password);
 * const res = await student.request('/api/me/screenings');
 * ```
 */
export async function loginAsStudent(
  app: OpenAPIHono<AppEnv>,
  schoolCode: string,
  studentNumber: string,
  password: string,
): Promise<TestSession> {
  const res = await app.request('/api/auth/student-login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ school: schoolCode, studentNumber, password }),
  });
  if (res.status !== 200) {
    throw new Error(
      `student login as ${schoolCode}/${studentNumber} answered ${res.status}: ${await res.text()}`,
    );
  }
  return sessionOf(app, res);
}

/** The test session of a successful sign-in answer: its cookie and CSRF token. */
async function sessionOf(app: OpenAPIHono<AppEnv>, res: Response): Promise<TestSession> {
  const setCookie = res.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';')[0]!;
  const me = (await res.json()) as TestSession['me'] & { csrfToken: string };
  const headers = (extra: Record<string, string> = {}) => ({
    cookie,
    [CSRF_HEADER]: me.csrfToken,
    'content-type': 'application/json',
    ...extra,
  });
  return {
    cookie,
    csrfToken: me.csrfToken,
    me,
    headers,
    request: (path, init = {}) => {
      const { body, headers: given, ...rest } = init;
      const all: Record<string, string> = headers(given as Record<string, string> | undefined);
      let encoded: string | FormData | undefined;
      if (body instanceof FormData) {
        delete all['content-type']; // fetch sets the multipart boundary itself
        encoded = body;
      } else if (body !== undefined) {
        encoded = typeof body === 'string' ? body : JSON.stringify(body);
      }
      return Promise.resolve(app.request(path, { ...rest, headers: all, body: encoded }));
    },
  };
}
