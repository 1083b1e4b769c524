import { createRoute } from '@hono/zod-openapi';
import { callerOf } from '../../auth/caller.ts';
import { problemResponses } from '../../http/problem.ts';
import { createRouter } from '../../http/router.ts';
import { auditLogWorkbook } from './export.ts';
import { browseAuditLog, exportAuditLog } from './log.ts';
import {
  AuditCheckpointCheckSchema,
  AuditCheckpointExportSchema,
  AuditExportVerifySchema,
  AuditLogFilterQuery,
  AuditLogPageSchema,
  AuditLogQuery,
  AuditVerifySchema,
  StudentAccessPageSchema,
  StudentAuditParams,
  StudentAuditQuery,
} from './schemas.ts';
import {
  checkExportedCheckpoints,
  exportAuditCheckpoints,
  studentAccessLog,
  verifySchoolAudit,
} from './service.ts';

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

const checkpointsRoute = createRoute({
  method: 'get',
  path: '/audit/checkpoints',
  tags,
  summary:
    "Sign the chain's current head and download every signed checkpoint with the public key, to keep outside the database (school admins and center directors; itself audited)",
  responses: {
    200: { description: 'The checkpoints (JSON, sent as a download)', ...json(AuditCheckpointExportSchema) },
    ...problemResponses(401, 403),
  },
});

const checkExportRoute = createRoute({
  method: 'post',
  path: '/audit/checkpoints/check',
  tags,
  summary:
    'Check the chain against checkpoints exported earlier (the JSON of GET /audit/checkpoints, kept outside the database)',
  request: {
    body: { content: { 'application/json': { schema: AuditCheckpointCheckSchema } }, required: true },
  },
  responses: {
    200: {
      description: 'The verification against the exported checkpoints',
      ...json(AuditExportVerifySchema),
    },
    ...problemResponses(400, 401, 403),
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

const logRoute = createRoute({
  method: 'get',
  path: '/audit/log',
  tags,
  summary:
    "Browse the school's audit log by person, action and day, newest first (school admins and center directors)",
  request: { query: AuditLogQuery },
  responses: {
    200: { description: 'A page of the log and the actions in use', ...json(AuditLogPageSchema) },
    ...problemResponses(400, 401, 403),
  },
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const exportRoute = createRoute({
  method: 'get',
  path: '/audit/log/export.xlsx',
  tags,
  summary: 'The audit log rows of the same filters as an XLSX sheet, China time (itself audited)',
  request: { query: AuditLogFilterQuery },
  responses: {
    200: {
      description: 'The workbook',
      content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } },
    },
    ...problemResponses(400, 401, 403),
  },
});

/** The audit log: verify the chain, browse and export it, and who looked at one student. */
export const auditRoutes = createRouter()
  .openapi(verifyRoute, async (c) => c.json(await verifySchoolAudit(callerOf(c, '审计校验')), 200))
  .openapi(checkpointsRoute, async (c) => {
    const body = await exportAuditCheckpoints(callerOf(c, '审计检查点导出'));
    c.header('content-disposition', `attachment; filename="audit-checkpoints-${body.schoolId}.json"`);
    return c.json(body, 200);
  })
  .openapi(checkExportRoute, async (c) =>
    c.json(await checkExportedCheckpoints(callerOf(c, '审计校验'), c.req.valid('json')), 200),
  )
  .openapi(logRoute, async (c) =>
    c.json(await browseAuditLog(callerOf(c, '审计查阅'), c.req.valid('query')), 200),
  )
  .openapi(exportRoute, async (c) => {
    const entries = await exportAuditLog(callerOf(c, '审计导出'), c.req.valid('query'));
    return c.body(new Uint8Array(await auditLogWorkbook(entries)), 200, {
      'content-type': XLSX,
      'content-disposition': `attachment; filename="audit-log.xlsx"; filename*=UTF-8''${encodeURIComponent('审计日志.xlsx')}`,
    });
  })
  .openapi(studentRoute, async (c) => {
    const caller = callerOf(c, '审计查阅');
    const page = await studentAccessLog(caller, c.req.valid('param').studentId, c.req.valid('query'));
    return c.json(page, 200);
  });
