import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import { ProblemError, problemType } from './problem.ts';

/** The header that carries the session's synchronizer token on every state-changing request. */
export const CSRF_HEADER = 'x-csrf-token';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

function csrfProblem(detail: string): ProblemError {
  return new ProblemError({ type: problemType('csrf'), title: 'Forbidden', status: 403, detail });
}

function isAllowedOrigin(origin: string, c: Context, allowed: readonly string[]): boolean {
  return origin === new URL(c.req.url).origin || allowed.includes(origin);
}

/**
 * hono's Origin / Sec-Fetch-Site check for the form-like content types a cross-site page can post without a
 * preflight. JSON requests are covered by the synchronizer token instead.
 *
 * @example
 * ```ts
 * app.use('/api/*', originCheck(['https://xinqiao.example.edu.cn']));
 * ```
 */
export function originCheck(allowedOrigins: readonly string[] = []): MiddlewareHandler {
  return csrf({ origin: (origin, c) => isAllowedOrigin(origin, c, allowedOrigins) });
}

/**
 * The Origin check of the login form, which has no session yet and so no token: a browser request whose
 * Origin is foreign, or whose Sec-Fetch-Site says cross-site, is refused. Clients that are not browsers send
 * neither header and cannot be used for CSRF.
 *
 * @example
 * ```ts
 * router.use('/auth/login', requireSameOrigin([]));
 * ```
 */
export function requireSameOrigin(allowedOrigins: readonly string[] = []): MiddlewareHandler {
  return async (c, next) => {
    if (!safeMethods.has(c.req.method)) {
      const origin = c.req.header('origin');
      if (origin !== undefined && !isAllowedOrigin(origin, c, allowedOrigins)) {
        throw csrfProblem(`Requests from ${origin} are not accepted`);
      }
      if (c.req.header('sec-fetch-site') === 'cross-site' && origin === undefined) {
        throw csrfProblem('Cross-site request refused');
      }
    }
    await next();
  };
}

/** Compare two tokens in constant time (hashing first makes the lengths equal). */
export function tokensMatch(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

/**
 * The synchronizer-token check: a state-changing request must send its session's CSRF token in `x-csrf-token`.
 * The session middleware calls it once the session is known; it throws a 403 problem on a mismatch.
 *
 * @example
 * ```ts
 * assertCsrfToken(c, session.csrfToken);
 * ```
 */
export function assertCsrfToken(c: Context, expected: string): void {
  if (safeMethods.has(c.req.method)) return;
  const given = c.req.header(CSRF_HEADER);
  if (given === undefined || !tokensMatch(given, expected)) {
    throw csrfProblem(`Missing or wrong ${CSRF_HEADER} header; read csrfToken from /api/auth/me`);
  }
}
