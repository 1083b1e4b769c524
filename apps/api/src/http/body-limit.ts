import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { mayCarryBody } from './may-carry-body.ts';
import { problem } from './problem.ts';

/**
 * Refuse request bodies larger than `maxBytes` with a 413 problem, before any handler reads them.
 *
 * @example
 * ```ts
 * app.use('/api/*', limitBodySize(20 * 1024 * 1024));
 * ```
 */
export function limitBodySize(maxBytes: number): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw problem('http.payload-too-large', { maxMiB: Math.floor(maxBytes / 1024 / 1024) });
    },
  });
  return (c, next) => (mayCarryBody(c) ? limit(c, next) : next());
}
