import { createRoute } from '@hono/zod-openapi';
import {
  allianceDepartments,
  allianceEvents,
  allianceMembers,
  allianceTerms,
  people,
  students,
  type TenantTx,
  units,
} from '@xinqiao/db';
import { eq } from 'drizzle-orm';
import { problems } from '../../../http/problem.ts';
import { createRouter } from '../../../http/router.ts';
import { requireReader, requireScorer, requireWriter } from '../access.ts';
import { alliancePluginOf } from '../pricing.ts';
import { getDepartment, listMembers } from '../queries.ts';
import { auditWrite, created, jsonBody, ok, tags } from '../route-kit.ts';
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
import { loadMember, loadTerm, requireOpenTerm } from '../service.ts';
import { allianceOverview, eventJson, eventsOfTerm, memberJson } from '../views.ts';

const overviewRoute = createRoute({
  method: 'get',
  path: '/alliance',
  tags,
  summary:
    "The school's peer alliance: plugin and base score, departments and branches, terms, what you may do",
  responses: ok('The alliance'),
});

const createDepartmentRoute = createRoute({
  method: 'post',
  path: '/alliance/departments',
  tags,
  summary: 'Add a department (presidium, office, publicity...) or a college branch',
  request: jsonBody(CreateDepartmentBody),
  responses: created('The department'),
});

const createTermRoute = createRoute({
  method: 'post',
  path: '/alliance/terms',
  tags,
  summary: 'Open an assessment term',
  request: jsonBody(CreateTermBody),
  responses: created('The term'),
});

const updateTermRoute = createRoute({
  method: 'patch',
  path: '/alliance/terms/{termId}',
  tags,
  summary: 'Close (or reopen) a term; a closed term’s ledger takes no more entries',
  request: { params: TermIdParams, ...jsonBody(UpdateTermBody) },
  responses: ok('The term'),
});

const listMembersRoute = createRoute({
  method: 'get',
  path: '/alliance/terms/{termId}/members',
  tags,
  summary: 'The members of a term (cadres and staff by department)',
  request: { params: TermIdParams },
  responses: ok('The members'),
});

const createMemberRoute = createRoute({
  method: 'post',
  path: '/alliance/terms/{termId}/members',
  tags,
  summary:
    'Add a member to a term: cadre or staff, department, linked student and account; officers may score',
  request: { params: TermIdParams, ...jsonBody(CreateMemberBody) },
  responses: created('The member'),
});

const updateMemberRoute = createRoute({
  method: 'patch',
  path: '/alliance/members/{memberId}',
  tags,
  summary: 'Change a member’s department, role, officer flag, links, or mark them inactive',
  request: { params: MemberIdParams, ...jsonBody(UpdateMemberBody) },
  responses: ok('The member'),
});

const listEventsRoute = createRoute({
  method: 'get',
  path: '/alliance/terms/{termId}/events',
  tags,
  summary: 'Meetings, duty shifts, activities and tasks of a term',
  request: { params: TermIdParams, query: EventsQuery },
  responses: ok('The events'),
});

const createEventRoute = createRoute({
  method: 'post',
  path: '/alliance/terms/{termId}/events',
  tags,
  summary:
    'Schedule a department routine meeting, a plenary meeting (star level), a duty shift or an activity',
  request: { params: TermIdParams, ...jsonBody(CreateEventBody) },
  responses: created('The event'),
});

const createTaskRoute = createRoute({
  method: 'post',
  path: '/alliance/terms/{termId}/tasks',
  tags,
  summary: 'Give a daily or assigned task with a deadline, to a department or to everyone',
  request: { params: TermIdParams, ...jsonBody(CreateTaskBody) },
  responses: created('The task'),
});

async function requireDepartment(
  tx: TenantTx,
  id: string | undefined,
  field = 'departmentId',
): Promise<void> {
  if (id && !(await getDepartment(tx, id)))
    throw problems.validation([{ field, message: 'no such department' }]);
}

async function requireVisible(tx: TenantTx, body: { studentId?: string | null; personId?: string | null }) {
  // Foreign keys do not see row-level security: check the linked student and account are the school's own.
  if (body.studentId) {
    const [row] = await tx.select({ id: students.id }).from(students).where(eq(students.id, body.studentId));
    if (!row) throw problems.validation([{ field: 'studentId', message: 'no such student visible to you' }]);
  }
  if (body.personId) {
    const [row] = await tx.select({ id: people.id }).from(people).where(eq(people.id, body.personId));
    if (!row) throw problems.validation([{ field: 'personId', message: 'no such account in this school' }]);
  }
}

