import { createRoute, z } from '@hono/zod-openapi';
import { queryRows } from '@xinqiao/db';
import { sql } from 'drizzle-orm';
import { listSchoolDirectory } from '../auth/school-directory.ts';
import { problemResponses } from './problem.ts';
import { createPublicRouter } from './router.ts';

const HealthSchema = z
  .object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) })
  .openapi('Health');

const SchoolSchema = z.object({ code: z.string(), name: z.string(), nameEn: z.string() }).openapi('School');

const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  tags: ['platform'],
  summary: 'Liveness: the API answers and its database answers',
  security: [],
  responses: {
    200: { description: 'Up', content: { 'application/json': { schema: HealthSchema } } },
    ...problemResponses(500),
  },
});

const schoolsRoute = createRoute({
  method: 'get',
  path: '/schools',
  tags: ['platform'],
  summary: 'The schools on this platform, for the login form',
  security: [],
  responses: {
    200: { description: 'The schools', content: { 'application/json': { schema: z.array(SchoolSchema) } } },
  },
});

/** The routes that answer without a session: health and the school directory. */
export const publicRoutes = createPublicRouter()
  .openapi(healthRoute, async (c) => {
    await queryRows(c.var.db.orm, sql`SELECT 1`);
    return c.json({ status: 'ok' as const, database: c.var.db.kind }, 200);
  })
  .openapi(schoolsRoute, async (c) => {
    return c.json(await listSchoolDirectory(c.var.db), 200);
  });
