import { createRoute } from '@hono/zod-openapi';
import { createRouter } from '../../../http/router.ts';
import { presentDepartment, presentEvent, presentMember, presentTerm } from '../present.ts';
import {
  DepartmentSchema,
  EventListSchema,
  EventSchema,
  MemberListSchema,
  MemberSchema,
  OverviewSchema,
  TermSchema,
} from '../responses.ts';
import { allianceCaller, auditWrite, created, jsonBody, ok, tags } from '../route-kit.ts';
import {
  CreateDepartmentBody,
  CreateEventBody,
  CreateMemberBody,
  CreateTaskBody,
  CreateTermBody,
  EventsQuery,
  MemberIdParams,
  TermIdParams,
  UpdateMemberBody,
  UpdateTermBody,
} from '../schemas.ts';
import {
  addMember,
  changeMember,
  createDepartment,
  createTerm,
  eventsOf,
  giveTask,
  membersOfTerm,
  overview,
  scheduleEvent,
  updateTerm,
} from '../services/structure.ts';

const overviewRoute = createRoute({
  method: 'get',
  path: '/alliance',
  tags,
  summary:
    "The school's peer alliance: plugin and base score, departments and branches, terms, what you may do",
  responses: ok('The alliance', OverviewSchema),
});

const createDepartmentRoute = createRoute({
  method: 'post',
  path: '/alliance/departments',
  tags,
  summary: 'Add a department (presidium, office, publicity...) or a college branch',
  request: jsonBody(CreateDepartmentBody),
  responses: created('The department', DepartmentSchema),
});

const createTermRoute = createRoute({
  method: 'post',
  path: '/alliance/terms',
  tags,
  summary: 'Open an assessment term',
  request: jsonBody(CreateTermBody),
  responses: created('The term', TermSchema),
});

const updateTermRoute = createRoute({
  method: 'patch',
  path: '/alliance/terms/{termId}',
  tags,
  summary: 'Close (or reopen) a term; a closed term’s ledger takes no more entries',
  request: { params: TermIdParams, ...jsonBody(UpdateTermBody) },
  responses: ok('The term', TermSchema),
});

const listMembersRoute = createRoute({
  method: 'get',
  path: '/alliance/terms/{termId}/members',
  tags,
  summary: 'The members of a term (cadres and staff by department)',
  request: { params: TermIdParams },
  responses: ok('The members', MemberListSchema),
});

const createMemberRoute = createRoute({
  method: 'post',
  path: '/alliance/terms/{termId}/members',
  tags,
  summary:
    'Add a member to a term: cadre or staff, department, linked student and account; officers may score',
  request: { params: TermIdParams, ...jsonBody(CreateMemberBody) },
  responses: created('The member', MemberSchema),
});

const updateMemberRoute = createRoute({
  method: 'patch',
  path: '/alliance/members/{memberId}',
  tags,
  summary: 'Change a member’s department, role, officer flag, links, or mark them inactive',
  request: { params: MemberIdParams, ...jsonBody(UpdateMemberBody) },
  responses: ok('The member', MemberSchema),
});

const listEventsRoute = createRoute({
  method: 'get',
  path: '/alliance/terms/{termId}/events',
  tags,
  summary: 'Meetings, duty shifts, activities and tasks of a term',
  request: { params: TermIdParams, query: EventsQuery },
  responses: ok('The events', EventListSchema),
});

const createEventRoute = createRoute({
  method: 'post',
  path: '/alliance/terms/{termId}/events',
  tags,
  summary:
    'Schedule a department routine meeting, a plenary meeting (star level), a duty shift or an activity',
  request: { params: TermIdParams, ...jsonBody(CreateEventBody) },
  responses: created('The event', EventSchema),
});

const createTaskRoute = createRoute({
  method: 'post',
  path: '/alliance/terms/{termId}/tasks',
  tags,
  summary: 'Give a daily or assigned task with a deadline, to a department or to everyone',
  request: { params: TermIdParams, ...jsonBody(CreateTaskBody) },
  responses: created('The task', EventSchema),
});

/** Routes of the alliance's structure: departments, terms, members, events and tasks. */
export const structureRoutes = createRouter()
  .openapi(overviewRoute, async (c) => c.json(await overview(allianceCaller(c)), 200))
  .openapi(createDepartmentRoute, async (c) => {
    const department = await createDepartment(allianceCaller(c), c.req.valid('json'));
    await auditWrite(c, 'alliance_department.create', 'alliance_department', department.id);
    return c.json(presentDepartment(department), 201);
  })
  .openapi(createTermRoute, async (c) => {
    const term = await createTerm(allianceCaller(c), c.req.valid('json'));
    await auditWrite(c, 'alliance_term.create', 'alliance_term', term.id);
    return c.json(presentTerm(term), 201);
  })
  .openapi(updateTermRoute, async (c) => {
    const updated = await updateTerm(allianceCaller(c), c.req.valid('param').termId, c.req.valid('json'));
    await auditWrite(c, 'alliance_term.update', 'alliance_term', updated.id);
    return c.json(presentTerm(updated), 200);
  })
  .openapi(listMembersRoute, async (c) => {
    const members = await membersOfTerm(allianceCaller(c), c.req.valid('param').termId);
    return c.json({ members: members.map(presentMember) }, 200);
  })
  .openapi(createMemberRoute, async (c) => {
    const member = await addMember(allianceCaller(c), c.req.valid('param').termId, c.req.valid('json'));
    await auditWrite(c, 'alliance_member.create', 'alliance_member', member.id, member.studentId);
    return c.json(presentMember(member), 201);
  })
  .openapi(updateMemberRoute, async (c) => {
    const changed = await changeMember(allianceCaller(c), c.req.valid('param').memberId, c.req.valid('json'));
    await auditWrite(c, 'alliance_member.update', 'alliance_member', changed.id, changed.studentId);
    return c.json(presentMember(changed), 200);
  })
  .openapi(listEventsRoute, async (c) => {
    const events = await eventsOf(allianceCaller(c), c.req.valid('param').termId, c.req.valid('query').kind);
    return c.json({ events }, 200);
  })
  .openapi(createEventRoute, async (c) => {
    const caller = allianceCaller(c);
    const event = await scheduleEvent(caller, c.req.valid('param').termId, c.req.valid('json'));
    await auditWrite(c, 'alliance_event.create', 'alliance_event', event.id);
    return c.json(presentEvent(event, caller.now), 201);
  })
  .openapi(createTaskRoute, async (c) => {
    const caller = allianceCaller(c);
    const task = await giveTask(caller, c.req.valid('param').termId, c.req.valid('json'));
    await auditWrite(c, 'alliance_task.create', 'alliance_event', task.id);
    return c.json(presentEvent(task, caller.now), 201);
  });
