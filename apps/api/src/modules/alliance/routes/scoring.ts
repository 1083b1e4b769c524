import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AuthedEnv } from '../../../context.ts';
import { createRouter } from '../../../http/router.ts';
import { presentEntry, presentRecord, presentWritten } from '../present.ts';
import type { Written } from '../records.ts';
import {
  AbsencesSchema,
  CorrectedSchema,
  DepartmentFindingSchema,
  EventSheetSchema,
  MissingSubmissionsSchema,
  RecordListSchema,
  WrittenListSchema,
  WrittenSchema,
} from '../responses.ts';
import { allianceCaller, auditWrite, created, jsonBody, ok, tags } from '../route-kit.ts';
import {
  AcknowledgeBody,
  ApprovalBody,
  CheckInBody,
  CloseTaskBody,
  CorrectionBody,
  CreateRecordBody,
  DepartmentFindingBody,
  EarlyLeaveBody,
  EventIdParams,
  FullAttendanceBody,
  LeaveBody,
  MemberBody,
  RecordIdParams,
  RecordsQuery,
  SubmitBody,
  TaskIdParams,
  TermIdParams,
} from '../schemas.ts';
import {
  acknowledgeTask,
  approveRecord,
  checkIn,
  closeEvent,
  closeTask,
  correct,
  createRecord,
  departmentFinding,
  fullAttendance,
  markAbsent,
  recordEarlyLeave,
  recordsOf,
  requestLeave,
  sheetOf,
  submitTask,
} from '../services/scoring.ts';

const WRITTEN = 'The record and the ledger entries it booked';

const sheetRoute = createRoute({
  method: 'get',
  path: '/alliance/events/{eventId}/sheet',
  tags,
  summary:
    "A meeting's or task's sheet: expected members, their records, the plugin's verdict and points, scores",
  request: { params: EventIdParams },
  responses: ok('The sheet', EventSheetSchema),
});

const eventPost = (path: string, summary: string, body: Parameters<typeof jsonBody>[0]) =>
  createRoute({
    method: 'post',
    path: `/alliance/events/{eventId}/${path}`,
    tags,
    summary,
    request: { params: EventIdParams, ...jsonBody(body) },
    responses: created(WRITTEN, WrittenSchema),
  });

const checkInRoute = createRoute({
  method: 'post',
  path: '/alliance/events/{eventId}/check-ins',
  tags,
  summary:
    'Check a member in: the arrival time is recorded, the plugin decides on time, late or absent (10-minute rule)',
  description:
    'Refused with 409 for a closed event or a second check-in of the same member; with 400 naming memberId for ' +
    'someone who is not a member expected at the event. Nothing is written when refused.',
  request: { params: EventIdParams, ...jsonBody(CheckInBody) },
  responses: created('The check-in record and the ledger entries it booked', WrittenSchema),
});
const leaveRoute = createRoute({
  method: 'post',
  path: '/alliance/events/{eventId}/leave-requests',
  tags,
  summary: 'Record a leave request instead of a check-in; the plugin prices being on leave',
  request: { params: EventIdParams, ...jsonBody(LeaveBody) },
  responses: created(WRITTEN, WrittenSchema),
});
const absenceRoute = eventPost(
  'absences',
  'Record a member absent without leave now (meetings also do it on close)',
  MemberBody,
);
const earlyLeaveRoute = createRoute({
  method: 'post',
  path: '/alliance/events/{eventId}/early-leaves',
  tags,
  summary: 'Record that a checked-in member left early',
  request: { params: EventIdParams, ...jsonBody(EarlyLeaveBody) },
  responses: created(WRITTEN, WrittenSchema),
});
const closeRoute = createRoute({
  method: 'post',
  path: '/alliance/events/{eventId}/close',
  tags,
  summary: 'Close an event: expected members of a meeting or duty shift without a record are recorded absent',
  request: { params: EventIdParams },
  responses: ok('The absences recorded', AbsencesSchema),
});

