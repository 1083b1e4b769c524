import { createRoute, z } from '@hono/zod-openapi';
import { chinaToday } from '@xinqiao/calendar';
import type { Context } from 'hono';
import { callerOf } from '../../auth/caller.ts';
import type { AuthedEnv } from '../../context.ts';
import { problemResponses } from '../../http/problem.ts';
import { createRouter } from '../../http/router.ts';
import { assignCase, assigneesOf } from './assign.ts';
import { presentCase, presentCaseEntry } from './present.ts';
import {
  AssignBody,
  AssigneeSchema,
  CaseDetailSchema,
  CaseEntrySchema,
  CaseListQuery,
  CasePageSchema,
  CaseParams,
  CaseSchema,
  CreateCaseBody,
  EntryTemplatesSchema,
  NewCaseEntryBody,
  UpdateCaseBody,
} from './schemas.ts';
import { addCaseEntry, changeCase, listVisibleCases, openCase, readCase, readsScreening } from './service.ts';
import { entryTemplatesOf } from './templates.ts';

const tags = ['cases'];
const json = <T>(schema: T) => ({ 'application/json': { schema } });

const listRoute = createRoute({
  method: 'get',
  path: '/cases',
  tags,
  summary: 'The cases of the students you see in full, soonest due first',
  request: { query: CaseListQuery },
  responses: {
    200: { description: 'One page of cases', content: json(CasePageSchema) },
    ...problemResponses(400, 401),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/cases/{id}',
  tags,
  summary: 'One case with its timeline, newest first',
  request: { params: CaseParams },
  responses: {
    200: { description: 'The case', content: json(CaseDetailSchema) },
    ...problemResponses(400, 401, 404),
  },
});

const createCaseRoute = createRoute({
  method: 'post',
  path: '/cases',
  tags,
  summary: 'Open a crisis, support or follow-up case about a student you see in full',
  request: { body: { required: true, content: json(CreateCaseBody) } },
  responses: {
    201: { description: 'Opened', content: json(CaseSchema) },
    ...problemResponses(400, 401, 403),
  },
});

const updateRoute = createRoute({
  method: 'patch',
  path: '/cases/{id}',
  tags,
  summary: 'Move a case on (open → in_progress → closed), reassign it, or change its due date or title',
  request: { params: CaseParams, body: { required: true, content: json(UpdateCaseBody) } },
  responses: {
    200: { description: 'The changed case', content: json(CaseSchema) },
    ...problemResponses(400, 401, 404),
  },
});

const addEntryRoute = createRoute({
  method: 'post',
  path: '/cases/{id}/entries',
  tags,
  summary: "Add a note, interview or contact to a case's timeline",
  request: { params: CaseParams, body: { required: true, content: json(NewCaseEntryBody) } },
  responses: {
    201: { description: 'Added', content: json(CaseEntrySchema) },
    ...problemResponses(400, 401, 404),
  },
});

const assignRoute = createRoute({
  method: 'post',
  path: '/cases/{id}/assign',
  tags,
  summary: 'Assign or reassign a case (station heads within their college, the center across the school)',
  description:
    'The assignee must hold a counsellor, head teacher, station head or center role that reaches the student, on a ' +
    "unit within the caller's subtree (400 naming `assigneeId` otherwise). Recorded on the timeline as an " +
    '`assignment` entry with who and why; the assignee gets an in-app notification.',
  request: { params: CaseParams, body: { required: true, content: json(AssignBody) } },
  responses: {
    200: { description: 'The case with its new responsible person', content: json(CaseSchema) },
    ...problemResponses(400, 401, 403, 404),
  },
});

const assigneesRoute = createRoute({
  method: 'get',
  path: '/cases/{id}/assignees',
  tags,
  summary: 'Who the caller may assign this case to',
  request: { params: CaseParams },
  responses: {
    200: {
      description: 'Candidates, nearest to the student first',
      content: json(z.object({ items: z.array(AssigneeSchema) })),
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

const templatesRoute = createRoute({
  method: 'get',
  path: '/cases/{id}/entry-templates',
  tags,
  summary: "The school plugin's templates for the entries of this case (interview, note, contact)",
  request: { params: CaseParams },
  responses: {
    200: { description: 'Templates by entry kind', content: json(EntryTemplatesSchema) },
    ...problemResponses(400, 401, 403, 404),
  },
});

/** Today in China by the app's clock (tests move it), the day that decides what is overdue. */
const todayOf = (c: Context<AuthedEnv>) => chinaToday(c.var.clock());

/** `/api/cases…`: crisis, support and follow-up cases, visible to the full view only (RLS). */
export const casesRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const { page, pageSize, ...filter } = c.req.valid('query');
    const today = todayOf(c);
    const caller = callerOf(c, '查看个案列表 / case list');
    const { rows, total } = await listVisibleCases(caller, filter, { page, pageSize }, today);
    const items = rows.map((row) => presentCase(row, today, readsScreening(caller)));
    return c.json({ items, page, pageSize, total }, 200);
  })
  .openapi(getRoute, async (c) => {
    const caller = callerOf(c, '查看个案 / case record');
    const { row, entries } = await readCase(caller, c.req.valid('param').id);
    const presented = presentCase(row, todayOf(c), readsScreening(caller));
    return c.json({ ...presented, entries: entries.map(presentCaseEntry) }, 200);
  })
  .openapi(createCaseRoute, async (c) => {
    const today = todayOf(c);
    const caller = callerOf(c, '建立个案 / open case');
    const row = await openCase(caller, c.req.valid('json'), today);
    return c.json(presentCase(row, today, readsScreening(caller)), 201);
  })
  .openapi(updateRoute, async (c) => {
    const today = todayOf(c);
    const caller = callerOf(c, '更新个案 / update case');
    const row = await changeCase(caller, c.req.valid('param').id, c.req.valid('json'), today);
    return c.json(presentCase(row, today, readsScreening(caller)), 200);
  })
  .openapi(addEntryRoute, async (c) => {
    const caller = callerOf(c, '记录个案进展 / case entry');
    const entry = await addCaseEntry(caller, c.req.valid('param').id, c.req.valid('json'), c.var.clock());
    return c.json(presentCaseEntry(entry), 201);
  })
  .openapi(assignRoute, async (c) => {
    const caller = callerOf(c, '分派个案 / assign case');
    const row = await assignCase(caller, c.req.valid('param').id, c.req.valid('json'));
    return c.json(presentCase(row, todayOf(c), readsScreening(caller)), 200);
  })
  .openapi(assigneesRoute, async (c) => {
    const items = await assigneesOf(callerOf(c, '分派个案 / assign case'), c.req.valid('param').id);
    return c.json({ items }, 200);
  })
  .openapi(templatesRoute, async (c) => {
    const plugin = c.var.plugins.active(c.var.me.school.code)?.compiled;
    const caller = callerOf(c, '个案记录模板 / entry templates');
    return c.json(await entryTemplatesOf(caller, c.req.valid('param').id, plugin), 200);
  });
