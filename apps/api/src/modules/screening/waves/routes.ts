import { createRoute } from '@hono/zod-openapi';
import { academicYearOf } from '@xinqiao/calendar';
import type { Context } from 'hono';
import type { AuthedEnv } from '../../../context.ts';
import { problemResponses } from '../../../http/problem.ts';
import { createRouter } from '../../../http/router.ts';
import { recordAccess, statedPurpose } from '../../audit/record.ts';
import { screeningCaller } from '../access.ts';
import {
  IdParams,
  json,
  NewWaveBody,
  ProposedWavesSchema,
  WaveChangeBody,
  WaveDetailSchema,
  WaveListSchema,
  WaveStatusBody,
  YearQuery,
} from '../schemas.ts';
import { presentWave, presentWaveDetail } from './present.ts';
import { changeWave, createWave, listWaves, proposeWaves, setWaveStatus, waveDetail } from './service.ts';

const tags = ['screening'];

/** Audits a screening view or change: one row per request, in the request's transaction. */
export async function auditScreening(
  c: Context<AuthedEnv>,
  action: string,
  entity: string,
  entityId: string | null,
  purpose: string,
  studentId?: string,
): Promise<void> {
  await recordAccess(c.var.tx, c.var.me, {
    action,
    entity,
    entityId,
    studentId: studentId ?? null,
    purpose: statedPurpose(c.req.header('x-access-purpose'), purpose),
  });
}

const listRoute = createRoute({
  method: 'get',
  path: '/screening/waves',
  tags,
  summary: 'The screening waves of an academic year (default: the latest) with result counts per tier',
  description:
    'Counts are within the caller’s part of the network. Class committee members and dorm liaisons: 403.',
  request: { query: YearQuery },
  responses: { 200: { description: 'Waves', ...json(WaveListSchema) }, ...problemResponses(400, 401, 403) },
});

const proposedRoute = createRoute({
  method: 'get',
  path: '/screening/waves/proposed',
  tags,
  summary: 'The waves the school plugin’s screening cadence proposes for an academic year (center only)',
  request: { query: YearQuery },
  responses: {
    200: { description: 'Proposals', ...json(ProposedWavesSchema) },
    ...problemResponses(400, 401, 403),
  },
});

const createWaveRoute = createRoute({
  method: 'post',
  path: '/screening/waves',
  tags,
  summary: 'Create a planned wave (center only); 409 when the year has one of the same name and instrument',
  request: { body: { required: true, ...json(NewWaveBody) } },
  responses: {
    201: { description: 'The wave', ...json(WaveDetailSchema) },
    ...problemResponses(400, 401, 403, 409),
  },
});

const getWaveRoute = createRoute({
  method: 'get',
  path: '/screening/waves/{id}',
  tags,
  summary: 'A wave with its completion per college and class (students of the cohort, and how many screened)',
  request: { params: IdParams },
  responses: {
    200: { description: 'The wave', ...json(WaveDetailSchema) },
    ...problemResponses(400, 401, 403, 404),
  },
});

const changeRoute = createRoute({
  method: 'patch',
  path: '/screening/waves/{id}',
  tags,
  summary: 'Rename a wave, or move its window while it holds no results (center only)',
  description:
    '409 for a cancelled wave, a name the academic year already has for the instrument, or new dates of a wave ' +
    'with results; 400 naming the field for bad input (closesOn before opensOn).',
  request: { params: IdParams, body: { required: true, ...json(WaveChangeBody) } },
  responses: {
    200: { description: 'The wave', ...json(WaveDetailSchema) },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const statusRoute = createRoute({
  method: 'post',
  path: '/screening/waves/{id}/status',
  tags,
  summary:
    'Open, close or cancel a wave (center only): planned → open → closed, closed → open again; any → cancelled ' +
    '(final; refused with 409 while the wave holds results or an import runs)',
  request: { params: IdParams, body: { required: true, ...json(WaveStatusBody) } },
  responses: {
    200: { description: 'The wave', ...json(WaveDetailSchema) },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

/** Waves: list, proposals from the plugin's cadence, create, rename, open/close/cancel, completion. */
export const waveRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const waves = await listWaves(screeningCaller(c), c.req.valid('query').academicYear);
    await auditScreening(c, 'screening_waves.list', 'screening_wave', null, '查看筛查批次 / screening waves');
    return c.json({ waves: waves.map(presentWave) }, 200);
  })
  .openapi(proposedRoute, async (c) => {
    const year = c.req.valid('query').academicYear ?? academicYearOf(c.var.clock()).start;
    const plugin = c.var.plugins.active(c.var.me.school.code)?.compiled;
    const proposal = await proposeWaves(screeningCaller(c), plugin, year);
    return c.json({ academicYear: year, ...proposal }, 200);
  })
  .openapi(createWaveRoute, async (c) => {
    const detail = await createWave(screeningCaller(c), c.req.valid('json'));
    const id = detail.wave.id;
    await auditScreening(c, 'screening_wave.create', 'screening_wave', id, '创建筛查批次 / create wave');
    return c.json(presentWaveDetail(detail), 201);
  })
  .openapi(getWaveRoute, async (c) => {
    const { id } = c.req.valid('param');
    const detail = await waveDetail(screeningCaller(c), id); // 404 before anything is audited
    await auditScreening(
      c,
      'screening_wave.read',
      'screening_wave',
      id,
      '查看筛查完成情况 / wave completion',
    );
    return c.json(presentWaveDetail(detail), 200);
  })
  .openapi(changeRoute, async (c) => {
    const { id } = c.req.valid('param');
    const detail = await changeWave(screeningCaller(c), id, c.req.valid('json'));
    await auditScreening(c, 'screening_wave.update', 'screening_wave', id, '修改筛查批次 / change wave');
    return c.json(presentWaveDetail(detail), 200);
  })
  .openapi(statusRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { status } = c.req.valid('json');
    const detail = await setWaveStatus(screeningCaller(c), id, status);
    await auditScreening(
      c,
      `screening_wave.${status}`,
      'screening_wave',
      id,
      status === 'cancelled' ? '取消筛查批次 / cancel wave' : '开放或关闭筛查批次 / open or close wave',
    );
    return c.json(presentWaveDetail(detail), 200);
  });