/** Routes of the alliance's structure: departments, terms, members, events and tasks. */
export const structureRoutes = createRouter()
  .openapi(overviewRoute, async (c) => {
    requireReader(c.var.me);
    return c.json(await allianceOverview(c.var.tx, c.var.me, alliancePluginOf(c)), 200);
  })
  .openapi(createDepartmentRoute, async (c) => {
    requireWriter(c.var.me);
    const body = c.req.valid('json');
    if (body.collegeUnitId) {
      const [unit] = await c.var.tx.select().from(units).where(eq(units.id, body.collegeUnitId));
      if (!unit) throw problems.validation([{ field: 'collegeUnitId', message: 'no such unit' }]);
    }
    const [row] = await c.var.tx
      .insert(allianceDepartments)
      .values({ schoolId: c.var.me.school.id, ...body })
      .returning();
    await auditWrite(c, 'alliance_department.create', 'alliance_department', row!.id);
    return c.json(row!, 201);
  })
  .openapi(createTermRoute, async (c) => {
    requireWriter(c.var.me);
    const [row] = await c.var.tx
      .insert(allianceTerms)
      .values({ schoolId: c.var.me.school.id, ...c.req.valid('json') })
      .returning();
    await auditWrite(c, 'alliance_term.create', 'alliance_term', row!.id);
    return c.json(row!, 201);
  })
  .openapi(updateTermRoute, async (c) => {
    const term = await loadTerm(c.var.tx, c.req.valid('param').termId);
    await requireScorer(c.var.tx, c.var.me, term.id);
    const [row] = await c.var.tx
      .update(allianceTerms)
      .set(c.req.valid('json'))
      .where(eq(allianceTerms.id, term.id))
      .returning();
    await auditWrite(c, 'alliance_term.update', 'alliance_term', term.id);
    return c.json(row!, 200);
  })
  .openapi(listMembersRoute, async (c) => {
    requireReader(c.var.me);
    const term = await loadTerm(c.var.tx, c.req.valid('param').termId);
    const members = await listMembers(c.var.tx, term.id, { includeInactive: true });
    return c.json({ members: members.map(memberJson) }, 200);
  })
  .openapi(createMemberRoute, async (c) => {
    requireWriter(c.var.me);
    const term = await loadTerm(c.var.tx, c.req.valid('param').termId);
    requireOpenTerm(term);
    const body = c.req.valid('json');
    await requireDepartment(c.var.tx, body.departmentId);
    await requireVisible(c.var.tx, body);
    const [row] = await c.var.tx
      .insert(allianceMembers)
      .values({ schoolId: c.var.me.school.id, termId: term.id, ...body })
      .returning();
    await auditWrite(c, 'alliance_member.create', 'alliance_member', row!.id, row!.studentId);
    return c.json(memberJson(await loadMember(c.var.tx, row!.id)), 201);
  })
  .openapi(updateMemberRoute, async (c) => {
    const member = await loadMember(c.var.tx, c.req.valid('param').memberId);
    await requireScorer(c.var.tx, c.var.me, member.termId);
    const body = c.req.valid('json');
    await requireDepartment(c.var.tx, body.departmentId);
    await requireVisible(c.var.tx, body);
    await c.var.tx.update(allianceMembers).set(body).where(eq(allianceMembers.id, member.id));
    await auditWrite(
      c,
      'alliance_member.update',
      'alliance_member',
      member.id,
      body.studentId ?? member.studentId,
    );
    return c.json(memberJson(await loadMember(c.var.tx, member.id)), 200);
  })
  .openapi(listEventsRoute, async (c) => {
    requireReader(c.var.me);
    const term = await loadTerm(c.var.tx, c.req.valid('param').termId);
    return c.json({ events: await eventsOfTerm(c.var.tx, term.id, c.req.valid('query').kind) }, 200);
  })
  .openapi(createEventRoute, async (c) => {
    const term = await loadTerm(c.var.tx, c.req.valid('param').termId);
    await requireScorer(c.var.tx, c.var.me, term.id);
    requireOpenTerm(term);
    const body = c.req.valid('json');
    await requireDepartment(c.var.tx, body.departmentId);
    const [row] = await c.var.tx
      .insert(allianceEvents)
      .values({
        schoolId: c.var.me.school.id,
        termId: term.id,
        departmentId: body.departmentId ?? null,
        kind: body.kind,
        title: body.title,
        stars: body.stars,
        startsAt: new Date(body.startsAt),
        endsAt: body.endsAt ? new Date(body.endsAt) : null,
        createdBy: c.var.me.person.id,
      })
      .returning();
    await auditWrite(c, 'alliance_event.create', 'alliance_event', row!.id);
    return c.json(eventJson(row!), 201);
  })
  .openapi(createTaskRoute, async (c) => {
    const term = await loadTerm(c.var.tx, c.req.valid('param').termId);
    await requireScorer(c.var.tx, c.var.me, term.id);
    requireOpenTerm(term);
    const body = c.req.valid('json');
    await requireDepartment(c.var.tx, body.departmentId);
    const assignedAt = body.assignedAt ? new Date(body.assignedAt) : c.var.clock();
    const deadline = new Date(body.deadline);
    if (deadline <= assignedAt)
      throw problems.validation([{ field: 'deadline', message: 'must be after assignedAt' }]);
    const [row] = await c.var.tx
      .insert(allianceEvents)
      .values({
        schoolId: c.var.me.school.id,
        termId: term.id,
        departmentId: body.departmentId ?? null,
        // Tasks live beside events (see docs/alliance.md): kind names the task kind, endsAt is the deadline.
        kind: (body.taskKind === 'daily' ? 'daily_task' : 'assigned_task') as 'activity',
        title: body.title,
        startsAt: assignedAt,
        endsAt: deadline,
        status: 'open',
        createdBy: c.var.me.person.id,
      })
      .returning();
    await auditWrite(c, 'alliance_task.create', 'alliance_event', row!.id);
    return c.json(eventJson(row!), 201);
  });
