import { createRoute, z } from '@hono/zod-openapi';
import { toChinaDate } from '@xinqiao/calendar';
import type { Context } from 'hono';
import { callerOf } from '../../../auth/caller.ts';
import type { AuthedEnv } from '../../../context.ts';
import { problemResponses } from '../../../http/problem.ts';
import { createRouter } from '../../../http/router.ts';
import { assignCase } from '../../cases/assign.ts';
import { presentCase } from '../../cases/present.ts';
import { AssignBody, CaseSchema } from '../../cases/schemas.ts';
import { readsScreening } from '../../cases/service.ts';
import { screeningCaller, seesScores } from '../access.ts';
import { AttentionTierQuery, IdParams, json } from '../schemas.ts';
import { auditScreening } from '../waves/routes.ts';
import {
  presentFollowUp,
  presentHistory,
  presentResult,
  presentResultDetail,
  presentTierCounts,
} from './present.ts';
import {
  FollowUpListSchema,
  FollowUpQuery,
  HistorySchema,
  ResultDetailSchema,
  ResultPageSchema,
  TierCountListSchema,
} from './schemas.ts';
import { getResult, listFollowUps, listResults, studentHistory, tierCounts } from './service.ts';

const tags = ['screening'];
const resultsRoute = createRoute({
  method: 'get',
  path: '/screening/waves/{id}/results',
  tags,
  summary: 'A wave’s tier table: results in the caller’s scope, most serious first, with follow-ups',
  request: {
    params: IdParams,
    query: z.object({
      tier: AttentionTierQuery.optional(),
      collegeId: z.string().uuid().optional(),
      page: z.coerce.number().int().min(1).default(1),
      pageSize: z.coerce.number().int().min(1).max(500).default(50),
    }),
  },
  responses: {
    200: {
      description: 'A page of results',
      ...json(ResultPageSchema),
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

const tiersRoute = createRoute({
  method: 'get',
  path: '/screening/waves/{id}/tiers',
  tags,
  summary: 'Per college: students per tier and the share of tier-1 students interviewed within the deadline',
  description:
    'Interviews are case entries of kind `interview` on the follow-up, dated (China time) on or before its due ' +
    'date: real activity, not a status someone can set. Target of seed 003: 100%.',
  request: { params: IdParams },
  responses: {
    200: {
      description: 'Counts',
      ...json(TierCountListSchema),
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

const resultRoute = createRoute({
  method: 'get',
  path: '/screening/results/{id}',
  tags,
  summary: 'One result: tier and reasons; center staff also get the item answers and full scores',
  request: { params: IdParams },
  responses: {
    200: {
      description: 'The result',
      ...json(ResultDetailSchema),
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

const historyRoute = createRoute({
  method: 'get',
  path: '/screening/students/{id}/history',
  tags,
  summary: 'A student’s screening history: every wave, its tier and reasons, and the trend per instrument',
  request: { params: IdParams },
  responses: {
    200: {
      description: 'History',
      ...json(HistorySchema),
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

const followUpsRoute = createRoute({
  method: 'get',
  path: '/screening/follow-ups',
  tags,
  summary: 'Follow-ups of tier-1 results in the caller’s scope (overdue: no interview by the due date)',
  request: { query: FollowUpQuery },
  responses: {
    200: {
      description: 'Follow-ups',
      ...json(FollowUpListSchema),
    },
    ...problemResponses(400, 401, 403),
  },
});

const followUpAssignRoute = createRoute({
  method: 'post',
  path: '/screening/follow-ups/{id}/assign',
  tags,
  summary: 'Assign or reassign a follow-up: the same as POST /api/cases/{id}/assign (the id is the case’s)',
  request: {
    params: IdParams,
    body: { required: true, content: { 'application/json': { schema: AssignBody } } },
  },
  responses: {
    200: { description: 'The follow-up case with its new responsible person', ...json(CaseSchema) },
    ...problemResponses(400, 401, 403, 404),
  },
});

/** Today's date in China by the app's clock: what "overdue" is measured against. */
const todayOf = (c: Context<AuthedEnv>) => toChinaDate(c.var.clock());

/** Results: tier tables, counts with the interview KPI, one result (answers for the center), history, follow-ups. */
export const resultRoutes = createRouter()
  .openapi(resultsRoute, async (c) => {
    const caller = screeningCaller(c);
    const { id } = c.req.valid('param');
    const { rows, ...page } = await listResults(caller, id, c.req.valid('query'));
    await auditScreening(c, 'screening_results.list', 'screening_wave', id, '查看筛查分级名单 / tier table');
    const withScores = seesScores(caller);
    return c.json({ ...page, rows: rows.map((row) => presentResult(row, withScores, todayOf(c))) }, 200);
  })
  .openapi(tiersRoute, async (c) => {
    const { id } = c.req.valid('param');
    const colleges = await tierCounts(screeningCaller(c), id, todayOf(c));
    await auditScreening(c, 'screening_tiers.read', 'screening_wave', id, '查看分级统计 / tier counts');
    return c.json({ colleges: colleges.map(presentTierCounts) }, 200);
  })
  .openapi(resultRoute, async (c) => {
    const caller = screeningCaller(c);
    const { id } = c.req.valid('param');
    const withAnswers = seesScores(caller);
    const result = await getResult(caller, id, withAnswers);
    await auditScreening(
      c,
      withAnswers ? 'screening_answers.read' : 'screening_result.read',
      'screening_result',
      id,
      '查看筛查结果 / screening result',
      result.row.student_id,
    );
    return c.json(presentResultDetail(result, todayOf(c)), 200);
  })
  .openapi(historyRoute, async (c) => {
    const caller = screeningCaller(c);
    const { id } = c.req.valid('param');
    const history = await studentHistory(caller, id);
    await auditScreening(
      c,
      'screening_history.read',
      'student',
      id,
      '查看学生筛查历史 / screening history',
      id,
    );
    return c.json(presentHistory(history, seesScores(caller), todayOf(c)), 200);
  })
  .openapi(followUpsRoute, async (c) => {
    const today = todayOf(c);
    const { page, pageSize, ...filter } = c.req.valid('query');
    const { rows, total } = await listFollowUps(screeningCaller(c), filter, today, { page, pageSize });
    await auditScreening(c, 'screening_follow_ups.list', 'case', null, '查看筛查随访 / follow-ups');
    return c.json({ followUps: rows.map((row) => presentFollowUp(row, today)), total, page, pageSize }, 200);
  })
  .openapi(followUpAssignRoute, async (c) => {
    const caller = callerOf(c, '分派随访 / assign follow-up');
    const row = await assignCase(caller, c.req.valid('param').id, c.req.valid('json'));
    return c.json(presentCase(row, todayOf(c), readsScreening(caller)), 200);
  });
