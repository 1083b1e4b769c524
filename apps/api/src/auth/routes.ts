import { createRoute, z } from '@hono/zod-openapi';
import { clientAddress } from '../http/client-address.ts';
import { requireSameOrigin } from '../http/csrf.ts';
import { problem, problemResponses } from '../http/problem.ts';
import { createPublicRouter } from '../http/router.ts';
import { clearSessionCookie, setSessionCookie } from './cookie.ts';
import { deviceKey, knownDeviceId, setDeviceCookie } from './device.ts';
import { logIn } from './login.ts';
import { accountName } from './rate-limit.ts';
import { MeSchema, publicMe } from './session-types.ts';
import { deleteSession } from './sessions.ts';

const LoginBody = z
  .object({
    school: z.string().trim().min(1).max(64).openapi({ example: 'hmu' }),
    username: z.string().trim().min(1).max(128).openapi({ example: 'counsellor' }),
    password: z.string().min(1).max(1024),
  })
  .openapi('LoginRequest');

const loginRoute = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['auth'],
  summary: 'Sign in with school code, username and password; sets the xq_session cookie',
  security: [],
  request: { body: { required: true, content: { 'application/json': { schema: LoginBody } } } },
  responses: {
    200: { description: 'Signed in', content: { 'application/json': { schema: MeSchema } } },
    ...problemResponses(400, 401, 403, 429),
  },
});

const logoutRoute = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags: ['auth'],
  summary: 'Sign out: the session is deleted and the cookie cleared',
  responses: { 204: { description: 'Signed out' }, ...problemResponses(401, 403) },
});

const meRoute = createRoute({
  method: 'get',
  path: '/auth/me',
  tags: ['auth'],
  summary: 'The signed-in person, their school and roles, and the CSRF token',
  responses: {
    200: { description: 'Signed in', content: { 'application/json': { schema: MeSchema } } },
    ...problemResponses(401),
  },
});

/** Login, logout and me (`/api/auth/*`). Login is public but must pass the Origin check. */
export const authRoutes = createPublicRouter();

authRoutes.use('/auth/login', async (c, next) => requireSameOrigin(c.var.config)(c, next));

authRoutes.openapi(loginRoute, async (c) => {
  const { config, db } = c.var;
  const input = c.req.valid('json');
  const key = deviceKey(config.deviceCookieKey);
  const account = accountName(input.school, input.username);
  const deviceId = knownDeviceId(c, account, key);
  const outcome = await logIn(db, input, {
    address: clientAddress(c, config.trustProxy),
    now: c.var.clock(),
    config,
    ...(deviceId ? { deviceId } : {}),
  });
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

authRoutes.openapi(logoutRoute, async (c) => {
  const { session, tx } = c.var;
  if (!session || !tx) throw problem('auth.sign-in-required');
  await deleteSession(tx, session.tokenHash);
  clearSessionCookie(c, c.var.config.secureCookies);
  return c.body(null, 204);
});

authRoutes.openapi(meRoute, (c) => {
  const { me } = c.var;
  if (!me) throw problem('auth.sign-in-required');
  return c.json(publicMe(me), 200);
});
