import { createRoute } from '@hono/zod-openapi';
import { callerOf } from '../../../auth/caller.ts';
import { problemResponses } from '../../../http/problem.ts';
import { createRouter } from '../../../http/router.ts';
import { presentStudent } from '../present.ts';
import { StudentParams } from '../schemas.ts';
import { FileEntrySchema, NewFileEntryBody, StudentFileSchema } from './schemas.ts';
import { readStudentFile, recordFileEntry } from './service.ts';

const tags = ['students'];

const fileRoute = createRoute({
  method: 'get',
  path: '/students/{id}/file',
  tags,
  summary: "A student's file (一人一档): the student and the timeline of entries and cases, newest first",
  description:
    "Class psych committee members and dorm liaisons get the reduced student and the 'network' entries only.",
  request: { params: StudentParams },
  responses: {
    200: { description: 'The file', content: { 'application/json': { schema: StudentFileSchema } } },
    ...problemResponses(400, 401, 404),
  },
});

const addEntryRoute = createRoute({
  method: 'post',
  path: '/students/{id}/file/entries',
  tags,
  summary: "Record an entry in a student's file",
  request: {
    params: StudentParams,
    body: { required: true, content: { 'application/json': { schema: NewFileEntryBody } } },
  },
  responses: {
    201: { description: 'Recorded', content: { 'application/json': { schema: FileEntrySchema } } },
    ...problemResponses(400, 401, 403, 404),
  },
});

/** `GET /api/students/{id}/file` and `POST /api/students/{id}/file/entries`. */
export const fileRoutes = createRouter()
  .openapi(fileRoute, async (c) => {
    const caller = callerOf(c, '查看学生档案 / student file');
    const { student, entries } = await readStudentFile(caller, c.req.valid('param').id);
    return c.json({ student: presentStudent(caller.scope, student), entries }, 200);
  })
  .openapi(addEntryRoute, async (c) => {
    const caller = callerOf(c, '记录学生档案 / record in student file');
    const entry = await recordFileEntry(caller, c.req.valid('param').id, c.req.valid('json'));
    return c.json(entry, 201);
  });
