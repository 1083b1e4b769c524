import { createRoute } from '@hono/zod-openapi';
import { problemResponses } from '../../../http/problem.ts';
import { createRouter } from '../../../http/router.ts';
import { recordAccess } from '../../audit/record.ts';
import { requireFullView } from '../access.ts';
import { callerOf } from '../caller.ts';
import { presentStudent } from '../present.ts';
import { StudentParams } from '../schemas.ts';
import { findVisibleStudent, readStudent } from '../service.ts';
import { insertFileEntry, studentTimeline } from './queries.ts';
import { FileEntrySchema, NewFileEntryBody, StudentFileSchema } from './schemas.ts';

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
    const row = await readStudent(caller, c.req.valid('param').id, 'student_file.read');
    const entries = await studentTimeline(caller.tx, row.id);
    return c.json({ student: presentStudent(caller.scope, row), entries }, 200);
  })
  .openapi(addEntryRoute, async (c) => {
    const caller = callerOf(c, '记录学生档案 / record in student file');
    const row = await findVisibleStudent(caller.tx, c.req.valid('param').id);
    requireFullView(caller.scope, row.placementPath, '记录档案 / record in the file');
    const entry = await insertFileEntry(
      caller.tx,
      caller.me.school.id,
      row.id,
      caller.me.person.id,
      c.req.valid('json'),
    );
    await recordAccess(caller.tx, caller.me, {
      action: 'student_file.add_entry',
      entity: 'student_file_entry',
      entityId: entry.id,
      studentId: row.id,
      studentPath: row.placementPath,
      purpose: caller.purpose,
    });
    return c.json(entry, 201);
  });
