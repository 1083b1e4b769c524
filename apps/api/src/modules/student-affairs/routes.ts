import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { callerOf } from '../../auth/caller.ts';
import type { AuthedEnv } from '../../context.ts';
import { problemResponses, requestLocale } from '../../http/problem.ts';
import { createRouter } from '../../http/router.ts';
import { presentOverview } from './present.ts';
import { EnrolmentBody, NewStaffBody, OverviewSchema, StaffChangeBody } from './schemas.ts';
import {
  addStaffMember,
  changeStaffMember,
  type OverviewInputs,
  readOverview,
  removeStaffMember,
  setEnrolment,
} from './service.ts';

const DEFAULT_PURPOSE = '学生处数据维护 / student affairs data upkeep';

const overviewResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: OverviewSchema } },
});

const staffIdParam = z.object({
  id: z
    .string()
    .uuid()
    .openapi({ param: { name: 'id', in: 'path' } }),
});

const overviewRoute = createRoute({
  method: 'get',
  path: '/student-affairs/overview',
  tags: ['student-affairs'],
  summary: "Staffing, funding and training compliance of one academic year, computed by the school's plugin",
  request: { query: z.object({ academicYear: z.coerce.number().int().min(2000).max(2100).optional() }) },
  responses: { 200: overviewResponse('The figures'), ...problemResponses(400, 401, 403, 404, 409) },
});

const enrolmentRoute = createRoute({
  method: 'put',
  path: '/student-affairs/enrolment',
  tags: ['student-affairs'],
  summary: 'Set the enrolment of an academic year (audited)',
  request: {
    body: {
      content: {
        'application/json': {
          schema: EnrolmentBody,
        },
      },
    },
  },
  responses: { 200: overviewResponse('The year recomputed'), ...problemResponses(400, 401, 403, 404, 409) },
});

const addStaffRoute = createRoute({
  method: 'post',
  path: '/student-affairs/staff',
  tags: ['student-affairs'],
  summary: 'Add a member of the center staff to an academic year (audited)',
  request: {
    body: {
      content: {
        'application/json': {
          schema: NewStaffBody,
        },
      },
    },
  },
  responses: { 201: overviewResponse('The year recomputed'), ...problemResponses(400, 401, 403, 404, 409) },
});

const changeStaffRoute = createRoute({
  method: 'patch',
  path: '/student-affairs/staff/{id}',
  tags: ['student-affairs'],
  summary: "Change a staff member's name, employment or training hours (audited)",
  request: {
    params: staffIdParam,
    body: {
      content: {
        'application/json': {
          schema: StaffChangeBody,
        },
      },
    },
  },
  responses: { 200: overviewResponse('The year recomputed'), ...problemResponses(400, 401, 403, 404, 409) },
});

const removeStaffRoute = createRoute({
  method: 'delete',
  path: '/student-affairs/staff/{id}',
  tags: ['student-affairs'],
  summary: 'Remove a staff member (audited)',
  request: { params: staffIdParam },
  responses: { 200: overviewResponse('The year recomputed'), ...problemResponses(401, 403, 404, 409) },
});

/** What the overview is computed with: the school's active plugin and the app's clock. */
const inputsOf = (c: Context<AuthedEnv>): OverviewInputs => ({
  plugin: c.var.plugins.active(c.var.me.school.code),
  now: c.var.clock(),
});

/**
 * The student affairs office's API: `GET /api/student-affairs/overview` and the audited edits of enrolment,
 * center staff and training hours. Every edit answers the recomputed overview of the year it touched.
 */
export const studentAffairsRoutes = createRouter()
  .openapi(overviewRoute, async (c) => {
    const overview = await readOverview(
      callerOf(c, DEFAULT_PURPOSE),
      inputsOf(c),
      c.req.valid('query').academicYear,
    );
    return c.json(presentOverview(overview, requestLocale(c)), 200);
  })
  .openapi(enrolmentRoute, async (c) => {
    const overview = await setEnrolment(callerOf(c, DEFAULT_PURPOSE), inputsOf(c), c.req.valid('json'));
    return c.json(presentOverview(overview, requestLocale(c)), 200);
  })
  .openapi(addStaffRoute, async (c) => {
    const overview = await addStaffMember(callerOf(c, DEFAULT_PURPOSE), inputsOf(c), c.req.valid('json'));
    return c.json(presentOverview(overview, requestLocale(c)), 201);
  })
  .openapi(changeStaffRoute, async (c) => {
    const { id } = c.req.valid('param');
    const caller = callerOf(c, DEFAULT_PURPOSE);
    return c.json(
      presentOverview(
        await changeStaffMember(caller, inputsOf(c), id, c.req.valid('json')),
        requestLocale(c),
      ),
      200,
    );
  })
  .openapi(removeStaffRoute, async (c) => {
    const caller = callerOf(c, DEFAULT_PURPOSE);
    return c.json(
      presentOverview(
        await removeStaffMember(caller, inputsOf(c), c.req.valid('param').id),
        requestLocale(c),
      ),
      200,
    );
  });
