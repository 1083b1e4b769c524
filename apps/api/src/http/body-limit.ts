import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ProblemError, problemType } from './problem.ts';

/**
 * Refuse request bodies larger than `maxBytes` with a 413 problem, before any handler reads them.
 *
 * @example
 * ```ts
 * app.use('/api/*', limitBodySize(20 * 1024 * 1024));
 * ```
 */
export function limitBodySize(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new ProblemError({
        type: problemType('payload-too-large'),
        title: 'Payload too large',
        status: 413,
        detail: `请求内容超过 ${Math.floor(maxBytes / 1024 / 1024)} MiB / The request body is larger than ${maxBytes} bytes`,
      });
    },
  });
}