const taskPost = <B extends Parameters<typeof jsonBody>[0]>(path: string, summary: string, body: B) =>
  createRoute({
    method: 'post',
    path: `/alliance/tasks/{taskId}/${path}`,
    tags,
    summary,
    request: { params: TaskIdParams, ...jsonBody(body) },
    responses: created(WRITTEN, WrittenSchema),
  });
const acknowledgeRoute = taskPost(
  'acknowledgements',
  'Record that a member acknowledged a task (答收到)',
  AcknowledgeBody,
);
const submitRoute = taskPost(
  'submissions',
  'Record a submission: first, on time or overdue by the deadline; priced by the plugin',
  SubmitBody,
);
const closeTaskRoute = createRoute({
  method: 'post',
  path: '/alliance/tasks/{taskId}/close',
  tags,
  summary:
    'Close a task: members without a submission are priced as acknowledged-but-missing or never acknowledged',
  request: { params: TaskIdParams, ...jsonBody(CloseTaskBody) },
  responses: ok('The records written on close', MissingSubmissionsSchema),
});

const createRecordRoute = createRoute({
  method: 'post',
  path: '/alliance/records',
  tags,
  summary:
    'Record a rating, minutes, contribution, discipline, reward, mistake or finding against a member or department',
  description:
    'Priced by the plugin. A reward outside the range the plugin allows answers 400 naming requestedPoints; a reward ' +
    'the plugin says needs everyone’s recognition is stored pending approval and books nothing until approved.',
  request: jsonBody(CreateRecordBody),
  responses: created('The records and the ledger entries they booked', WrittenListSchema),
});
const approvalRoute = createRoute({
  method: 'post',
  path: '/alliance/records/{recordId}/approval',
  tags,
  summary: 'Approve (book at the plugin’s price) or reject a reward waiting for approval',
  request: { params: RecordIdParams, ...jsonBody(ApprovalBody) },
  responses: ok('The record and the entries booked', WrittenSchema),
});
const correctionRoute = createRoute({
  method: 'post',
  path: '/alliance/records/{recordId}/corrections',
  tags,
  summary:
    'Correct a record (arrival time, attendance, facts) or void it: reversing entries with the reason and who',
  request: { params: RecordIdParams, ...jsonBody(CorrectionBody) },
  responses: created('The corrected record, the reversing and the new entries', CorrectedSchema),
});
const recordsRoute = createRoute({
  method: 'get',
  path: '/alliance/terms/{termId}/records',
  tags,
  summary: 'Records of a term, e.g. rewards waiting for approval',
  request: { params: TermIdParams, query: RecordsQuery },
  responses: ok('The records', RecordListSchema),
});
const fullAttendanceRoute = createRoute({
  method: 'post',
  path: '/alliance/terms/{termId}/full-attendance',
  tags,
  summary: 'Run an assessment of full attendance over a period (seed 002: +3 per assessment, by the plugin)',
  request: { params: TermIdParams, ...jsonBody(FullAttendanceBody) },
  responses: created('The full-attendance records written', WrittenListSchema),
});
const departmentFindingRoute = createRoute({
  method: 'post',
  path: '/alliance/terms/{termId}/department-findings',
  tags,
  summary: 'Record a finding about a department (a late proposal, a routine meeting not held on time...)',
  request: { params: TermIdParams, ...jsonBody(DepartmentFindingBody) },
  responses: created('The finding', DepartmentFindingSchema),
});

async function audited(c: Context<AuthedEnv>, written: Written[]) {
  for (const w of written) await auditWrite(c, 'alliance_record.create', 'alliance_record', w.record.id);
  return written.map(presentWritten);
}

