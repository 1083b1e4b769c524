import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { Scalar } from '@scalar/hono-api-reference';
import type { Env } from 'hono';
import { SESSION_COOKIE } from '../auth/cookie.ts';
import { CSRF_HEADER } from './csrf.ts';
import { DOCS_PATH, DOCS_SCRIPT_PATH } from './security-headers.ts';

// The reference's browser bundle ships in the npm package: serve it ourselves instead of from a CDN.
const scalarBundle = join(
  dirname(createRequire(import.meta.url).resolve('@scalar/api-reference')),
  'browser',
  'standalone.js',
);
let scalarScript: Promise<string> | undefined;

/** Where the OpenAPI 3.1 document is served. */
export const OPENAPI_PATH = '/api/openapi.json';

/** Name of the session-cookie security scheme; routes that need a session list it in `security`. */
export const SESSION_SCHEME = 'sessionCookie';

/**
 * Serve the OpenAPI 3.1 document of every route registered on `app` (with the session cookie and CSRF header as
 * security schemes) and the Scalar reference page that renders it.
 *
 * @example
 * ```ts
 * mountApiDocs(app, '0.1.0');
 * ```
 */
export function mountApiDocs<E extends Env>(app: OpenAPIHono<E>, version: string): void {
  app.openAPIRegistry.registerComponent('securitySchemes', SESSION_SCHEME, {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'Set by POST /api/auth/login',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'csrfToken', {
    type: 'apiKey',
    in: 'header',
    name: CSRF_HEADER,
    description: 'The csrfToken of /api/auth/me; required on every POST, PUT, PATCH and DELETE',
  });
  app.doc31(OPENAPI_PATH, {
    openapi: '3.1.0',
    info: {
      title: '心桥 Xinqiao API',
      version,
      description:
        '高校学生心理健康与支持工作平台 API。Student mental-health and support platform. Errors are RFC 9457 ' +
        'problem+json; every request after login runs in one tenant-scoped transaction.',
    },
    security: [{ [SESSION_SCHEME]: [], csrfToken: [] }],
  });
  app.get(
    DOCS_PATH,
    Scalar((c) => ({
      url: OPENAPI_PATH,
      pageTitle: '心桥 Xinqiao API',
      cdn: DOCS_SCRIPT_PATH,
      // The docs CSP (http/security-headers.ts) allows inline scripts only with this response's nonce.
      nonce: c.get('secureHeadersNonce'),
    })),
  );
  app.get(DOCS_SCRIPT_PATH, async (c) => {
    scalarScript ??= readFile(scalarBundle, 'utf8');
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(await scalarScript, 200, { 'Content-Type': 'text/javascript; charset=utf-8' });
  });
}
