import { createRoute } from '@hono/zod-openapi';
import { problemResponses } from '../../http/problem.ts';
import { createRouter } from '../../http/router.ts';
import { statedPurpose } from './record.ts';
import {
  AuditVerifySchema,
  StudentAccessPageSchema,
  StudentAuditParams,
  StudentAuditQuery,
} from './schemas.ts';
import { studentAccessLog, verifySchoolAudit } from './service.ts';

const tags = ['audit'];
const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

const verifyRoute = createRoute({
  method: 'get',
  path: '/audit/verify',
  tags,
  summary: "Verify the school's hash-chained audit log (school admins and center directors)",
  responses: {
    200: { description: 'Intact, or the first row that does not verify', ...json(AuditVerifySchema) },
    ...problemResponses(401, 403),
  },
});

const studentRoute = createRoute({
  method: 'get',
  path: '/audit/students/{studentId}',
  tags,
  summary: 'Who looked at this student, newest first (center directors and school admins; itself audited)',
  description: 'Send `x-access-purpose` to record why you looked; the default purpose is 审计查阅.',
  request: { params: StudentAuditParams, query: StudentAuditQuery },
  responses: {
    200: { description: 'A page of accesses', ...json(StudentAccessPageSchema) },
    ...problemResponses(400, 401, 403, 404),
  },
});

/** The audit log: `GET /api/audit/verify` and `GET /api/audit/students/{studentId}`. */
export const auditRoutes = createRouter()
  .openapi(verifyRoute, async (c) => c.json(await verifySchoolAudit(c.var.tx, c.var.me), 200))
  .openapi(studentRoute, async (c) => {
    const purpose = statedPurpose(c.req.header('x-access-purpose'), '审计查阅');
    const page = await studentAccessLog(
      c.var.tx,
      c.var.me,
      c.req.valid('param').studentId,
      c.req.valid('query'),
      purpose,
    );
    return c.json(page, 200);
  });