/** Routes that record what members did and book it in the ledger. */
export const scoringRoutes = createRouter()
  .openapi(sheetRoute, async (c) =>
    c.json(await sheetOf(allianceCaller(c), c.req.valid('param').eventId), 200),
  )
  .openapi(checkInRoute, async (c) => {
    const written = await checkIn(allianceCaller(c), c.req.valid('param').eventId, c.req.valid('json'));
    const [json] = await audited(c, [written]);
    return c.json(json!, 201);
  })
  .openapi(leaveRoute, async (c) => {
    const written = await requestLeave(allianceCaller(c), c.req.valid('param').eventId, c.req.valid('json'));
    const [json] = await audited(c, [written]);
    return c.json(json!, 201);
  })
  .openapi(absenceRoute, async (c) => {
    const { memberId } = c.req.valid('json') as { memberId: string };
    const written = await markAbsent(allianceCaller(c), c.req.valid('param').eventId, memberId);
    const [json] = await audited(c, [written]);
    return c.json(json!, 201);
  })
  .openapi(earlyLeaveRoute, async (c) => {
    const caller = allianceCaller(c);
    const written = await recordEarlyLeave(caller, c.req.valid('param').eventId, c.req.valid('json'));
    const [json] = await audited(c, [written]);
    return c.json(json!, 201);
  })
  .openapi(closeRoute, async (c) => {
    const { event, written } = await closeEvent(allianceCaller(c), c.req.valid('param').eventId);
    const absences = await audited(c, written);
    await auditWrite(c, 'alliance_event.close', 'alliance_event', event.id);
    return c.json({ absences }, 200);
  })
  .openapi(acknowledgeRoute, async (c) => {
    const body = c.req.valid('json') as { memberId: string; at?: string };
    const written = await acknowledgeTask(allianceCaller(c), c.req.valid('param').taskId, body);
    const [json] = await audited(c, [written]);
    return c.json(json!, 201);
  })
  .openapi(submitRoute, async (c) => {
    const body = c.req.valid('json') as { memberId: string; submittedAt?: string; requestedPoints?: number };
    const written = await submitTask(allianceCaller(c), c.req.valid('param').taskId, body);
    const [json] = await audited(c, [written]);
    return c.json(json!, 201);
  })
  .openapi(closeTaskRoute, async (c) => {
    const caller = allianceCaller(c);
    const { requestedPoints } = c.req.valid('json');
    const { task, written } = await closeTask(caller, c.req.valid('param').taskId, requestedPoints);
    const missing = await audited(c, written);
    await auditWrite(c, 'alliance_task.close', 'alliance_event', task.id);
    return c.json({ missing }, 200);
  })
  .openapi(createRecordRoute, async (c) => {
    const written = await createRecord(allianceCaller(c), c.req.valid('json'));
    return c.json({ records: await audited(c, written) }, 201);
  })
  .openapi(approvalRoute, async (c) => {
    const caller = allianceCaller(c);
    const { approve } = c.req.valid('json');
    const { record, written } = await approveRecord(caller, c.req.valid('param').recordId, approve);
    await auditWrite(c, 'alliance_record.approve', 'alliance_record', record.id);
    return c.json(presentWritten(written), 200);
  })
  .openapi(correctionRoute, async (c) => {
    const { record, corrected } = await correct(
      allianceCaller(c),
      c.req.valid('param').recordId,
      c.req.valid('json'),
    );
    await auditWrite(c, 'alliance_record.correct', 'alliance_record', record.id);
    return c.json({ ...presentWritten(corrected), reversed: corrected.reversed.map(presentEntry) }, 201);
  })
  .openapi(recordsRoute, async (c) => {
    const rows = await recordsOf(allianceCaller(c), c.req.valid('param').termId, c.req.valid('query'));
    return c.json({ records: rows.map(presentRecord) }, 200);
  })
  .openapi(fullAttendanceRoute, async (c) => {
    const caller = allianceCaller(c);
    const written = await fullAttendance(caller, c.req.valid('param').termId, c.req.valid('json'));
    return c.json({ records: await audited(c, written) }, 201);
  })
  .openapi(departmentFindingRoute, async (c) => {
    const body = c.req.valid('json');
    const finding = await departmentFinding(allianceCaller(c), c.req.valid('param').termId, body);
    await auditWrite(c, 'alliance_department_finding.create', 'alliance_event', finding.id);
    return c.json(
      { id: finding.id, departmentId: body.departmentId, finding: body.finding, note: body.note ?? null },
      201,
    );
  });
