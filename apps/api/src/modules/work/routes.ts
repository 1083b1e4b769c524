import { createRoute } from '@hono/zod-openapi';
import { chinaToday } from '@xinqiao/calendar';
import type { Context } from 'hono';
import { callerOf } from '../../auth/caller.ts';
import type { AuthedEnv } from '../../context.ts';
import { problemResponses } from '../../http/problem.ts';
import { createRouter } from '../../http/router.ts';
import { presentWorkItem } from './present.ts';
import { MyWorkCountsSchema, MyWorkQuery, MyWorkSchema } from './schemas.ts';
import { myWork, myWorkCounts } from './service.ts';
import type { WorkClock } from './types.ts';

const tags = ['work'];
const json = <T>(schema: T) => ({ 'application/json': { schema } });

const workRoute = createRoute({
  method: 'get',
  path: '/me/work',
  tags,
  summary: 'My work (我的待办): what needs the caller now, most urgent first',
  description:
    'Self-harm findings first, then what is overdue, then the soonest deadline. Follow-ups and cases the caller is ' +
    'responsible for, the unassigned cases of the subtree they assign within, and what the other modules add. Every ' +
    'role gets an answer (empty when it has no such work). Audited.',
  request: { query: MyWorkQuery },
  responses: {
    200: { description: 'The items and their counts', content: json(MyWorkSchema) },
    ...problemResponses(400, 401),
  },
});

const countsRoute = createRoute({
  method: 'get',
  path: '/me/work/counts',
  tags,
  summary: 'How much work the caller has, per kind and per module (for the navigation)',
  responses: {
    200: { description: 'Counts', content: json(MyWorkCountsSchema) },
    ...problemResponses(401),
  },
});

const clockOf = (c: Context<AuthedEnv>): WorkClock => {
  const now = c.var.clock();
  return { now, today: chinaToday(now), plugin: c.var.plugins.active(c.var.me.school.code)?.compiled };
};

/** `/api/me/work…`: every role's home page. */
export const workRoutes = createRouter()
  .openapi(workRoute, async (c) => {
    const caller = callerOf(c, '我的待办 / my work');
    const work = await myWork(caller, clockOf(c), c.req.valid('query'));
    return c.json({ ...work, items: work.items.map(presentWorkItem) }, 200);
  })
  .openapi(countsRoute, async (c) => {
    return c.json(await myWorkCounts(callerOf(c, '我的待办 / my work'), clockOf(c)), 200);
  });
