import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { callerOf } from '../../auth/caller.ts';
import type { AuthedEnv } from '../../context.ts';
import { problemResponses } from '../../http/problem.ts';
import { createRouter } from '../../http/router.ts';
import { coverageWorkbook, financialCoverage } from './coverage.ts';
import {
  addContact,
  addNote,
  evaluateFile,
  filesOfStudentFor,
  nameResponsible,
  readFile,
  writePlan,
} from './files.ts';
import { cardPdf, listCardsPdf, responsibilityPdf, volunteerPdf } from './print.ts';
import {
  addAid,
  addHomeVisit,
  addSanction,
  certifyHardship,
  enterFailedCourses,
  revokeSanction,
  studentRecords,
} from './records.ts';
import {
  AddEntryBody,
  AidBody,
  ContactBody,
  CoverageQuery,
  CoverageSchema,
  EntryParams,
  EvaluationBody,
  FailedCoursesBody,
  HardshipBody,
  HomeVisitBody,
  IdParams,
  ListsQuery,
  NoteBody,
  PlanBody,
  ProposeBody,
  RemoveEntryBody,
  ResponsibleBody,
  RevokeBody,
  SanctionBody,
  StudentFilesSchema,
  StudentQuery,
  StudentRecordsSchema,
  SupportFileSchema,
  SupportListSchema,
  SupportListsSchema,
} from './schemas.ts';
import { addEntry, classesOfTerm, confirmList, proposeList, readList, removeEntry } from './service.ts';

const tags = ['support'];
const json = <T>(schema: T) => ({ 'application/json': { schema } });
const body = <T>(schema: T) => ({ body: { required: true, content: json(schema) } });
const PDF = 'application/pdf';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const Ok = z.object({ ok: z.literal(true) }).openapi('SupportOk');
const binary = (type: string, description: string) => ({
  200: { description, content: { [type]: { schema: z.string().openapi({ format: 'binary' }) } } },
});

