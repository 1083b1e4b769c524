import type { MiddlewareHandler } from 'hono';

/** API paths that never carry student data and may be cached. */
const cacheablePaths = new Set(['/api/health', '/api/openapi.json', '/api/docs']);

/**
 * `Cache-Control: no-store` on every /api response that could contain student data (all but health and the API
 * description), errors included, so neither the browser nor a proxy keeps a copy.
 *
 * @example
 * ```ts
 * app.use('/api/*', noStore());
 * ```
 */
export function noStore(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (cacheablePaths.has(c.req.path)) return;
    // On the response's own headers, as hono's secureHeaders sets its own: c.header() after the response copies
    // the whole response twice to make its headers writable (docs/performance.md).
    c.res.headers.set('Cache-Control', 'no-store');
    c.res.headers.set('Pragma', 'no-cache');
  };
}
