import { createRoute, z } from '@hono/zod-openapi';
import type { FeedKind as DbFeedKind } from '@xinqiao/db';
import type { Context } from 'hono';
import { callerOf, requirePermission } from '../../auth/caller.ts';
import type { AuthedEnv } from '../../context.ts';
import { problemResponses } from '../../http/problem.ts';
import { createRouter } from '../../http/router.ts';
import { uploadFileName } from '../../http/upload-name.ts';
import { schemaMessage } from '../../http/zod-issues.ts';
import { warningWorkbook } from './export.ts';
import { readFeedFile } from './feeds/read-file.ts';
import { storeFeedBatch } from './feeds/service.ts';
import { feedUploadReadBefore } from './feeds/upload.ts';
import {
  CloseWarningBody,
  FeedOutcomeSchema,
  FeedParams,
  PlanBody,
  StudentParams,
  StudentWarningsSchema,
  WarningDetailSchema,
  WarningExportQuery,
  WarningListQuery,
  WarningListSchema,
  WarningOverviewSchema,
  WarningParams,
} from './schemas.ts';
import {
  closeWarning,
  exportedWarnings,
  listWarnings,
  readWarning,
  recordTalk,
  savePlan,
  studentWarnings,
  warningOverview,
} from './service.ts';

const tags = ['warnings'];
const json = <T>(schema: T) => ({ 'application/json': { schema } });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const answered = (description: string) => ({
  200: { description, content: json(WarningDetailSchema) },
  ...problemResponses(400, 401, 403, 404, 409),
});

const listRoute = createRoute({
  method: 'get',
  path: '/warnings',
  tags,
  summary:
    'The early warnings you handle (预警): a counsellor’s own students’; station heads and the center all they see',
  description:
    'Academic, psychological-crisis, spending and lost-contact warnings with their level, the reasons and the signal ' +
    'values that tripped them (never a raw transaction), suggested actions and the deadline in working days. Audited.',
  request: { query: WarningListQuery },
  responses: {
    200: { description: 'The warnings', content: json(WarningListSchema) },
    ...problemResponses(400, 401, 403),
  },
});

const exportRoute = createRoute({
  method: 'get',
  path: '/warnings/export.xlsx',
  tags,
  summary: 'The warnings you handle as an XLSX workbook (every match, unpaged)',
  request: { query: WarningExportQuery },
  responses: {
    200: {
      description: 'The workbook',
      content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } },
    },
    ...problemResponses(400, 401, 403),
  },
});

const overviewRoute = createRoute({
  method: 'get',
  path: '/warnings/overview',
  tags,
  summary:
    'Warning counts by module, level and college, weekly trends, and the KPI “cleared next term” per college',
  responses: {
    200: { description: 'The overview', content: json(WarningOverviewSchema) },
    ...problemResponses(401, 403),
  },
});