const listsRoute = createRoute({
  method: 'get',
  path: '/support/lists',
  tags,
  summary: "The classes you run support for, with the term's support list of each",
  request: { query: ListsQuery },
  responses: {
    200: {
      description: "The classes you run support for, with the term's support list of each",
      content: json(SupportListsSchema),
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

const proposeRoute = createRoute({
  method: 'post',
  path: '/support/lists',
  tags,
  summary: "Propose a class's support list by the school's support-targets rules",
  request: { ...body(ProposeBody) },
  responses: {
    201: {
      description: "Propose a class's support list by the school's support-targets rules",
      content: json(SupportListSchema),
    },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/support/lists/{id}',
  tags,
  summary: 'A support list with categories and facts (audited)',
  request: { params: IdParams },
  responses: {
    200: {
      description: 'A support list with categories and facts (audited)',
      content: json(SupportListSchema),
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

const addRoute = createRoute({
  method: 'post',
  path: '/support/lists/{id}/entries',
  tags,
  summary: 'Add a student with the categories and a reason',
  request: { params: IdParams, ...body(AddEntryBody) },
  responses: {
    200: { description: 'Add a student with the categories and a reason', content: json(SupportListSchema) },
    ...problemResponses(400, 401, 403, 404),
  },
});

const removeRoute = createRoute({
  method: 'post',
  path: '/support/lists/{id}/entries/{entryId}/remove',
  tags,
  summary: 'Remove a student from the list with a reason',
  request: { params: EntryParams, ...body(RemoveEntryBody) },
  responses: {
    200: { description: 'Remove a student from the list with a reason', content: json(SupportListSchema) },
    ...problemResponses(400, 401, 403, 404),
  },
});

const confirmRoute = createRoute({
  method: 'post',
  path: '/support/lists/{id}/confirm',
  tags,
  summary: 'Confirm the list: each student gets a support file',
  request: { params: IdParams },
  responses: {
    200: {
      description: 'Confirm the list: each student gets a support file',
      content: json(SupportListSchema),
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

const cardsRoute = createRoute({
  method: 'get',
  path: '/support/lists/{id}/cards.pdf',
  tags,
  summary: "The class's record cards (学生帮扶教育记录卡) in one PDF",
  request: { params: IdParams },
  responses: {
    ...binary(PDF, "The class's record cards (学生帮扶教育记录卡) in one PDF"),
    ...problemResponses(400, 401, 403, 404),
  },
});

const responsibilityRoute = createRoute({
  method: 'get',
  path: '/support/lists/{id}/letters/responsibility.pdf',
  tags,
  summary: "Attachment 1: the head teacher's responsibility letter",
  request: { params: IdParams },
  responses: {
    ...binary(PDF, "Attachment 1: the head teacher's responsibility letter"),
    ...problemResponses(400, 401, 403, 404),
  },
});

const volunteerRoute = createRoute({
  method: 'get',
  path: '/support/lists/{id}/letters/volunteer.pdf',
  tags,
  summary: "Attachment 2: the helpers' volunteer letters",
  request: { params: IdParams },
  responses: {
    ...binary(PDF, "Attachment 2: the helpers' volunteer letters"),
    ...problemResponses(400, 401, 403, 404),
  },
});

const studentFilesRoute = createRoute({
  method: 'get',
  path: '/support/files',
  tags,
  summary: 'The support files of a student',
  request: { query: StudentQuery },
  responses: {
    200: { description: 'The support files of a student', content: json(StudentFilesSchema) },
    ...problemResponses(400, 401, 403, 404),
  },
});

const fileRoute = createRoute({
  method: 'get',
  path: '/support/files/{id}',
  tags,
  summary: 'A support file (audited)',
  request: { params: IdParams },
  responses: {
    200: { description: 'A support file (audited)', content: json(SupportFileSchema) },
    ...problemResponses(400, 401, 403, 404),
  },
});

const cardRoute = createRoute({
  method: 'get',
  path: '/support/files/{id}/card.pdf',
  tags,
  summary: "The student's record card (A4, both sides, two copies)",
  request: { params: IdParams },
  responses: {
    ...binary(PDF, "The student's record card (A4, both sides, two copies)"),
    ...problemResponses(400, 401, 403, 404),
  },
});

const responsibleRoute = createRoute({
  method: 'put',
  path: '/support/files/{id}/responsible',
  tags,
  summary: 'Name the responsible person (帮扶责任人)',
  request: { params: IdParams, ...body(ResponsibleBody) },
  responses: {
    200: { description: 'Name the responsible person (帮扶责任人)', content: json(SupportFileSchema) },
    ...problemResponses(400, 401, 403, 404),
  },
});

const planRoute = createRoute({
  method: 'put',
  path: '/support/files/{id}/plan',
  tags,
  summary: 'Write the plan (the six contents)',
  request: { params: IdParams, ...body(PlanBody) },
  responses: {
    200: { description: 'Write the plan (the six contents)', content: json(SupportFileSchema) },
    ...problemResponses(400, 401, 403, 404),
  },
});

const noteRoute = createRoute({
  method: 'post',
  path: '/support/files/{id}/notes',
  tags,
  summary: 'Add to the process record',
  request: { params: IdParams, ...body(NoteBody) },
  responses: {
    201: { description: 'Add to the process record', content: json(SupportFileSchema) },
    ...problemResponses(400, 401, 403, 404),
  },
});

const contactRoute = createRoute({
  method: 'post',
  path: '/support/files/{id}/parent-contacts',
  tags,
  summary: 'Log a parent contact',
  request: { params: IdParams, ...body(ContactBody) },
  responses: {
    201: { description: 'Log a parent contact', content: json(SupportFileSchema) },
    ...problemResponses(400, 401, 403, 404),
  },
});

const evaluationRoute = createRoute({
  method: 'post',
  path: '/support/files/{id}/evaluation',
  tags,
  summary: "The head teacher's evaluation (from the term's end)",
  request: { params: IdParams, ...body(EvaluationBody) },
  responses: {
    200: {
      description: "The head teacher's evaluation (from the term's end)",
      content: json(SupportFileSchema),
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

const recordsRoute = createRoute({
  method: 'get',
  path: '/support/records',
  tags,
  summary:
    "A student's sanctions, hardship certifications, aids, entered failed courses and home visits (audited)",
  request: { query: StudentQuery },
  responses: {
    200: {
      description:
        "A student's sanctions, hardship certifications, aids, entered failed courses and home visits (audited)",
      content: json(StudentRecordsSchema),
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

const sanctionRoute = createRoute({
  method: 'post',
  path: '/support/sanctions',
  tags,
  summary: 'Record a disciplinary sanction',
  request: { ...body(SanctionBody) },
  responses: {
    201: { description: 'Record a disciplinary sanction', content: json(Ok) },
    ...problemResponses(400, 401, 403, 404),
  },
});

const revokeRoute = createRoute({
  method: 'post',
  path: '/support/sanctions/{id}/revoke',
  tags,
  summary: 'Revoke a sanction',
  request: { params: IdParams, ...body(RevokeBody) },
  responses: {
    200: { description: 'Revoke a sanction', content: json(Ok) },
    ...problemResponses(400, 401, 403, 404),
  },
});

const hardshipRoute = createRoute({
  method: 'post',
  path: '/support/hardship',
  tags,
  summary: 'Certify economic hardship for a term',
  request: { ...body(HardshipBody) },
  responses: {
    201: { description: 'Certify economic hardship for a term', content: json(Ok) },
    ...problemResponses(400, 401, 403, 404),
  },
});

const aidRoute = createRoute({
  method: 'post',
  path: '/support/aids',
  tags,
  summary: 'Record an aid (the five aids)',
  request: { ...body(AidBody) },
  responses: {
    201: { description: 'Record an aid (the five aids)', content: json(Ok) },
    ...problemResponses(400, 401, 403, 404),
  },
});

const failedRoute = createRoute({
  method: 'post',
  path: '/support/failed-courses',
  tags,
  summary: "Enter a term's failed-course count (no grades feed)",
  request: { ...body(FailedCoursesBody) },
  responses: {
    200: { description: "Enter a term's failed-course count (no grades feed)", content: json(Ok) },
    ...problemResponses(400, 401, 403, 404),
  },
});

const visitRoute = createRoute({
  method: 'post',
  path: '/support/home-visits',
  tags,
  summary: 'Record a home visit (家访)',
  request: { ...body(HomeVisitBody) },
  responses: {
    201: { description: 'Record a home visit (家访)', content: json(Ok) },
    ...problemResponses(400, 401, 403, 404),
  },
});

const coverageRoute = createRoute({
  method: 'get',
  path: '/support/financial/coverage',
  tags,
  summary: "Financial-support coverage per college against the school's target (counts only)",
  request: { query: CoverageQuery },
  responses: {
    200: {
      description: "Financial-support coverage per college against the school's target (counts only)",
      content: json(CoverageSchema),
    },
    ...problemResponses(400, 401, 403),
  },
});

const coverageExportRoute = createRoute({
  method: 'get',
  path: '/support/financial/coverage.xlsx',
  tags,
  summary: 'The coverage as an XLSX workbook',
  request: { query: CoverageQuery },
  responses: { ...binary(XLSX, 'The coverage as an XLSX workbook'), ...problemResponses(400, 401, 403) },
});

const pluginOf = (c: Context<AuthedEnv>) => c.var.plugins.active(c.var.me.school.code)?.compiled;
const pdf = (c: Context<AuthedEnv>, bytes: Buffer, name: string) =>
  c.body(new Uint8Array(bytes), 200, {
    'content-type': PDF,
    'content-disposition': `inline; filename="support.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`,
  });
const ok = { ok: true as const };
const list = async (c: Context<AuthedEnv>, id: string) =>
  readList(callerOf(c, '帮扶名单 / support list'), id);
const file = async (c: Context<AuthedEnv>, id: string) =>
  readFile(callerOf(c, '帮扶档案 / support file'), id);

/** `/api/support/…`: support lists, support files and their record cards, financial support, home visits. */
export const supportRoutes = createRouter()
  .openapi(listsRoute, async (c) => {
    const caller = callerOf(c, '帮扶名单 / support lists');
    return c.json(await classesOfTerm(caller, c.req.valid('query').term, c.var.clock()), 200);
  })
  .openapi(proposeRoute, async (c) => {
    const caller = callerOf(c, '生成帮扶名单 / propose a support list');
    const id = await proposeList(caller, pluginOf(c), c.req.valid('json'), c.var.clock());
    return c.json(await list(c, id), 201);
  })
  .openapi(listRoute, async (c) => c.json(await list(c, c.req.valid('param').id), 200))
  .openapi(addRoute, async (c) => {
    const { id } = c.req.valid('param');
    await addEntry(
      callerOf(c, '调整帮扶名单 / change a support list'),
      pluginOf(c),
      id,
      c.req.valid('json'),
      c.var.clock(),
    );
    return c.json(await list(c, id), 200);
  })
  .openapi(removeRoute, async (c) => {
    const { id, entryId } = c.req.valid('param');
    const caller = callerOf(c, '调整帮扶名单 / change a support list');
    await removeEntry(caller, id, entryId, c.req.valid('json').reason, c.var.clock());
    return c.json(await list(c, id), 200);
  })
  .openapi(confirmRoute, async (c) => {
    const { id } = c.req.valid('param');
    await confirmList(callerOf(c, '确认帮扶名单 / confirm a support list'), pluginOf(c), id, c.var.clock());
    return c.json(await list(c, id), 200);
  })
  .openapi(cardsRoute, async (c) => {
    const bytes = await listCardsPdf(
      callerOf(c, '打印帮扶记录卡 / print record cards'),
      c.req.valid('param').id,
    );
    return pdf(c, bytes, '学生帮扶教育记录卡.pdf');
  })
  .openapi(responsibilityRoute, async (c) => {
    const bytes = await responsibilityPdf(
      callerOf(c, '打印帮扶责任书 / print letters'),
      c.req.valid('param').id,
    );
    return pdf(c, bytes, '学业困难学生帮扶计划责任书.pdf');
  })
  .openapi(volunteerRoute, async (c) => {
    const bytes = await volunteerPdf(callerOf(c, '打印帮扶志愿书 / print letters'), c.req.valid('param').id);
    return pdf(c, bytes, '学业困难帮扶志愿书.pdf');
  })
  .openapi(studentFilesRoute, async (c) => {
    const caller = callerOf(c, '帮扶档案 / support files');
    return c.json(await filesOfStudentFor(caller, c.req.valid('query').studentId), 200);
  })
  .openapi(fileRoute, async (c) => c.json(await file(c, c.req.valid('param').id), 200))
  .openapi(cardRoute, async (c) => {
    const bytes = await cardPdf(callerOf(c, '打印帮扶记录卡 / print a record card'), c.req.valid('param').id);
    return pdf(c, bytes, '学生帮扶教育记录卡.pdf');
  })
  .openapi(responsibleRoute, async (c) => {
    const { id } = c.req.valid('param');
    await nameResponsible(callerOf(c, '指定帮扶责任人 / name the helper'), id, c.req.valid('json'));
    return c.json(await file(c, id), 200);
  })
  .openapi(planRoute, async (c) => {
    const { id } = c.req.valid('param');
    await writePlan(callerOf(c, '帮扶方案 / support plan'), id, c.req.valid('json'), c.var.clock());
    return c.json(await file(c, id), 200);
  })
  .openapi(noteRoute, async (c) => {
    const { id } = c.req.valid('param');
    await addNote(callerOf(c, '帮扶过程记录 / process record'), id, c.req.valid('json'), c.var.clock());
    return c.json(await file(c, id), 201);
  })
  .openapi(contactRoute, async (c) => {
    const { id } = c.req.valid('param');
    await addContact(callerOf(c, '家长联系 / parent contact'), id, c.req.valid('json'), c.var.clock());
    return c.json(await file(c, id), 201);
  })
  .openapi(evaluationRoute, async (c) => {
    const { id } = c.req.valid('param');
    const caller = callerOf(c, '帮扶效果评价 / evaluation');
    await evaluateFile(caller, id, c.req.valid('json').evaluation, c.var.clock());
    return c.json(await file(c, id), 200);
  })
  .openapi(recordsRoute, async (c) => {
    const caller = callerOf(c, '学生帮扶相关记录 / support records');
    return c.json(await studentRecords(caller, c.req.valid('query').studentId), 200);
  })
  .openapi(sanctionRoute, async (c) => {
    await addSanction(
      callerOf(c, '登记处分 / record a sanction'),
      pluginOf(c),
      c.req.valid('json'),
      c.var.clock(),
    );
    return c.json(ok, 201);
  })
  .openapi(revokeRoute, async (c) => {
    const caller = callerOf(c, '解除处分 / revoke a sanction');
    await revokeSanction(caller, c.req.valid('param').id, c.req.valid('json').revokedOn, c.var.clock());
    return c.json(ok, 200);
  })
  .openapi(hardshipRoute, async (c) => {
    await certifyHardship(
      callerOf(c, '困难认定 / hardship certification'),
      pluginOf(c),
      c.req.valid('json'),
      c.var.clock(),
    );
    return c.json(ok, 201);
  })
  .openapi(aidRoute, async (c) => {
    await addAid(callerOf(c, '资助登记 / record an aid'), c.req.valid('json'), c.var.clock());
    return c.json(ok, 201);
  })
  .openapi(failedRoute, async (c) => {
    await enterFailedCourses(
      callerOf(c, '录入不及格课程 / failed courses'),
      pluginOf(c),
      c.req.valid('json'),
      c.var.clock(),
    );
    return c.json(ok, 200);
  })
  .openapi(visitRoute, async (c) => {
    await addHomeVisit(callerOf(c, '家访记录 / home visit'), c.req.valid('json'), c.var.clock());
    return c.json(ok, 201);
  })
  .openapi(coverageRoute, async (c) => {
    const caller = callerOf(c, '资助覆盖 / financial coverage');
    return c.json(
      await financialCoverage(caller, pluginOf(c), c.req.valid('query').term, c.var.clock()),
      200,
    );
  })
  .openapi(coverageExportRoute, async (c) => {
    const caller = callerOf(c, '导出资助覆盖 / export financial coverage');
    const coverage = await financialCoverage(caller, pluginOf(c), c.req.valid('query').term, c.var.clock());
    return c.body(new Uint8Array(await coverageWorkbook(coverage)), 200, {
      'content-type': XLSX,
      'content-disposition': `attachment; filename="coverage.xlsx"; filename*=UTF-8''${encodeURIComponent('资助覆盖.xlsx')}`,
    });
  });
