import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono, MiddlewareHandler } from 'hono';
import type { FrontendPackage } from './frontend-dist.ts';

/** Hashed assets may be cached for long; everything else names the current build and must be revalidated. */
function cacheControlFor(path: string): string {
  return /\/assets\/[^/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/.test(path)
    ? 'public, max-age=31536000, immutable'
    : 'no-cache';
}

/** serveStatic builds its response before any hook could add headers, so they are set on what it returns. */
function withCacheControl(serve: MiddlewareHandler): MiddlewareHandler {
  return async (c, next) => {
    const res = await serve(c, next);
    if (res instanceof Response && res.ok) res.headers.set('Cache-Control', cacheControlFor(c.req.path));
    return res;
  };
}

/**
 * Serve the files of `distDir` under `urlPrefix`. serveStatic refuses `..` and `//` in the decoded path
 * before the prefix is swapped for the folder, so no request can leave `distDir`. A file's `.br` or `.gz` copy,
 * written by the build (`precompress()` of @xinqiao/vite-config), is sent instead when Accept-Encoding allows it.
 */
function serveDist(distDir: string, urlPrefix: string): MiddlewareHandler {
  return withCacheControl(
    serveStatic({
      root: distDir,
      precompressed: true,
      rewriteRequestPath: (path) => `/${path.slice(urlPrefix.length)}`,
    }),
  );
}

/**
 * Mount the built frontends on the app, after the API routes: office modules at `/modules/<id>/`, plugin UIs at
 * `/plugins/<id>/ui/`, and the shell at `/` with a fallback to its index.html for client-side routes, including
 * a plugin screen's `/plugins/<id>` (never for /api, /modules or /plugins/<id>/ui paths, which answer 404 when a
 * file is missing).
 *
 * @example
 * ```ts
 * mountFrontends(app, discoverFrontends(repoRoot));
 * ```
 */
/** A plugin UI's own files; `/plugins/<id>` itself is the shell's route for that plugin's screen. */
const PLUGIN_UI_FILES = /^\/plugins\/[^/]+\/ui(\/|$)/;

// biome-ignore lint/suspicious/noExplicitAny: mounts on an app of any env
export function mountFrontends(app: Hono<any>, frontends: readonly FrontendPackage[]): void {
  for (const f of frontends) {
    if (f.kind === 'shell' || !existsSync(f.distDir)) continue;
    app.get(`${f.urlPrefix}*`, serveDist(f.distDir, f.urlPrefix));
  }
  const shell = frontends.find((f) => f.kind === 'shell');
  if (!shell || !existsSync(shell.distDir)) return;
  app.get('*', serveDist(shell.distDir, '/'));
  const index = withCacheControl(
    serveStatic({ path: join(shell.distDir, 'index.html'), precompressed: true }),
  );
  app.get('*', async (c, next) => {
    const p = c.req.path;
    if (p.startsWith('/api/') || p.startsWith('/modules/') || PLUGIN_UI_FILES.test(p)) return next();
    return index(c, next);
  });
}
