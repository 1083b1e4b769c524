import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { callerOf } from '../../auth/caller.ts';
import type { AuthedEnv } from '../../context.ts';
import { problemResponses } from '../../http/problem.ts';
import { createRouter } from '../../http/router.ts';
import { crisisWorkbook } from './export.ts';
import { knownLevelsOf } from './policy.ts';
import { presentHospital } from './present.ts';
import {
  AffectedBody,
  BoardQuery,
  CloseBody,
  CrisisBoardSchema,
  CrisisParams,
  CrisisReferralParams,
  CrisisSchema,
  CrisisStepParams,
  FamilyContactBody,
  HospitalBody,
  HospitalListSchema,
  HospitalParams,
  HospitalSchema,
  NewCrisisBody,
  ReferralAssessmentBody,
  ReferralBody,
  ReopenBody,
  ReviewBody,
  StepDoneBody,
  StepWaiveBody,
} from './schemas.ts';
import {
  addAffected,
  addFamilyContact,
  addReferral,
  assessReferral,
  changeHospital,
  closeCrisis,
  createHospital,
  crisisBoard,
  crisisDetail,
  listHospitalsOf,
  markStepDone,
  openCrisis,
  readCrisis,
  recordReview,
  removeHospital,
  reopenCrisis,
  waiveStep,
} from './service.ts';

const tags = ['crises'];
const json = <T>(schema: T) => ({ 'application/json': { schema } });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const boardRoute = createRoute({
  method: 'get',
  path: '/crises',
  tags,
  summary: 'The crisis board of your scope (危机看板)',
  description:
    'The crises of the students you run crises for (a station head: their college; the center: the school), open ' +
    'ones by default: level, current step, time open, late steps; counts per month and per college. Class psych ' +
    'committee members, dorm liaisons and school admins get 403.',
  request: { query: BoardQuery },
  responses: {
    200: { description: 'The board', content: json(CrisisBoardSchema) },
    ...problemResponses(400, 401, 403, 409),
  },
});

const exportRoute = createRoute({
  method: 'get',
  path: '/crises/export.xlsx',
  tags,
  summary: 'The crisis board as an XLSX workbook',
  request: { query: BoardQuery },
  responses: {
    200: {
      description: 'The workbook',
      content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } },
    },
    ...problemResponses(400, 401, 403, 409),
  },
});

