import { createHmac, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { tokensMatch } from '../http/csrf.ts';

/**
 * The known-device cookie (OWASP's "device cookie" against online guessing): a successful login sets
 * `xq_device = <id>.<mac>`, the MAC binding the random id to the account, keyed by a key only the API holds. A
 * later login of the same account from that browser is throttled in its own bucket (auth/rate-limit.ts), so an
 * attacker guessing elsewhere slows himself, not the real user. The cookie grants nothing else: the password is
 * still checked.
 */
export const DEVICE_COOKIE = 'xq_device';

/** Kept half a year; each successful login renews it. */
const DEVICE_MAX_AGE_SECONDS = 180 * 24 * 3600;

/**
 * The key of the MAC: `XINQIAO_DEVICE_COOKIE_KEY` when set (all API processes behind a load balancer need the
 * same one), otherwise a random key per process (a restart then forgets the known devices, which only means their
 * next login is counted like any other).
 */
let processKey: string | undefined;
export function deviceKey(configured: string | undefined): string {
  if (configured) return configured;
  processKey ??= randomBytes(32).toString('base64url');
  return processKey;
}

function macOf(key: string, id: string, account: string): string {
  return createHmac('sha256', key).update(`${id}\u0000${account}`).digest('base64url');
}

/** The device id of the request's device cookie when its MAC proves it was set for `account`; else undefined. */
export function knownDeviceId(c: Context, account: string, key: string): string | undefined {
  const value = getCookie(c, DEVICE_COOKIE);
  if (!value) return undefined;
  const [id, mac, ...rest] = value.split('.');
  if (!id || !mac || rest.length > 0 || id.length > 64) return undefined;
  return tokensMatch(mac, macOf(key, id, account)) ? id : undefined;
}

/** Marks this browser as a known device of `account` (after a successful login), keeping its id if it had one. */
export function setDeviceCookie(
  c: Context,
  account: string,
  key: string,
  deviceId: string | undefined,
  secure: boolean,
): void {
  const id = deviceId ?? randomBytes(16).toString('base64url');
  setCookie(c, DEVICE_COOKIE, `${id}.${macOf(key, id, account)}`, {
    httpOnly: true,
    sameSite: 'Lax',
    secure,
    path: '/api/auth',
    maxAge: DEVICE_MAX_AGE_SECONDS,
  });
}
