import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { callerOf } from '../../auth/caller.ts';
import { problemResponses } from '../../http/problem.ts';
import { createRouter } from '../../http/router.ts';
import { issuedWorkbook } from './export.ts';
import { issueClassAccounts, listClassAccounts, resetStudentPassword } from './service.ts';
import { issuedSlips } from './slips.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PDF = 'application/pdf';
const tags = ['student-accounts'];
const ClassParams = z.object({ classId: z.uuid() });

const ClassStudentAccount = z
  .object({
    studentId: z.uuid(),
    studentNumber: z.string(),
    name: z.string(),
    state: z.enum(['none', 'must_change_password', 'active', 'disabled']).openapi('StudentAccountState', {
      description:
        'none: no account yet; must_change_password: issued or reset, the temporary password not yet changed; ' +
        'active: in use; disabled: the account is disabled',
    }),
    issuedAt: z.iso.datetime().nullable(),
    passwordChangedAt: z.iso.datetime().nullable(),
    lastSignInAt: z.iso.datetime().nullable().openapi({
      description: 'The newest sign-in the server still holds (sessions are purged after they end)',
    }),
  })
  .openapi('ClassStudentAccount');

const ClassStudentAccounts = z
  .object({
    classId: z.uuid(),
    className: z.string(),
    schoolName: z.string(),
    students: z.array(ClassStudentAccount),
  })
  .openapi('ClassStudentAccounts');

const listRoute = createRoute({
  method: 'get',
  path: '/student-accounts/classes/{classId}',
  tags,
  summary: 'The students of a class and where their accounts stand (school admins, as for the bulk issue)',
  request: { params: ClassParams },
  responses: {
    200: {
      description: 'The class’s students by 学号',
      content: { 'application/json': { schema: ClassStudentAccounts } },
    },
    ...problemResponses(401, 403, 404),
  },
});

const issuePdfRoute = createRoute({
  method: 'post',
  path: '/student-accounts/classes/{classId}/issue.pdf',
  tags,
  summary:
    'Issue the accounts of a class’s students in bulk (school admins); the initial passwords as printable A4 slips',
  description:
    'The same issue as `issue.xlsx`, answered as a PDF of cut-out slips (school, class, 学号, name, temporary ' +
    'password, sign-in address, 首次登录须修改密码), ten a page, one per account issued now. The passwords are in ' +
    'this answer only: choose the format before issuing.',
  request: { params: ClassParams },
  responses: {
    200: { description: 'The slips', content: { [PDF]: { schema: { type: 'string', format: 'binary' } } } },
    ...problemResponses(401, 403, 404),
  },
});

/** Where students sign in, as the browser sees this server (behind a trusted proxy, its forwarded origin). */
function signInUrl(c: Context): string {
  const url = new URL(c.req.url);
  let origin = url.origin;
  if (c.var.config?.trustProxy) {
    const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() || url.protocol.replace(':', '');
    const host = c.req.header('x-forwarded-host')?.split(',')[0]?.trim() || url.host;
    origin = `${proto}://${host}`;
  }
  return `${origin}/login?as=student`;
}

const attachment = (ascii: string, name: string) =>
  `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;

const issueRoute = createRoute({
  method: 'post',
  path: '/student-accounts/classes/{classId}/issue.xlsx',
  tags,
  summary:
    'Issue the accounts of a class’s students in bulk (school admins); the sheet of initial passwords as XLSX',
  description:
    'Students without an account get `student:<学号>` and a temporary password, changed at the first sign-in. The ' +
    'passwords are in this answer only; students who already have an account are listed without one.',
  request: { params: ClassParams },
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

/** Student accounts: the class's accounts, bulk issue per class (XLSX or PDF slips), reset by the counsellor. */
export const studentAccountsRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const answer = await listClassAccounts(
      callerOf(c, '查看班级学生账号 / class student accounts'),
      c.req.valid('param').classId,
    );
    return c.json(answer, 200);
  })
  .openapi(issuePdfRoute, async (c) => {
    const { className, schoolName, lines } = await issueClassAccounts(
      callerOf(c, '发放学生账号 / issue student accounts'),
      c.req.valid('param').classId,
    );
    const pdf = await issuedSlips({ schoolName, className, signInUrl: signInUrl(c) }, lines);
    return c.body(new Uint8Array(pdf), 200, {
      'content-type': PDF,
      'content-disposition': attachment('student-accounts.pdf', `${className}-学生账号.pdf`),
    });
  })
  .openapi(issueRoute, async (c) => {
    const { className, lines } = await issueClassAccounts(
      callerOf(c, '发放学生账号 / issue student accounts'),
      c.req.valid('param').classId,
    );
    return c.body(new Uint8Array(await issuedWorkbook(className, lines)), 200, {
      'content-type': XLSX,
      'content-disposition': attachment('student-accounts.xlsx', `${className}-学生账号.xlsx`),
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
