import type { TenantScope, TenantTx } from '@xinqiao/db';
import { runInTransaction, scopeTransaction, withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.ts';
import { assertCsrfToken } from '../http/csrf.ts';
import { type ProblemCode, problem } from '../http/problem.ts';
import { clearSessionCookie, sessionTokenOf } from './cookie.ts';
import { scopeOf } from './scope.ts';
import type { Me, SessionInfo } from './session-types.ts';
import { deleteSession, hashSessionToken, openSession, sessionExpiry } from './sessions.ts';

/** Thrown inside the request transaction to roll it back after the response is already decided. */
class RollBack extends Error {}

type Resolution = 'served' | 'unknown' | 'expired' | 'disabled';

const refusals: Record<Exclude<Resolution, 'served'>, ProblemCode> = {
  unknown: 'auth.sign-in-required',
  expired: 'auth.session-expired',
  disabled: 'auth.account-disabled',
};

/**
 * The session middleware: every request it guards runs in ONE database transaction that (1) runs as the
 * non-superuser application role, (2) resolves the session cookie (refusing unknown, idle, too old and disabled
 * accounts' sessions), (3) sets the school, the person and the units they may see (in full, or in the reduced
 * view), checks the CSRF token of state-changing requests, and then runs the handler with `c.var.tx`. The
 * transaction commits only if the handler answered below 400 without throwing; otherwise it is rolled back.
 * Requests for which `isPublic` is true pass through without a session.
 *
 * @example
 * ```ts
 * app.use('/api/*', sessionMiddleware((c) => publicPaths.has(c.req.path)));
 * ```
 */
export function sessionMiddleware(
  isPublic: (c: Context<AppEnv>) => boolean,
  beforeTransactionOf: (c: Context<AppEnv>) => BeforeTransaction | undefined = () => undefined,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (isPublic(c)) return next();
    const token = sessionTokenOf(c);
    const refuse = (resolution: Exclude<Resolution, 'served'>) => {
      if (token) clearSessionCookie(c, c.var.config.secureCookies);
      return problem(refusals[resolution]);
    };
    if (!token) throw refuse('unknown');
    const tokenHash = hashSessionToken(token);
    const beforeTransaction = beforeTransactionOf(c);
    if (beforeTransaction) {
      // Resolve the session (and check its CSRF token) in a short transaction of its own, then let the route read
      // and parse its upload with no transaction open; the request's transaction opens after, resolving again.
      const known = await serveInTransaction(c, async () => {}, tokenHash);
      if (known !== 'served') throw refuse(known);
      const before = c as unknown as Context<BeforeTransactionEnv>;
      before.set('inScope', (work) => withTenant(c.var.db, before.var.scope, work));
      await beforeTransaction(before);
    }
    const resolution = await serveInTransaction(c, next, tokenHash);
    if (resolution !== 'served') throw refuse(resolution);
  };
}

/**
 * What a route's {@link BeforeTransaction} step sees: who is asking, no transaction; `inScope` runs a short
 * transaction of its own in the caller's scope (to read what the step needs before it waits on the network).
 */
export type BeforeTransactionEnv = AppEnv & {
  Variables: AppEnv['Variables'] & {
    session: SessionInfo;
    me: Me;
    scope: TenantScope;
    inScope: <T>(work: (tx: TenantTx) => Promise<T>) => Promise<T>;
  };
};

/**
 * Work a route does once the session is known and before its transaction opens: reading and parsing an upload,
 * or waiting on another server (a test message), which must not hold a database connection (PGlite has one) for
 * as long as it takes. It starts with its own permission check and throws a problem to refuse; what it reads it
 * keeps for the handler.
 */
export type BeforeTransaction = (c: Context<BeforeTransactionEnv>) => Promise<void>;

async function serveInTransaction(
  c: Context<AppEnv>,
  next: () => Promise<void>,
  tokenHash: string,
): Promise<Resolution> {
  const { db, config } = c.var;
  const now = c.var.clock();
  try {
    return await runInTransaction(db, async (tx) => {
      // The session, its person and roles, and the session marked used: one round trip (openSession).
      const opened = await openSession(tx, tokenHash, now);
      if (!opened) return 'unknown';
      const { session, account } = opened;
      if (sessionExpiry(session, now, config)) {
        await deleteSession(tx, tokenHash);
        return 'expired';
      }
      if (!account || account.person.disabled) {
        await deleteSession(tx, tokenHash);
        return 'disabled';
      }
      const scope = scopeOf(session.schoolId, session.personId, account.roles);
      const tenantTx = await scopeTransaction(tx, scope);
      assertCsrfToken(c, session.csrfToken);
      const { disabled: _disabled, ...person } = account.person;
      c.set('session', session);
      c.set('me', { person, school: account.school, roles: account.roles, csrfToken: session.csrfToken });
      c.set('scope', scope);
      c.set('tx', tenantTx);
      try {
        await next();
      } finally {
        c.set('tx', undefined);
      }
      // hono has already turned a thrown error into c.res; an error response must not leave writes behind.
      if (c.error || c.res.status >= 400) throw new RollBack();
      return 'served';
    });
  } catch (error) {
    if (error instanceof RollBack) return 'served';
    throw error;
  }
}
