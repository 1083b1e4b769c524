import { createRoute, z } from '@hono/zod-openapi';
import { clientAddress } from '../http/client-address.ts';
import { requireSameOrigin } from '../http/csrf.ts';
import { problem, problemResponses } from '../http/problem.ts';
import { createPublicRouter } from '../http/router.ts';
import { setSessionCookie } from './cookie.ts';
import { deviceKey, knownDeviceId, setDeviceCookie } from './device.ts';
import { logIn } from './login.ts';
import { accountName } from './rate-limit.ts';
import { MeSchema, publicMe } from './session-types.ts';

/**
 * The username of a student's account: `student:<学号>`. Staff usernames cannot contain a colon (people schemas),
 * so a student number never collides with a staff account, and the student signs in with the number alone.
 *
 * @example
 * studentUsername('2024010101'); // 'student:2024010101'
 */
export function studentUsername(studentNumber: string): string {
  return `student:${studentNumber.trim()}`;
}

const StudentLoginBody = z
  .object({
    school: z.string().trim().min(1).max(64).openapi({ example: 'hrbmu' }),
    studentNumber: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/)
      .openapi({ example: '2024010101' }),
    password: z.string().min(1).max(1024),
  })
  .openapi('StudentLoginRequest');

const studentLoginRoute = createRoute({
  method: 'post',
  path: '/auth/student-login',
  tags: ['auth'],
  summary:
    'A student signs in with school code, student number (学号) and password; sets the xq_session cookie',
  description:
    'The same login as staff (throttling, known-device cookie, session timeouts) for the account `student:<学号>`. ' +
    'An issued or reset password must be changed first (`POST /api/me/password`; `GET /api/me/student` says so).',
  security: [],
  request: { body: { required: true, content: { 'application/json': { schema: StudentLoginBody } } } },
  responses: {
    200: { description: 'Signed in', content: { 'application/json': { schema: MeSchema } } },
    ...problemResponses(400, 401, 403, 429),
  },
});

/** `POST /api/auth/student-login` (public, Origin-checked like the staff login). */
export const studentLoginRoutes = createPublicRouter();

studentLoginRoutes.use('/auth/student-login', async (c, next) => requireSameOrigin(c.var.config)(c, next));

studentLoginRoutes.openapi(studentLoginRoute, async (c) => {
  const { config, db } = c.var;
  const input = c.req.valid('json');
  const username = studentUsername(input.studentNumber);
  const key = deviceKey(config.deviceCookieKey);
  const account = accountName(input.school, username);
  const deviceId = knownDeviceId(c, account, key);
  const outcome = await logIn(
    db,
    { school: input.school, username, password: input.password },
    {
      address: clientAddress(c, config.trustProxy),
      now: c.var.clock(),
      config,
      ...(deviceId ? { deviceId } : {}),
    },
  );
  if (!outcome.ok && outcome.reason === 'rate-limited') {
    throw problem('auth.too-many-attempts').withHeaders({
      'retry-after': String(Math.max(1, Math.ceil(outcome.retryAfterSeconds))),
    });
  }
  if (!outcome.ok) throw problem('auth.wrong-credentials');
  setSessionCookie(c, outcome.token, config.secureCookies);
  setDeviceCookie(c, account, key, deviceId, config.secureCookies);
  return c.json(publicMe(outcome.me), 200);
});
