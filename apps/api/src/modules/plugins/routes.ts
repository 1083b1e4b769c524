import { createRoute, z } from '@hono/zod-openapi';
import { problem, problemResponses } from '../../http/problem.ts';
import { createRouter } from '../../http/router.ts';

const PluginSummarySchema = z
  .object({
    id: z.string(),
    version: z.string().nullable(),
    status: z.enum(['active', 'refused']),
    errors: z.array(
      z.object({ file: z.string().optional(), path: z.string().optional(), message: z.string() }),
    ),
  })
  .openapi('PluginSummary');

const ActivePluginSchema = z
  .object({
    id: z.string(),
    version: z.string(),
    // Plugin-defined JSON: @xinqiao/policy validates it at load and the browser reads it as its PluginBundle.
    manifest: z.record(z.string(), z.unknown()).openapi({
      description:
        'The plugin’s plugin.json as loaded (schema: @xinqiao/policy’s manifest; defined by the plugin)',
    }),
    rules: z.record(z.string(), z.unknown()).openapi({
      description:
        'Rule file per policy area: json-rules-engine rules written by the plugin, checked by its area contract',
    }),
  })
  .openapi('ActivePlugin');

const listRoute = createRoute({
  method: 'get',
  path: '/plugins',
  tags: ['plugins'],
  summary: 'Every loaded policy plugin with its version, status and errors',
  responses: {
    200: {
      description: 'The plugins',
      content: { 'application/json': { schema: z.array(PluginSummarySchema) } },
    },
    ...problemResponses(401),
  },
});

const activeRoute = createRoute({
  method: 'get',
  path: '/plugins/active',
  tags: ['plugins'],
  summary: "The signed-in user's school's active plugin: manifest and rule files",
  responses: {
    200: {
      description: 'The active plugin',
      content: { 'application/json': { schema: ActivePluginSchema } },
    },
    ...problemResponses(401, 404),
  },
});

/** `GET /api/plugins` and `GET /api/plugins/active`. */
export const pluginsRoutes = createRouter()
  .openapi(listRoute, (c) => c.json(c.var.plugins.list(), 200))
  .openapi(activeRoute, (c) => {
    const plugin = c.var.plugins.active(c.var.me.school.code);
    if (!plugin) {
      throw problem('plugins.no-active-plugin', { school: c.var.me.school.code });
    }
    const { id, version, manifest, rules } = plugin;
    return c.json({ id, version, manifest, rules }, 200);
  });
