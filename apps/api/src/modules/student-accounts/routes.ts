import { createRoute, z } from '@hono/zod-openapi';
import { callerOf } from '../../auth/caller.ts';
import { problemResponses } from '../../http/problem.ts';
import { createRouter } from '../../http/router.ts';
import { issuedWorkbook } from './export.ts';
import { issueClassAccounts, resetStudentPassword } from './service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['student-accounts'];

const issueRoute = createRoute({
  method: 'post',
  path: '/student-accounts/classes/{classId}/issue.xlsx',
  tags,
  summary:
    'Issue the accounts of a class’s students in bulk (school admins); the sheet of initial passwords as XLSX',
  description:
    'Students without an account get `student:<学号>` and a temporary password, changed at the first sign-in. The ' +
    'passwords are in this answer only; students who already have an account are listed without one.',
  request: { params: z.object({ classId: z.uuid() }) },
  responses: {
    200: {
      description: 'The workbook',
      content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } },
    },
    ...problemResponses(401, 403, 404),
  },
});

const resetRoute = createRoute({
  method: 'post',
  path: '/students/{id}/account/reset',
  tags,
  summary: 'Reset a student’s password (their counsellor): a temporary one, changed at the next sign-in',
  request: { params: z.object({ id: z.uuid() }) },
  responses: {
    200: {
      description: 'The temporary password, shown once',
      content: {
        'application/json': { schema: z.object({ password: z.string() }).openapi('TemporaryPassword') },
      },
    },
    ...problemResponses(401, 403, 404),
  },
});

/** Student accounts: bulk issue per class (XLSX), reset by the counsellor. */
export const studentAccountsRoutes = createRouter()
  .openapi(issueRoute, async (c) => {
    const { className, lines } = await issueClassAccounts(
      callerOf(c, '发放学生账号 / issue student accounts'),
      c.req.valid('param').classId,
    );
    return c.body(new Uint8Array(await issuedWorkbook(className, lines)), 200, {
      'content-type': XLSX,
      'content-disposition': `attachment; filename="student-accounts.xlsx"; filename*=UTF-8''${encodeURIComponent(`${className}-学生账号.xlsx`)}`,
    });
  })
  .openapi(resetRoute, async (c) => {
    const done = await resetStudentPassword(
      callerOf(c, '重置学生密码 / reset a student password'),
      c.req.valid('param').id,
      c.var.clock(),
    );
    return c.json(done, 200);
  });
