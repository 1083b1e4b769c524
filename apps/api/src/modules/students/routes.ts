import { createRoute } from '@hono/zod-openapi';
import { callerOf, can } from '../../auth/caller.ts';
import { PageQuery } from '../../http/pagination.ts';
import { problemResponses } from '../../http/problem.ts';
import { createRouter } from '../../http/router.ts';
import { fileRoutes } from './file/routes.ts';
import { importRoutes } from './import/routes.ts';
import { fullStudent, presentListItem, presentStudent } from './present.ts';
import {
  CreateStudentBody,
  StudentDetailSchema,
  StudentListQuery,
  StudentPageSchema,
  StudentParams,
  StudentSchema,
  UpdateStudentBody,
} from './schemas.ts';
import { createStudent, listVisibleStudents, readStudent, updateStudent } from './service.ts';

const tags = ['students'];
const json = <T>(schema: T) => ({ 'application/json': { schema } });

const listRoute = createRoute({
  method: 'get',
  path: '/students',
  tags,
  summary:
    'The students you see, by student number: filter by unit subtree, name or number, latest tier, key-student ' +
    'roster and open items',
  request: { query: StudentListQuery.extend(PageQuery.shape) },
  responses: {
    200: { description: 'One page of students', content: json(StudentPageSchema) },
    ...problemResponses(400, 401),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/students/{id}',
  tags,
  summary: 'One student: the whole record, or the reduced view for class committee members and dorm liaisons',
  request: { params: StudentParams },
  responses: {
    200: { description: 'The student', content: json(StudentDetailSchema) },
    ...problemResponses(400, 401, 404),
  },
});

const createStudentRoute = createRoute({
  method: 'post',
  path: '/students',
  tags,
  summary: 'Add a student to one of your classes',
  request: { body: { required: true, content: json(CreateStudentBody) } },
  responses: {
    201: { description: 'Created', content: json(StudentSchema) },
    ...problemResponses(400, 401, 403, 409),
  },
});

const updateRoute = createRoute({
  method: 'patch',
  path: '/students/{id}',
  tags,
  summary: 'Change some fields of a student you see in full',
  request: { params: StudentParams, body: { required: true, content: json(UpdateStudentBody) } },
  responses: {
    200: { description: 'The changed student', content: json(StudentSchema) },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

/** `/api/students…`: list, read, create and change students, their files (`/file`) and the import. */
export const studentsRoutes = createRouter()
  .route('/', importRoutes)
  .route('/', fileRoutes)
  .openapi(listRoute, async (c) => {
    const { page, pageSize, withTotal, ...filter } = c.req.valid('query');
    const caller = callerOf(c, '查看学生名单 / student list');
    const { rows, total, totalExact } = await listVisibleStudents(
      caller,
      filter,
      { page, pageSize },
      withTotal === 'true',
    );
    const reads = can(caller, 'screening.read');
    const scope = c.get('scope'); // once: each read of c.var copies every variable of the request
    const items = rows.map((row) => presentListItem(scope, row, row.attention, reads));
    return c.json({ items, page, pageSize, total, totalExact }, 200);
  })
  .openapi(getRoute, async (c) => {
    const row = await readStudent(
      callerOf(c, '查看学生信息 / student record'),
      c.req.valid('param').id,
      'student.read',
    );
    return c.json(presentStudent(c.var.scope, row), 200);
  })
  .openapi(createStudentRoute, async (c) => {
    const row = await createStudent(callerOf(c, '新增学生 / add student'), c.req.valid('json'));
    return c.json(fullStudent(row), 201);
  })
  .openapi(updateRoute, async (c) => {
    const { id } = c.req.valid('param');
    const row = await updateStudent(callerOf(c, '修改学生信息 / update student'), id, c.req.valid('json'));
    return c.json(fullStudent(row), 200);
  });
