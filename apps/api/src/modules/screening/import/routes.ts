import { createRoute } from '@hono/zod-openapi';
import { decodedHeader } from '../../../http/input-text.ts';
import { fieldError, invalidFields, problemResponses, requestLocale } from '../../../http/problem.ts';
import { createRouter } from '../../../http/router.ts';
import { uploadFileName } from '../../../http/upload-name.ts';
import { statedPurpose } from '../../audit/record.ts';
import { screeningCaller } from '../access.ts';
import { IdParams, ImportListSchema, ImportSchema, json } from '../schemas.ts';
import { auditScreening } from '../waves/routes.ts';
import { presentImport, presentImportSummary } from './present.ts';
import { IMPORT_BATCH_SIZE } from './run.ts';
import { getImport, importableWave, listImports, startImport } from './service.ts';
import { type SpooledFile, spoolUpload } from './spool.ts';

const tags = ['screening'];

const startRoute = createRoute({
  method: 'post',
  path: '/screening/waves/{id}/imports',
  tags,
  summary:
    'Start importing a CSV or XLSX file of a wave’s results (center only); poll the import for progress',
  description:
    'Send the file as the raw request body (`Content-Type: text/csv` or the XLSX type, file name in `x-file-name` ' +
    'or `?fileName=`), or as multipart field `file`. Columns: 学号/student_number (required), 姓名/name (checked ' +
    'against the student when given), 提交时间/submitted_at, 主动要求咨询/asks_for_counselling (UPI), and the ' +
    'answers: one column per item (Q1…Qn, 第1题…) or one 答案/answers column (`0,1,3,…` or `0113…`). Answers 202 ' +
    'with the import (the API’s body limit, 20 MiB by default, holds 50,000 SCL-90 rows as CSV); `GET /api/screening/imports/{id}` shows rows read, progress and row errors while it runs. ' +
    `Rows are stored in batches of ${IMPORT_BATCH_SIZE.toLocaleString('en')} (each batch one transaction) keyed by wave + student: the same file again ` +
    'changes nothing. Tier-1 results open a follow-up case for the student’s counsellor.',
  request: { params: IdParams },
  responses: {
    202: { description: 'The import, started', ...json(ImportSchema) },
    ...problemResponses(400, 401, 403, 404, 409, 413),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/screening/imports/{id}',
  tags,
  summary: 'An import’s progress and row errors `{row, column, reason}` (header = row 1), center only',
  request: { params: IdParams },
  responses: {
    200: { description: 'The import', ...json(ImportSchema) },
    ...problemResponses(400, 401, 403, 404),
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/screening/waves/{id}/imports',
  tags,
  summary: 'The imports of a wave, newest first (center only)',
  request: { params: IdParams },
  responses: {
    200: { description: 'Imports', ...json(ImportListSchema) },
    ...problemResponses(400, 401, 403, 404),
  },
});

/** Imports: start (202, runs in the background), progress, list. */
export const importRoutes = createRouter();

importRoutes
  .openapi(startRoute, async (c) => {
    const caller = screeningCaller(c);
    const { id: waveId } = c.req.valid('param');
    await importableWave(caller, waveId, c.var.plugins.active(c.var.me.school.code)?.compiled);
    const { file, fileName } = await receiveFile(c.req.raw, c.req.query('fileName'));
    try {
      const purpose = statedPurpose(c.req.header('x-access-purpose'), '导入筛查结果 / screening import');
      const importId = await startImport(caller, { waveId, file, fileName, purpose });
      await auditScreening(c, 'screening_import.create', 'screening_import', importId, purpose);
      c.header('location', `/api/screening/imports/${importId}`);
      return c.json(
        {
          id: importId,
          waveId,
          fileName,
          status: 'running' as const,
          progress: 0,
          rowsRead: 0,
          rowsAccepted: 0,
          rowsUnchanged: 0,
          rowsRejected: 0,
          followUpsOpened: 0,
          bytesRead: 0,
          bytesTotal: file.bytes,
          errors: [],
          stale: false,
          createdAt: c.var.clock().toISOString(),
          finishedAt: null,
        },
        202,
      );
    } finally {
      await file.remove();
    }
  })
  .openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param');
    const row = await getImport(screeningCaller(c), id);
    await auditScreening(
      c,
      'screening_import.read',
      'screening_import',
      id,
      '查看导入进度 / import progress',
    );
    return c.json(presentImport(row, c.var.clock(), requestLocale(c)), 200);
  })
  .openapi(listRoute, async (c) => {
    const { id } = c.req.valid('param');
    const rows = await listImports(screeningCaller(c), id);
    await auditScreening(c, 'screening_imports.list', 'screening_wave', id, '查看导入记录 / imports');
    const now = c.var.clock();
    return c.json({ imports: rows.map((row) => presentImportSummary(row, now)) }, 200);
  });

/** The uploaded file, spooled to disk: raw body (streamed) or multipart field `file`. */
async function receiveFile(
  request: Request,
  fileNameQuery: string | undefined,
): Promise<{ file: SpooledFile; fileName: string }> {
  const type = request.headers.get('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await request.formData();
    const upload = form.get('file');
    if (!(upload instanceof File)) {
      throw invalidFields([fieldError('file', 'import.file-missing')]);
    }
    const fileName = uploadFileName(upload.name || 'upload', 'file');
    return { file: await spoolUpload(upload.stream()), fileName };
  }
  if (!request.body) {
    throw invalidFields([fieldError('body', 'import.body-missing')]);
  }
  const header = decodedHeader(request.headers.get('x-file-name')) || undefined;
  const fileName =
    fileNameQuery !== undefined
      ? uploadFileName(fileNameQuery, 'fileName')
      : header !== undefined
        ? uploadFileName(header, 'x-file-name')
        : guessName(type);
  return { file: await spoolUpload(request.body), fileName };
}

function guessName(type: string): string {
  return type.includes('spreadsheetml') ? 'upload.xlsx' : 'upload.csv';
}
