import { createRoute, z } from '@hono/zod-openapi';
import { academicYearOf } from '@xinqiao/calendar';
import type { Context } from 'hono';
import { callerOf, requirePermission } from '../../auth/caller.ts';
import type { AuthedEnv } from '../../context.ts';
import { problemResponses, problems } from '../../http/problem.ts';
import { createRouter } from '../../http/router.ts';
import { recordAccess, statedPurpose } from '../audit/record.ts';
import * as q from './queries.ts';
import { EnrolmentBody, NewStaffBody, OverviewSchema, StaffChangeBody } from './schemas.ts';
import { compiledPluginOf, computeOverview, type StudentAffairsOverview } from './service.ts';

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

type OverviewJson = z.infer<typeof OverviewSchema>;
type Writable<T> = T extends readonly (infer E)[]
  ? Writable<E>[]
  : T extends object
    ? { -readonly [K in keyof T]: Writable<T[K]> }
    : T;

/** Computes the overview of a year for the signed-in user's school with its active plugin. */
async function overviewOf(c: Context<AuthedEnv>, requestedYear?: number): Promise<OverviewJson> {
  const { tx, me } = c.var;
  const active = c.var.plugins.active(me.school.code);
  if (!active) {
    throw problems.notFound(
      `学校 ${me.school.code} 没有可用的策略插件 / No active policy plugin for school ${me.school.code}`,
    );
  }
  const plugin = compiledPluginOf(active);
  const years = await q.yearsWithFigures(tx, me.school.id);
  const current = academicYearOf(c.var.clock()).start;
  const year = requestedYear ?? years[0] ?? current;
  const academicYears = [...new Set([current, ...years])].sort((a, b) => b - a);
  const [enrolment, staff] = await Promise.all([
    q.enrolmentOf(tx, me.school.id, year),
    q.staffOf(tx, me.school.id, year),
  ]);
  const overview: StudentAffairsOverview = await computeOverview(plugin, {
    academicYear: year,
    academicYears,
    enrolment,
    staff,
  });
  // The policy results are readonly interfaces; the schema's type is the same shape, writable (checked here).
  return overview as Writable<StudentAffairsOverview>;
}

function audit(c: Context<AuthedEnv>, action: string, entity: string, entityId: string) {
  return recordAccess(c.var.tx, c.var.me, {
    action,
    entity,
    entityId,
    purpose: statedPurpose(c.req.header('x-access-purpose'), DEFAULT_PURPOSE),
  });
}

const noSuchStaff = () => problems.notFound('没有这名心理中心教师 / No such center staff member');

/**
 * The student affairs office's API: `GET /api/student-affairs/overview` and the audited edits of enrolment,
 * center staff and training hours. Every edit answers the recomputed overview of the year it touched.
 */
export const studentAffairsRoutes = createRouter()
  .openapi(overviewRoute, async (c) => {
    requirePermission(callerOf(c, DEFAULT_PURPOSE), 'student-affairs.read');
    return c.json(await overviewOf(c, c.req.valid('query').academicYear), 200);
  })
  .openapi(enrolmentRoute, async (c) => {
    requirePermission(callerOf(c, DEFAULT_PURPOSE), 'student-affairs.edit');
    const body = c.req.valid('json');
    await q.upsertEnrolment(c.var.tx, c.var.me.school.id, body.academicYear, body.enrolment);
    await audit(c, 'school_year_figures.update', 'school_year_figures', String(body.academicYear));
    return c.json(await overviewOf(c, body.academicYear), 200);
  })
  .openapi(addStaffRoute, async (c) => {
    requirePermission(callerOf(c, DEFAULT_PURPOSE), 'student-affairs.edit');
    const { academicYear: year, ...member } = c.req.valid('json');
    const row = await q.insertStaff(c.var.tx, c.var.me.school.id, year, member);
    await audit(c, 'center_staff.create', 'center_staff_member', row.id);
    return c.json(await overviewOf(c, year), 201);
  })
  .openapi(changeStaffRoute, async (c) => {
    requirePermission(callerOf(c, DEFAULT_PURPOSE), 'student-affairs.edit');
    const { id } = c.req.valid('param');
    const row = await q.updateStaff(c.var.tx, id, c.req.valid('json'));
    if (!row) throw noSuchStaff();
    await audit(c, 'center_staff.update', 'center_staff_member', id);
    return c.json(await overviewOf(c, row.academicYear), 200);
  })
  .openapi(removeStaffRoute, async (c) => {
    requirePermission(callerOf(c, DEFAULT_PURPOSE), 'student-affairs.edit');
    const { id } = c.req.valid('param');
    const year = await q.deleteStaff(c.var.tx, id);
    if (year === undefined) throw noSuchStaff();
    await audit(c, 'center_staff.delete', 'center_staff_member', id);
    return c.json(await overviewOf(c, year), 200);
  });