const openRoute = createRoute({
  method: 'post',
  path: '/crises',
  tags,
  summary: 'Open a crisis (启动危机干预) about a student you see in full',
  description:
    'From exactly one of `studentId`, `concernReportId`, `caseId` or `screeningResultId` (a result whose ' +
    "follow-up carries a self-harm finding), at one of the levels of the school's crisis-protocol. The level's " +
    'steps are copied with their due times and the people they name are told at once (outbound: a count only).',
  request: { body: { required: true, content: json(NewCrisisBody) } },
  responses: {
    201: { description: 'The opened crisis', content: json(CrisisSchema) },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/crises/{id}',
  tags,
  summary:
    'One crisis: its protocol checklist with due times, family contacts, referrals, affected people, reviews, timeline',
  description: 'Audited with the purpose the `x-access-purpose` header states.',
  request: { params: CrisisParams },
  responses: {
    200: { description: 'The crisis', content: json(CrisisSchema) },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const answered = (description: string) => ({
  200: { description, content: json(CrisisSchema) },
  ...problemResponses(400, 401, 403, 404, 409),
});
const created = (description: string) => ({
  201: { description, content: json(CrisisSchema) },
  ...problemResponses(400, 401, 403, 404, 409),
});

const doneRoute = createRoute({
  method: 'post',
  path: '/crises/{id}/steps/{code}/done',
  tags,
  summary:
    'Mark a step done (only someone the protocol names for it, with what the step must have on record)',
  request: { params: CrisisStepParams, body: { required: true, content: json(StepDoneBody) } },
  responses: answered('The crisis with the step done'),
});

const waiveRoute = createRoute({
  method: 'post',
  path: '/crises/{id}/steps/{code}/waive',
  tags,
  summary: 'Waive a step with a reason (the center director)',
  request: { params: CrisisStepParams, body: { required: true, content: json(StepWaiveBody) } },
  responses: answered('The crisis with the step waived'),
});

const contactRoute = createRoute({
  method: 'post',
  path: '/crises/{id}/family-contacts',
  tags,
  summary:
    'Record a contact with the family (家校沟通): a guardian or a typed contact, when, how, what was agreed',
  request: { params: CrisisParams, body: { required: true, content: json(FamilyContactBody) } },
  responses: created('The crisis with the contact'),
});

const referralRoute = createRoute({
  method: 'post',
  path: '/crises/{id}/referrals',
  tags,
  summary: "Record a green-channel referral (绿色通道) to a hospital on the school's list",
  request: { params: CrisisParams, body: { required: true, content: json(ReferralBody) } },
  responses: created('The crisis with the referral'),
});

const assessmentRoute = createRoute({
  method: 'post',
  path: '/crises/{id}/referrals/{referralId}/assessment',
  tags,
  summary: "Record a referral's outcome and the return-to-school assessment (返校评估)",
  request: { params: CrisisReferralParams, body: { required: true, content: json(ReferralAssessmentBody) } },
  responses: answered('The crisis with the assessment'),
});

const affectedRoute = createRoute({
  method: 'post',
  path: '/crises/{id}/affected',
  tags,
  summary: 'Add a roommate, classmate or witness affected; their support case goes to their counsellor',
  request: { params: CrisisParams, body: { required: true, content: json(AffectedBody) } },
  responses: created('The crisis with the person affected'),
});

const closeRoute = createRoute({
  method: 'post',
  path: '/crises/{id}/close',
  tags,
  summary:
    'Close a crisis with a summary; refused while a required step is open or a referral lacks its assessment',
  description:
    'The review falls due by the protocol (e.g. one month), counted from the closing day in the working calendar.',
  request: { params: CrisisParams, body: { required: true, content: json(CloseBody) } },
  responses: answered('The closed crisis'),
});

const reopenRoute = createRoute({
  method: 'post',
  path: '/crises/{id}/reopen',
  tags,
  summary: 'Reopen a closed crisis with a reason',
  request: { params: CrisisParams, body: { required: true, content: json(ReopenBody) } },
  responses: answered('The reopened crisis'),
});

const reviewRoute = createRoute({
  method: 'post',
  path: '/crises/{id}/review',
  tags,
  summary: 'Record the review meeting (复盘会) with its written case report (the center)',
  request: { params: CrisisParams, body: { required: true, content: json(ReviewBody) } },
  responses: answered('The crisis with its review'),
});

const hospitalsTags = ['settings'];
const hospitalsRoute = createRoute({
  method: 'get',
  path: '/settings/hospitals',
  tags: hospitalsTags,
  summary: "The school's contracted hospitals and units (绿色通道)",
  responses: {
    200: { description: 'The list', content: json(HospitalListSchema) },
    ...problemResponses(401, 403),
  },
});
const createHospitalRoute = createRoute({
  method: 'post',
  path: '/settings/hospitals',
  tags: hospitalsTags,
  summary: 'Add a contracted hospital (school admin, the center)',
  request: { body: { required: true, content: json(HospitalBody) } },
  responses: {
    201: { description: 'Added', content: json(HospitalSchema) },
    ...problemResponses(400, 401, 403),
  },
});
const updateHospitalRoute = createRoute({
  method: 'put',
  path: '/settings/hospitals/{id}',
  tags: hospitalsTags,
  summary: 'Change a contracted hospital',
  request: { params: HospitalParams, body: { required: true, content: json(HospitalBody) } },
  responses: {
    200: { description: 'Changed', content: json(HospitalSchema) },
    ...problemResponses(400, 401, 403, 404),
  },
});
const deleteHospitalRoute = createRoute({
  method: 'delete',
  path: '/settings/hospitals/{id}',
  tags: hospitalsTags,
  summary: 'Take a hospital off the list (409 once a referral names it)',
  request: { params: HospitalParams },
  responses: {
    200: { description: 'The list left', content: json(HospitalListSchema) },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const pluginOf = (c: Context<AuthedEnv>) => c.var.plugins.active(c.var.me.school.code)?.compiled;
const levelsOf = (c: Context<AuthedEnv>) => knownLevelsOf(pluginOf(c));

/** `/api/crises…`: the crisis board, opening and running a crisis; `/api/settings/hospitals`: the green channel's list. */
export const crisesRoutes = createRouter()
  .openapi(boardRoute, async (c) => {
    const caller = callerOf(c, '危机看板 / crisis board');
    return c.json(
      await crisisBoard(caller, c.req.valid('query').status, await levelsOf(c), c.var.clock()),
      200,
    );
  })
  .openapi(exportRoute, async (c) => {
    const caller = callerOf(c, '导出危机看板 / export the crisis board');
    const board = await crisisBoard(caller, c.req.valid('query').status, await levelsOf(c), c.var.clock());
    return c.body(new Uint8Array(await crisisWorkbook(board)), 200, {
      'content-type': XLSX,
      'content-disposition': `attachment; filename="crises.xlsx"; filename*=UTF-8''${encodeURIComponent('危机事件.xlsx')}`,
    });
  })
  .openapi(openRoute, async (c) => {
    const caller = callerOf(c, '启动危机干预 / open a crisis');
    const id = await openCrisis(caller, c.req.valid('json'), pluginOf(c), c.var.clock());
    return c.json(await crisisDetail(caller, id, await levelsOf(c), c.var.clock()), 201);
  })
  .openapi(getRoute, async (c) => {
    const caller = callerOf(c, '查看危机事件 / crisis');
    return c.json(await readCrisis(caller, c.req.valid('param').id, await levelsOf(c), c.var.clock()), 200);
  })
  .openapi(doneRoute, async (c) => {
    const caller = callerOf(c, '危机处置 / run a crisis');
    const { id, code } = c.req.valid('param');
    await markStepDone(caller, id, code, c.req.valid('json').note, c.var.clock());
    return c.json(await crisisDetail(caller, id, await levelsOf(c), c.var.clock()), 200);
  })
  .openapi(waiveRoute, async (c) => {
    const caller = callerOf(c, '豁免危机处置步骤 / waive a crisis step');
    const { id, code } = c.req.valid('param');
    await waiveStep(caller, id, code, c.req.valid('json').reason, c.var.clock());
    return c.json(await crisisDetail(caller, id, await levelsOf(c), c.var.clock()), 200);
  })
  .openapi(contactRoute, async (c) => {
    const caller = callerOf(c, '家校沟通 / family contact');
    const { id } = c.req.valid('param');
    await addFamilyContact(caller, id, c.req.valid('json'), c.var.clock());
    return c.json(await crisisDetail(caller, id, await levelsOf(c), c.var.clock()), 201);
  })
  .openapi(referralRoute, async (c) => {
    const caller = callerOf(c, '绿色通道转介 / green-channel referral');
    const { id } = c.req.valid('param');
    await addReferral(caller, id, c.req.valid('json'), c.var.clock());
    return c.json(await crisisDetail(caller, id, await levelsOf(c), c.var.clock()), 201);
  })
  .openapi(assessmentRoute, async (c) => {
    const caller = callerOf(c, '返校评估 / return-to-school assessment');
    const { id, referralId } = c.req.valid('param');
    await assessReferral(caller, id, referralId, c.req.valid('json'), c.var.clock());
    return c.json(await crisisDetail(caller, id, await levelsOf(c), c.var.clock()), 200);
  })
  .openapi(affectedRoute, async (c) => {
    const caller = callerOf(c, '受影响人员 / people affected');
    const { id } = c.req.valid('param');
    await addAffected(caller, id, c.req.valid('json'), c.var.clock());
    return c.json(await crisisDetail(caller, id, await levelsOf(c), c.var.clock()), 201);
  })
  .openapi(closeRoute, async (c) => {
    const caller = callerOf(c, '危机结案 / close a crisis');
    const { id } = c.req.valid('param');
    await closeCrisis(caller, id, c.req.valid('json').summary, pluginOf(c), c.var.clock());
    return c.json(await crisisDetail(caller, id, await levelsOf(c), c.var.clock()), 200);
  })
  .openapi(reopenRoute, async (c) => {
    const caller = callerOf(c, '重新开启危机 / reopen a crisis');
    const { id } = c.req.valid('param');
    await reopenCrisis(caller, id, c.req.valid('json').reason);
    return c.json(await crisisDetail(caller, id, await levelsOf(c), c.var.clock()), 200);
  })
  .openapi(reviewRoute, async (c) => {
    const caller = callerOf(c, '危机复盘 / crisis review');
    const { id } = c.req.valid('param');
    await recordReview(caller, id, c.req.valid('json'));
    return c.json(await crisisDetail(caller, id, await levelsOf(c), c.var.clock()), 200);
  })
  .openapi(hospitalsRoute, async (c) => {
    const rows = await listHospitalsOf(callerOf(c, '合作医院 / contracted hospitals'));
    const now = c.var.clock();
    return c.json({ items: rows.map((row) => presentHospital(row, now)) }, 200);
  })
  .openapi(createHospitalRoute, async (c) => {
    const row = await createHospital(callerOf(c, '合作医院 / contracted hospitals'), c.req.valid('json'));
    return c.json(presentHospital(row, c.var.clock()), 201);
  })
  .openapi(updateHospitalRoute, async (c) => {
    const caller = callerOf(c, '合作医院 / contracted hospitals');
    const row = await changeHospital(caller, c.req.valid('param').id, c.req.valid('json'));
    return c.json(presentHospital(row, c.var.clock()), 200);
  })
  .openapi(deleteHospitalRoute, async (c) => {
    const caller = callerOf(c, '合作医院 / contracted hospitals');
    await removeHospital(caller, c.req.valid('param').id);
    const rows = await listHospitalsOf(caller);
    const now = c.var.clock();
    return c.json({ items: rows.map((row) => presentHospital(row, now)) }, 200);
  });
