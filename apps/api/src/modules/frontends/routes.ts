import { createRoute, z } from '@hono/zod-openapi';
import { problemResponses } from '../../http/problem.ts';
import { createRouter } from '../../http/router.ts';
import { modulesFor } from './registry.ts';

const localized = z.object({ zh: z.string(), en: z.string() });
const FrontendListSchema = z
  .object({
    modules: z.array(
      z.object({
        id: z.string(),
        title: localized,
        remoteName: z.string(),
        manifestUrl: z.string().openapi({ description: 'mf-manifest.json of the Module Federation remote' }),
        exposes: z.enum(['./App', './Screen']),
        routePath: z.string().openapi({ description: 'Path of the module in the shell' }),
        source: z.enum(['office', 'plugin']),
        pluginId: z.string().optional(),
      }),
    ),
  })
  .openapi('FrontendList');

const listRoute = createRoute({
  method: 'get',
  path: '/frontends',
  tags: ['frontends'],
  summary:
    "The frontend modules the signed-in user may open: office modules by role, and the school plugin's UI",
  responses: {
    200: { description: 'The modules', content: { 'application/json': { schema: FrontendListSchema } } },
    ...problemResponses(401),
  },
});

/** `GET /api/frontends`: what the shell lists in its navigation and loads through Module Federation. */
export const frontendsRoutes = createRouter().openapi(listRoute, (c) => {
  const { me, plugins } = c.var;
  const plugin = plugins.active(me.school.code);
  const roles = me.roles.map((r) => r.role);
  return c.json({ modules: modulesFor(roles, plugin) }, 200);
});
