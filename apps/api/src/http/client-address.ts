import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The client's address for rate limiting. Behind a trusted reverse proxy (`trustProxy`) it is the last
 * `X-Forwarded-For` entry, the one the proxy itself appended; otherwise the socket's peer address. Requests
 * made with `app.request()` in tests have no socket and answer 'unknown' unless the test passes one.
 *
 * @example
 * ```ts
 * const ip = clientAddress(c, config.trustProxy);
 * ```
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for');
    const last = forwarded?.split(',').at(-1)?.trim();
    if (last) return last;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
