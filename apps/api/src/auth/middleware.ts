import {
  lookUpSessionToken,
  runInTransaction,
  scopeTransaction,
} from '@xinqiao/db/internal-tenant-tx-do-not-import';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.ts';
import { assertCsrfToken } from '../http/csrf.ts';
import { type ProblemCode, problem } from '../http/problem.ts';
import { clearSessionCookie, sessionTokenOf } from './cookie.ts';
import { loadAccount, schoolOnlyScope, scopeOf } from './scope.ts';
import { deleteSession, findSession, hashSessionToken, sessionExpiry, touchSession } from './sessions.ts';

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
export function sessionMiddleware(isPublic: (c: Context<AppEnv>) => boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (isPublic(c)) return next();
    const token = sessionTokenOf(c);
    const resolution: Resolution = token
      ? await serveInTransaction(c, next, hashSessionToken(token))
      : 'unknown';
    if (resolution === 'served') return;
    if (token) clearSessionCookie(c, c.var.config.secureCookies);
    throw problem(refusals[resolution]);
  };
}

async function serveInTransaction(
  c: Context<AppEnv>,
  next: () => Promise<void>,
  tokenHash: string,
): Promise<Resolution> {
  const { db, config } = c.var;
  const now = c.var.clock();
  try {
    return await runInTransaction(db, async (tx) => {
      await lookUpSessionToken(tx, tokenHash);
      const session = await findSession(tx, tokenHash);
      if (!session) return 'unknown';
      if (sessionExpiry(session, now, config)) {
        await deleteSession(tx, tokenHash);
        return 'expired';
      }
      const schoolTx = await scopeTransaction(tx, schoolOnlyScope(session.schoolId, session.personId));
      const account = await loadAccount(schoolTx, session.schoolId, session.personId);
      if (!account || account.person.disabled) {
        await deleteSession(schoolTx, tokenHash);
        return 'disabled';
      }
      const scope = scopeOf(session.schoolId, session.personId, account.roles);
      const tenantTx = await scopeTransaction(tx, scope);
      assertCsrfToken(c, session.csrfToken);
      await touchSession(tenantTx, session, now);
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