const studentRoute = createRoute({
  method: 'get',
  path: '/warnings/students/{studentId}',
  tags,
  summary: 'A student’s signal values, warnings and improvement plans (the student file’s part). Audited',
  request: { params: StudentParams },
  responses: {
    200: { description: 'Signals and warnings', content: json(StudentWarningsSchema) },
    ...problemResponses(400, 401, 403),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/warnings/{id}',
  tags,
  summary: 'One warning with its improvement plan. Audited',
  request: { params: WarningParams },
  responses: answered('The warning'),
});

const closeRoute = createRoute({
  method: 'post',
  path: '/warnings/{id}/close',
  tags,
  summary: 'Close an open warning with a note',
  request: { params: WarningParams, body: { required: true, content: json(CloseWarningBody) } },
  responses: answered('The closed warning'),
});

const talkRoute = createRoute({
  method: 'post',
  path: '/warnings/{id}/talk',
  tags,
  summary: 'Record the one-to-one talk (an academic card’s talk is due within the plugin’s 3 working days)',
  request: { params: WarningParams },
  responses: answered('The warning with its talk'),
});

const planRoute = createRoute({
  method: 'put',
  path: '/warnings/{id}/plan',
  tags,
  summary:
    'Write the improvement plan (《学业提升计划书》) of an academic warning: goals, actions, peer or tutor, review date',
  request: { params: WarningParams, body: { required: true, content: json(PlanBody) } },
  responses: answered('The warning with its plan'),
});

const ImportBody = z.object({
  file: z.instanceof(File, { message: schemaMessage('import.file-missing') }).openapi({
    type: 'string',
    format: 'binary',
    description: '.csv (UTF-8 or GBK) or .xlsx',
  }),
});

const importRoute = createRoute({
  method: 'post',
  path: '/warnings/feeds/{feed}/import',
  tags,
  summary: 'Import a feed file (grades, card, activity) as CSV or XLSX (the school admin: the import role)',
  description:
    'Headers in Chinese or English. grades: 学号, 学期 (2025-2026-1), 课程代码, 课程名称, 学分, 成绩 or 等级, 是否通过, ' +
    '补考重修; card: 学号, 交易时间, 流水号, 金额, 场所 (食堂/超市/图书馆/浴室/交通/其他); activity: 学号, 时间, 来源 ' +
    '(门禁/图书馆/上网/考勤/消费). All or nothing: any bad row rejects the file with 400 listing `{row, column, reason}`; ' +
    'importing the same file again writes nothing.',
  request: {
    params: FeedParams,
    body: { required: true, content: { 'multipart/form-data': { schema: ImportBody } } },
  },
  responses: {
    200: { description: 'Imported', content: json(FeedOutcomeSchema) },
    ...problemResponses(400, 401, 403, 409, 413),
  },
});

const PURPOSE = '学生预警 / early warning';
const pluginOf = (c: Context<AuthedEnv>) => c.var.plugins.active(c.var.me.school.code)?.compiled;

/** `/api/warnings…`: early warnings, their talks, plans and overview; feed imports from the screen. */
export const warningsRoutes = createRouter()
  .openapi(listRoute, async (c) =>
    c.json(await listWarnings(callerOf(c, PURPOSE), c.req.valid('query'), c.var.clock()), 200),
  )
  .openapi(exportRoute, async (c) => {
    const items = await exportedWarnings(
      callerOf(c, '导出预警 / export warnings'),
      c.req.valid('query'),
      c.var.clock(),
    );
    return c.body(new Uint8Array(await warningWorkbook(items)), 200, {
      'content-type': XLSX,
      'content-disposition': 'attachment; filename="warnings.xlsx"',
    });
  })
  .openapi(overviewRoute, async (c) =>
    c.json(
      await warningOverview(callerOf(c, '预警总览 / warning overview'), pluginOf(c), c.var.clock()),
      200,
    ),
  )
  .openapi(studentRoute, async (c) =>
    c.json(
      await studentWarnings(
        callerOf(c, '学生档案 / student file'),
        c.req.valid('param').studentId,
        pluginOf(c),
        c.var.clock(),
      ),
      200,
    ),
  )
  .openapi(getRoute, async (c) =>
    c.json(await readWarning(callerOf(c, PURPOSE), c.req.valid('param').id, c.var.clock()), 200),
  )
  .openapi(closeRoute, async (c) =>
    c.json(
      await closeWarning(
        callerOf(c, PURPOSE),
        c.req.valid('param').id,
        c.req.valid('json').note,
        c.var.clock(),
      ),
      200,
    ),
  )
  .openapi(talkRoute, async (c) =>
    c.json(await recordTalk(callerOf(c, PURPOSE), c.req.valid('param').id, c.var.clock()), 200),
  )
  .openapi(planRoute, async (c) =>
    c.json(
      await savePlan(callerOf(c, PURPOSE), c.req.valid('param').id, c.req.valid('json'), c.var.clock()),
      200,
    ),
  );

// The role check comes before the body is parsed (multipart, then the spreadsheet).
warningsRoutes.use('/warnings/feeds/*', async (c, next) => {
  requirePermission(callerOf(c, PURPOSE), 'feeds.raw');
  await next();
});

warningsRoutes.openapi(importRoute, async (c) => {
  const caller = callerOf(c, '导入数据 / feed import');
  requirePermission(caller, 'feeds.raw');
  const { feed } = c.req.valid('param');
  const { file } = c.req.valid('form');
  // Read before the transaction opened (feeds/upload.ts); an app mounted without that step reads it here.
  const { fileName, read } = feedUploadReadBefore(c.req.raw) ?? (await readFeedUpload(feed, file));
  const outcome = await storeFeedBatch(caller.tx, {
    schoolId: caller.me.school.id,
    schoolCode: caller.me.school.code,
    plugin: pluginOf(c),
    feed,
    rows: read.rows,
    errors: read.errors,
    channel: { kind: 'ui', personId: caller.me.person.id, fileName },
    now: c.var.clock(),
    columnOf: (key) => read.headers[key] ?? key,
  });
  return c.json(outcome, 200);
});

async function readFeedUpload(feed: DbFeedKind, file: File) {
  const fileName = uploadFileName(file.name, 'file');
  const read = await readFeedFile(feed, {
    bytes: new Uint8Array(await file.arrayBuffer()),
    filename: fileName,
  });
  return { fileName, read };
}
