import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

/** The session cookie's name (API contract). */
export const SESSION_COOKIE = 'xq_session';

/**
 * Set the session cookie: httpOnly, SameSite=Lax, Path=/, Secure unless `secure` is off (development and tests
 * over plain http). No Max-Age: the browser forgets it when it closes; the server enforces the timeouts.
 */
export function setSessionCookie(c: Context, token: string, secure: boolean): void {
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure, path: '/' });
}

/** Tell the browser to drop the session cookie. */
export function clearSessionCookie(c: Context, secure: boolean): void {
  deleteCookie(c, SESSION_COOKIE, { httpOnly: true, sameSite: 'Lax', secure, path: '/' });
}

/** The session token the request carries, if any. */
export function sessionTokenOf(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE) || undefined;
}
