import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

/**
 * Whether the request may carry a body. Behind @hono/node-server it is asked from the Node request's headers: one
 * with neither Content-Length nor Transfer-Encoding has none (RFC 9112, 6.3). Hono's own check (`c.req.raw.body`)
 * makes node-server build a whole fetch Request for every GET, a tenth of a list request's CPU
 * (docs/performance.md). Elsewhere (`app.request` in tests) hono's check decides.
 */
export function mayCarryBody(c: Context): boolean {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (!incoming?.headers) return true;
  const { headers } = incoming;
  return headers['transfer-encoding'] !== undefined || (headers['content-length'] ?? '0') !== '0';
}
