import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { callerOf } from '../../auth/caller.ts';
import type { AuthedEnv } from '../../context.ts';
import { problemResponses } from '../../http/problem.ts';
import { createRouter } from '../../http/router.ts';
import { keyStudentPolicyOf } from '../key-students/policy.ts';
import { caseWorkWorkbook } from './export.ts';
import { caseWorkKpis } from './kpis.ts';
import { CaseWorkKpisSchema } from './schemas.ts';

const tags = ['case-work'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const kpisRoute = createRoute({
  method: 'get',
  path: '/case-work/kpis',
  tags,
  summary:
    'The KPIs that follow from the work, per college and for all you see (station heads: their college)',
  responses: {
    200: { description: 'The figures', content: { 'application/json': { schema: CaseWorkKpisSchema } } },
    ...problemResponses(401, 403),
  },
});

const exportRoute = createRoute({
  method: 'get',
  path: '/case-work/kpis/export.xlsx',
  tags,
  summary: 'The same KPIs as an XLSX sheet',
  responses: {
    200: {
      description: 'The workbook',
      content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } },
    },
    ...problemResponses(401, 403),
  },
});

/** The KPIs of what the caller sees, the key-student talks counted with the school's interval. */
const kpisOf = async (c: Context<AuthedEnv>, purpose: string) =>
  caseWorkKpis(
    callerOf(c, purpose),
    await keyStudentPolicyOf(c.var.plugins.active(c.var.me.school.code)?.compiled),
    c.var.clock(),
  );

/** `/api/case-work/kpis…`: tier-1 talks in time, reports triaged in time, key students talked to this week. */
export const caseWorkRoutes = createRouter()
  .openapi(kpisRoute, async (c) => c.json(await kpisOf(c, '个案工作指标 / case-work KPIs'), 200))
  .openapi(exportRoute, async (c) => {
    const kpis = await kpisOf(c, '导出个案工作指标 / export case-work KPIs');
    return c.body(new Uint8Array(await caseWorkWorkbook(kpis)), 200, {
      'content-type': XLSX,
      'content-disposition': `attachment; filename="case-work-kpis.xlsx"; filename*=UTF-8''${encodeURIComponent('个案工作指标.xlsx')}`,
    });
  });
