import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { callerOf } from '../../auth/caller.ts';
import type { AuthedEnv } from '../../context.ts';
import { problemResponses } from '../../http/problem.ts';
import { createRouter } from '../../http/router.ts';
import { keyStudentPolicyOf } from './policy.ts';
import { presentKeyStudent } from './present.ts';
import {
  KeyStudentListQuery,
  KeyStudentPageSchema,
  KeyStudentParams,
  NewKeyStudentBody,
  RemovalAnswerSchema,
  RemovalBody,
} from './schemas.ts';
import { addKeyStudent, approveRemoval, listKeyStudents, requestRemoval } from './service.ts';

const tags = ['key-students'];
const json = <T>(schema: T) => ({ 'application/json': { schema } });
const Done = z.object({ id: z.uuid() }).openapi('KeyStudentChanged');

const listRoute = createRoute({
  method: 'get',
  path: '/key-students',
  tags,
  summary: 'The key-student roster (重点关注学生) of the students you see in full, overdue talks first',
  description:
    'Stored entries (added with a reason) and every student with an open case (tier-1 follow-ups included). A ' +
    'talk is due the school’s interval (plugin area key-students; work plan 5: a week) after the last interview (by ' +
    'when it happened) or after the student came on the roster. Filtered and paged by the database.',
  request: { query: KeyStudentListQuery },
  responses: {
    200: { description: 'One page of the roster', content: json(KeyStudentPageSchema) },
    ...problemResponses(400, 401, 403),
  },
});

const addRoute = createRoute({
  method: 'post',
  path: '/key-students',
  tags,
  summary: 'Put a student on the key-student roster, with a reason',
  request: { body: { required: true, content: json(NewKeyStudentBody) } },
  responses: {
    201: { description: 'Added', content: json(Done) },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const removalRoute = createRoute({
  method: 'post',
  path: '/key-students/{id}/removal',
  tags,
  summary:
    'Take a student off the roster, with a reason (where the plugin says so, the station head approves)',
  request: { params: KeyStudentParams, body: { required: true, content: json(RemovalBody) } },
  responses: {
    200: { description: 'Removal asked for, or done', content: json(RemovalAnswerSchema) },
    ...problemResponses(400, 401, 403, 404),
  },
});

const approveRoute = createRoute({
  method: 'post',
  path: '/key-students/{id}/removal/approve',
  tags,
  summary: 'Approve a removal from the roster (station heads, the center)',
  request: { params: KeyStudentParams },
  responses: {
    200: { description: 'Removed', content: json(Done) },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const policyOf = (c: Context<AuthedEnv>) =>
  keyStudentPolicyOf(c.var.plugins.active(c.var.me.school.code)?.compiled);

/** `/api/key-students…`: the roster of key students, additions with a reason, removals with approval. */
export const keyStudentsRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const { page, pageSize, ...filter } = c.req.valid('query');
    const caller = callerOf(c, '查看重点关注学生 / key students');
    const policy = await policyOf(c);
    const { rows, total } = await listKeyStudents(caller, policy, filter, { page, pageSize }, c.var.clock());
    return c.json({ items: rows.map(presentKeyStudent), page, pageSize, total, policy }, 200);
  })
  .openapi(addRoute, async (c) => {
    const caller = callerOf(c, '添加重点关注学生 / add a key student');
    const id = await addKeyStudent(caller, c.req.valid('json'), c.var.clock());
    return c.json({ id }, 201);
  })
  .openapi(removalRoute, async (c) => {
    const caller = callerOf(c, '申请移出重点关注 / ask to remove a key student');
    const { id } = c.req.valid('param');
    const policy = await policyOf(c);
    const { removed } = await requestRemoval(caller, policy, id, c.req.valid('json').reason, c.var.clock());
    return c.json({ id, removed }, 200);
  })
  .openapi(approveRoute, async (c) => {
    const caller = callerOf(c, '批准移出重点关注 / approve a removal');
    const { id } = c.req.valid('param');
    await approveRemoval(caller, id, c.var.clock());
    return c.json({ id }, 200);
  });
