import { createRoute, z } from '@hono/zod-openapi';
import { callerOf, requirePermission } from '../../../auth/caller.ts';
import { problemResponses } from '../../../http/problem.ts';
import { createRouter } from '../../../http/router.ts';
import { uploadFileName } from '../../../http/upload-name.ts';
import { schemaMessage } from '../../../http/zod-issues.ts';
import { importStudents, readImportFile } from './service.ts';
import { uploadReadBefore } from './upload.ts';

/** The largest file an import accepts: a whole school's roster as XLSX is a few MB. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const ImportReportSchema = z
  .object({
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int().openapi({ description: 'Rows equal to what was stored: not rewritten' }),
  })
  .openapi('StudentImportReport');

const ImportBody = z.object({
  file: z.instanceof(File, { message: schemaMessage('import.file-missing') }).openapi({
    type: 'string',
    format: 'binary',
    description: '.csv (UTF-8 or GBK) or .xlsx, at most 20 MB',
  }),
});

const importRoute = createRoute({
  method: 'post',
  path: '/students/import',
  tags: ['students'],
  summary: 'Import students from CSV or XLSX: all or nothing, keyed by student number',
  description:
    'Headers in Chinese or English: 学号/student_number, 姓名/name, 性别/gender (男/女/male/female), ' +
    '入学年份/enrolment_year, 学院/college, 班级/class, 宿舍/dorm (optional), 手机/phone, 邮箱/email, ' +
    '监护人姓名/guardian_name, 监护人关系/guardian_relation, 监护人电话/guardian_phone. College, class and dorm are ' +
    'unit names, each resolved inside the one before. Any bad row rejects the file with 400 listing every ' +
    '`{row, column, reason}` (header = row 1); a good file is upserted in one transaction, and importing it again ' +
    'changes nothing. Blank contact cells keep stored contacts. An XLSX may unpack to at most 256 MiB (shared ' +
    'strings 32 MiB, 1,000,000 of them), a cell holds at most 32,767 characters and at most 100,000 rows are read, ' +
    'blank rows included: over a limit answers 413 `import.file-over-limit` naming it in `limit` and `max`.',
  request: { body: { required: true, content: { 'multipart/form-data': { schema: ImportBody } } } },
  responses: {
    200: { description: 'Imported', content: { 'application/json': { schema: ImportReportSchema } } },
    ...problemResponses(400, 401, 403, 413),
  },
});

const PURPOSE = '导入学生名单 / student import';

/** `POST /api/students/import`. */
export const importRoutes = createRouter();

// The role check comes before the body is parsed (multipart, then the spreadsheet); the service checks again.
importRoutes.use('/students/import', async (c, next) => {
  requirePermission(callerOf(c, PURPOSE), 'students.import');
  await next();
});

importRoutes.openapi(importRoute, async (c) => {
  const { file } = c.req.valid('form');
  const caller = callerOf(c, PURPOSE);
  // Read before the transaction opened (upload.ts); an app mounted without that step reads it here.
  const read =
    uploadReadBefore(c.req.raw) ??
    (await readImportFile(new Uint8Array(await file.arrayBuffer()), uploadFileName(file.name, 'file')));
  const report = await importStudents(caller, read);
  return c.json(report, 200);
});
