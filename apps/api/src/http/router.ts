import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv, AuthedEnv } from '../context.ts';
import { validationHook } from './validation.ts';

/**
 * A module's router for routes behind the session middleware: `c.var.tx` (the tenant transaction), `c.var.me`
 * and `c.var.scope` are always set. Invalid input answers 400 problem+json naming the fields.
 *
 * @example
 * ```ts
 * export const studentsRoutes = createRouter().openapi(listStudentsRoute, async (c) => {
 *   return c.json(await listStudents(c.var.tx, c.req.valid('query')), 200);
 * });
 * // app.ts: app.route('/api', studentsRoutes)
 * ```
 */
export function createRouter(): OpenAPIHono<AuthedEnv> {
  return new OpenAPIHono<AuthedEnv>({ defaultHook: validationHook });
}

/** A router for the few routes that answer without a session (health, schools, login). */
export function createPublicRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}
