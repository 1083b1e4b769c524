import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import { problem } from './problem.ts';

/** The header that carries the session's synchronizer token on every state-changing request. */
export const CSRF_HEADER = 'x-csrf-token';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The origin the browser sees. Behind a trusted reverse proxy that terminates TLS, the request URL says
 * http://internal-host, so the proxy's X-Forwarded-Proto and X-Forwarded-Host say what the browser used.
 */
function publicOrigin(c: Context, trustProxy: boolean): string {
  const url = new URL(c.req.url);
  if (!trustProxy) return url.origin;
  const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() || url.protocol.replace(':', '');
  const host = c.req.header('x-forwarded-host')?.split(',')[0]?.trim() || url.host;
  return `${proto}://${host}`;
}

/** Which origins may send state-changing requests: the API's own, plus the configured ones. */
export interface OriginPolicy {
  allowedOrigins: readonly string[];
  trustProxy: boolean;
}

function isAllowedOrigin(origin: string, c: Context, policy: OriginPolicy): boolean {
  return origin === publicOrigin(c, policy.trustProxy) || policy.allowedOrigins.includes(origin);
}

/**
 * hono's Origin / Sec-Fetch-Site check for the form-like content types a cross-site page can post without a
 * preflight. JSON requests are covered by the synchronizer token instead.
 *
 * @example
 * ```ts
 * app.use('/api/*', originCheck({ allowedOrigins: ['https://xinqiao.example.edu.cn'], trustProxy: false }));
 * ```
 */
export function originCheck(policy: OriginPolicy): MiddlewareHandler {
  const check = csrf({ origin: (origin, c) => isAllowedOrigin(origin, c, policy) });
  // hono reads a missing Content-Type as text/plain (a form's). A request without one carries no form body (a
  // logout, navigator.sendBeacon()): the synchronizer token, required of every state-changing request behind a
  // session, is its CSRF check, and the public login takes JSON only.
  return (c, next) => (c.req.header('content-type') === undefined ? next() : check(c, next));
}

/**
 * The Origin check of the login form, which has no session yet and so no token. A browser marks a same-origin
 * request `Sec-Fetch-Site: same-origin`, which a foreign page cannot fake; otherwise a foreign Origin, or a
 * cross-site request without one, is refused. Clients that are not browsers send neither header and cannot be
 * used for CSRF.
 *
 * @example
 * ```ts
 * router.use('/auth/login', requireSameOrigin({ allowedOrigins: [], trustProxy: false }));
 * ```
 */
export function requireSameOrigin(policy: OriginPolicy): MiddlewareHandler {
  return async (c, next) => {
    if (!safeMethods.has(c.req.method) && c.req.header('sec-fetch-site') !== 'same-origin') {
      const origin = c.req.header('origin');
      if (origin !== undefined && !isAllowedOrigin(origin, c, policy)) {
        throw problem('http.cross-site', { origin });
      }
      if (origin === undefined && c.req.header('sec-fetch-site') === 'cross-site') {
        throw problem('http.cross-site');
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
    throw problem('http.csrf-token');
  }
}
