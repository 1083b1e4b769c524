import { createRoute } from '@hono/zod-openapi';
import type { ConcernSign } from '@xinqiao/policy';
import type { Context } from 'hono';
import { callerOf } from '../../auth/caller.ts';
import type { AuthedEnv } from '../../context.ts';
import { problemResponses } from '../../http/problem.ts';
import { createRouter } from '../../http/router.ts';
import { concernPolicyOf } from './policy.ts';
import { presentFiled, presentForTriage } from './present.ts';
import {
  ConcernItemSchema,
  ConcernListQuery,
  ConcernPageSchema,
  ConcernParams,
  ConcernReportSchema,
  FiledConcernSchema,
  NewConcernBody,
  TriageBody,
} from './schemas.ts';
import { defaultView, fileConcern, listConcerns, readConcern } from './service.ts';
import { triageConcern } from './triage.ts';

const tags = ['concerns'];
const json = <T>(schema: T) => ({ 'application/json': { schema } });

const fileRoute = createRoute({
  method: 'post',
  path: '/concerns',
  tags,
  summary: 'Report a concern (关注报告) about a student you see, to their counsellor',
  description:
    "Any staff member, class psych committee member or dorm liaison who sees the student. `signs` are codes of the school plugin's " +
    '`concern-signs` checklist (400 naming `signs.<i>` for an unknown one); a report needs a sign or a note. The ' +
    "student's counsellor becomes the assignee with the plugin's deadline and is told at once (urgent and self-harm " +
    'reports also go to the station head). Answers what the reporter sees from now on: the report and its status.',
  request: { body: { required: true, content: json(NewConcernBody) } },
  responses: {
    201: { description: 'Filed', content: json(FiledConcernSchema) },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/concerns',
  tags,
  summary: 'Concern reports: to triage (full view), or the ones you filed (status only)',
  request: { query: ConcernListQuery },
  responses: {
    200: { description: 'One page of reports', content: json(ConcernPageSchema) },
    ...problemResponses(400, 401, 403),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/concerns/{id}',
  tags,
  summary: 'One concern report: whole for those who triage it, its status for its reporter',
  request: { params: ConcernParams },
  responses: {
    200: { description: 'The report', content: json(ConcernItemSchema) },
    ...problemResponses(400, 401, 403, 404),
  },
});

const triageRoute = createRoute({
  method: 'post',
  path: '/concerns/{id}/triage',
  tags,
  summary:
    'Triage a report: open a case from it, add it to an open case of the student, or close it with a reason',
  description:
    '`open_case` needs `dueDate` (and takes `caseKind`, `title`); `add_to_case` needs `caseId`, an open case of the ' +
    'same student; `close` needs `reason`. Each missing or bad field is named in a 400 and nothing changes. The ' +
    'reporter sees only the new status.',
  request: { params: ConcernParams, body: { required: true, content: json(TriageBody) } },
  responses: {
    200: { description: 'The triaged report', content: json(ConcernReportSchema) },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

/** The school's compiled plugin, if it has one. */
const pluginOf = (c: Context<AuthedEnv>) => c.var.plugins.active(c.var.me.school.code)?.compiled;

/** The school's current checklist, to put stored sign codes in words (none when the plugin has no such area). */
async function checklistOf(c: Context<AuthedEnv>): Promise<readonly ConcernSign[]> {
  const plugin = pluginOf(c);
  if (!plugin?.areas.includes('concern-signs')) return [];
  return (await concernPolicyOf(plugin, c.var.me.school.code)).signs;
}

/** `/api/concerns…`: concern reports, filed by whoever sees the student, triaged by the full view. */
export const concernsRoutes = createRouter()
  .openapi(fileRoute, async (c) => {
    const caller = callerOf(c, '报告关注 / report a concern');
    const row = await fileConcern(caller, c.req.valid('json'), pluginOf(c), c.var.clock());
    return c.json(presentFiled(row, await checklistOf(c)), 201);
  })
  .openapi(listRoute, async (c) => {
    const { page, pageSize, view: asked, ...filter } = c.req.valid('query');
    const caller = callerOf(c, '查看关注报告 / concern reports');
    const view = asked ?? defaultView(caller);
    const { rows, total } = await listConcerns(caller, view, filter, { page, pageSize });
    const checklist = await checklistOf(c);
    const now = c.var.clock();
    const items = rows.map((row) =>
      view === 'triage' ? presentForTriage(row, checklist, now) : presentFiled(row, checklist),
    );
    return c.json({ items, page, pageSize, total }, 200);
  })
  .openapi(getRoute, async (c) => {
    const { row, view } = await readConcern(
      callerOf(c, '查看关注报告 / concern report'),
      c.req.valid('param').id,
    );
    const checklist = await checklistOf(c);
    const item =
      view === 'triage' ? presentForTriage(row, checklist, c.var.clock()) : presentFiled(row, checklist);
    return c.json(item, 200);
  })
  .openapi(triageRoute, async (c) => {
    const caller = callerOf(c, '处理关注报告 / triage a concern');
    const checklist = await checklistOf(c);
    const row = await triageConcern(
      caller,
      c.req.valid('param').id,
      c.req.valid('json'),
      checklist,
      c.var.clock(),
    );
    return c.json(presentForTriage(row, checklist, c.var.clock()), 200);
  });
