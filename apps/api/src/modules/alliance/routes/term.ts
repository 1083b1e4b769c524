import { createRoute, z } from '@hono/zod-openapi';
import { problemResponses } from '../../../http/problem.ts';
import { createRouter } from '../../../http/router.ts';
import { MemberLedgerSchema, RepricingPreviewSchema, TermStandingsSchema } from '../responses.ts';
import { allianceCaller, auditWrite, created, jsonBody, ok, tags } from '../route-kit.ts';
import { MemberIdParams, RepricingApplyBody, TermIdParams } from '../schemas.ts';
import { exportTerm, ledgerOf, reprice, repricingPreview, standingsOf } from '../services/term.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const standingsRoute = createRoute({
  method: 'get',
  path: '/alliance/terms/{termId}/standings',
  tags,
  summary:
    'The term sheet: scores (base + ledger), alliance and department ranks, sanctions with their records, eligibility',
  request: { params: TermIdParams },
  responses: ok('The standings', TermStandingsSchema),
});

const ledgerRoute = createRoute({
  method: 'get',
  path: '/alliance/members/{memberId}/ledger',
  tags,
  summary:
    "A member's ledger: every entry with its reason, rule, plugin version, record, author, and the running score",
  request: { params: MemberIdParams },
  responses: ok('The ledger', MemberLedgerSchema),
});

const previewRoute = createRoute({
  method: 'get',
  path: '/alliance/terms/{termId}/repricing',
  tags,
  summary: "What re-pricing the term under the school's current plugin would change (nothing is written)",
  request: { params: TermIdParams },
  responses: ok('The preview', RepricingPreviewSchema),
});

const applyRoute = createRoute({
  method: 'post',
  path: '/alliance/terms/{termId}/repricing',
  tags,
  summary: 'Apply the re-pricing a preview showed (send its fingerprint): reversing entries and new ones',
  request: { params: TermIdParams, ...jsonBody(RepricingApplyBody) },
  responses: created('What was applied', RepricingPreviewSchema),
});

const exportRoute = createRoute({
  method: 'get',
  path: '/alliance/terms/{termId}/export.xlsx',
  tags,
  summary: 'The term sheet as an XLSX workbook (scores and ranks, departments, every ledger line)',
  request: { params: TermIdParams },
  responses: {
    200: {
      description: 'The workbook',
      content: { [XLSX]: { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...problemResponses(401, 403, 404, 409),
  },
});

/** Routes that read the term (standings, ledgers, export) and re-price it. */
export const termRoutes = createRouter()
  .openapi(standingsRoute, async (c) =>
    c.json(await standingsOf(allianceCaller(c), c.req.valid('param').termId), 200),
  )
  .openapi(ledgerRoute, async (c) =>
    c.json(await ledgerOf(allianceCaller(c), c.req.valid('param').memberId), 200),
  )
  .openapi(previewRoute, async (c) =>
    c.json(await repricingPreview(allianceCaller(c), c.req.valid('param').termId), 200),
  )
  .openapi(applyRoute, async (c) => {
    const { fingerprint } = c.req.valid('json');
    const { term, applied } = await reprice(allianceCaller(c), c.req.valid('param').termId, fingerprint);
    await auditWrite(c, 'alliance_term.reprice', 'alliance_term', term.id);
    return c.json(applied, 201);
  })
  .openapi(exportRoute, async (c) => {
    const { term, workbook } = await exportTerm(allianceCaller(c), c.req.valid('param').termId);
    const filename = encodeURIComponent(`${term.name}-积分表.xlsx`);
    return c.body(workbook, 200, {
      'content-type': XLSX,
      'content-disposition': `attachment; filename="term.xlsx"; filename*=UTF-8''${filename}`,
    });
  });
