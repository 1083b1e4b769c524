import type { MiddlewareHandler } from 'hono';
import { NONCE, secureHeaders } from 'hono/secure-headers';

/** One year, with subdomains: the HSTS policy the platform asks browsers to keep. */
export const HSTS = 'max-age=31536000; includeSubDomains';

const common = {
  strictTransportSecurity: HSTS,
  referrerPolicy: 'no-referrer',
  xFrameOptions: 'DENY',
  crossOriginResourcePolicy: 'same-origin',
  permissionsPolicy: { camera: false, microphone: false, geolocation: false, payment: false },
} as const;

/**
 * The policy of the platform's own pages and API. Scripts come only from this origin: the shell and every Module
 * Federation remote (`/modules/<id>/`, `/plugins/<id>/ui/`) are served from here, and the runtime adds them as
 * `<script>`/`import()` of same-origin URLs. Styles also allow inline `<style>` because remotes inject their CSS
 * at run time; inline styles cannot run code.
 */
const platformPolicy = secureHeaders({
  ...common,
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    workerSrc: ["'self'", 'blob:'],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
});

/** Where the API reference page loads its script bundle: served by this API, so the docs work offline. */
export const DOCS_SCRIPT_PATH = '/api/docs/scalar.js';

/**
 * The looser policy of `/api/docs` only: the Scalar reference is one same-origin bundle plus an inline start-up
 * script, which is allowed by a per-response nonce rather than by 'unsafe-inline'.
 */
const docsPolicy = secureHeaders({
  ...common,
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: [NONCE, "'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    workerSrc: ["'self'", 'blob:'],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
});

/** The path whose page needs the docs policy. */
export const DOCS_PATH = '/api/docs';

/**
 * Security headers on every response: CSP, one-year HSTS, nosniff, frame denial, no referrer.
 *
 * @example
 * ```ts
 * app.use('*', securityHeaders());
 * ```
 */
export function securityHeaders(): MiddlewareHandler {
  return (c, next) => (c.req.path === DOCS_PATH ? docsPolicy(c, next) : platformPolicy(c, next));
}
