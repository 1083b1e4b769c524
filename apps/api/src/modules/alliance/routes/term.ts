import { createRoute, z } from '@hono/zod-openapi';
import { requirePermission } from '../../../auth/caller.ts';
import { problemResponses } from '../../../http/problem.ts';
import { createRouter } from '../../../http/router.ts';
import { requireScorer } from '../access.ts';
import { termWorkbook } from '../export.ts';
import { alliancePluginOf } from '../pricing.ts';
import { entriesOfTerm } from '../queries/ledger.ts';
import { listMembers } from '../queries/members.ts';
import { applyRepricing, previewRepricing } from '../repricing.ts';
import { MemberLedgerSchema, RepricingPreviewSchema, TermStandingsSchema } from '../responses.ts';
import { allianceCaller, auditWrite, created, jsonBody, ok, tags } from '../route-kit.ts';
import { MemberIdParams, RepricingApplyBody, TermIdParams } from '../schemas.ts';
import { loadMember, loadTerm, requireOpenTerm } from '../service.ts';
import { termStandings } from '../standings.ts';
import { memberLedger } from '../views.ts';

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
  .openapi(standingsRoute, async (c) => {
    requirePermission(allianceCaller(c), 'alliance.read');
    const term = await loadTerm(c.var.tx, c.req.valid('param').termId);
    return c.json(await termStandings(c.var.tx, alliancePluginOf(c), term), 200);
  })
  .openapi(ledgerRoute, async (c) => {
    requirePermission(allianceCaller(c), 'alliance.read');
    const member = await loadMember(c.var.tx, c.req.valid('param').memberId);
    return c.json(await memberLedger(c.var.tx, alliancePluginOf(c), member), 200);
  })
  .openapi(previewRoute, async (c) => {
    requirePermission(allianceCaller(c), 'alliance.read');
    const term = await loadTerm(c.var.tx, c.req.valid('param').termId);
    return c.json(await previewRepricing(c.var.tx, alliancePluginOf(c), term), 200);
  })
  .openapi(applyRoute, async (c) => {
    const term = await loadTerm(c.var.tx, c.req.valid('param').termId);
    await requireScorer(allianceCaller(c), term.id);
    requireOpenTerm(term);
    const plugin = alliancePluginOf(c);
    const applied = await applyRepricing(
      c.var.tx,
      plugin,
      term,
      c.req.valid('json').fingerprint,
      c.var.me.person.id,
    );
    await auditWrite(c, 'alliance_term.reprice', 'alliance_term', term.id);
    return c.json(applied, 201);
  })
  .openapi(exportRoute, async (c) => {
    requirePermission(allianceCaller(c), 'alliance.read');
    const term = await loadTerm(c.var.tx, c.req.valid('param').termId);
    const [standings, entries, members] = await Promise.all([
      termStandings(c.var.tx, alliancePluginOf(c), term),
      entriesOfTerm(c.var.tx, term.id),
      listMembers(c.var.tx, term.id, { includeInactive: true }),
    ]);
    const workbook = await termWorkbook(standings, entries, new Map(members.map((m) => [m.id, m.name])));
    const filename = encodeURIComponent(`${term.name}-积分表.xlsx`);
    return c.body(new Uint8Array(workbook), 200, {
      'content-type': XLSX,
      'content-disposition': `attachment; filename="term.xlsx"; filename*=UTF-8''${filename}`,
    });
  });
