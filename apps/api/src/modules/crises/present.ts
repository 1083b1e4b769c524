import type { z } from '@hono/zod-openapi';
import { chinaToday } from '@xinqiao/calendar';
import type { contractedHospitals } from '@xinqiao/db';
import type { CrisisLevel, CrisisLevelDef, CrisisRecord } from '@xinqiao/policy';
import type { Me } from '../../auth/session-types.ts';
import { isNamed, levelName } from './policy.ts';
import type {
  affectedOf,
  CrisisRow,
  CrisisStepRow,
  eventsOf,
  familyContactsOf,
  referralsOf,
  reviewsOf,
} from './queries.ts';
import type { CrisisBoardItemSchema, CrisisSchema, CrisisStepSchema, HospitalSchema } from './schemas.ts';

export type Crisis = z.infer<typeof CrisisSchema>;
export type CrisisStep = z.infer<typeof CrisisStepSchema>;
export type CrisisBoardItem = z.infer<typeof CrisisBoardItemSchema>;
export type Hospital = z.infer<typeof HospitalSchema>;

const person = (id: string | null, displayName: string | null) =>
  id && displayName !== null ? { id, displayName } : null;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Whether a step is still to do. */
export const isOpenStep = (step: Pick<CrisisStepRow, 'doneAt' | 'waivedAt'>) =>
  !step.doneAt && !step.waivedAt;

/** A step's state: done, waived, late (open and past due) or pending. */
export function stepState(step: CrisisStepRow, now: Date): CrisisStep['state'] {
  if (step.doneAt) return 'done';
  if (step.waivedAt) return 'waived';
  return step.dueAt.getTime() < now.getTime() ? 'late' : 'pending';
}

function studentOf(
  row: Pick<
    CrisisRow,
    'studentId' | 'studentName' | 'studentNumber' | 'className' | 'collegeId' | 'collegeName' | 'dormName'
  >,
) {
  return {
    id: row.studentId,
    name: row.studentName,
    studentNumber: row.studentNumber,
    className: row.className,
    collegeId: row.collegeId,
    collegeName: row.collegeName,
    dormName: row.dormName,
  };
}

export function presentStep(
  step: CrisisStepRow,
  me: Pick<Me, 'roles'>,
  placementPath: string,
  open: boolean,
  now: Date,
): CrisisStep {
  return {
    code: step.code,
    position: step.position,
    zh: step.titleZh,
    en: step.titleEn,
    doers: step.doers as CrisisStep['doers'],
    escalateTo: step.escalateTo as CrisisStep['escalateTo'],
    records: step.records as CrisisRecord[],
    required: step.required,
    dueAt: step.dueAt.toISOString(),
    state: stepState(step, now),
    doneAt: iso(step.doneAt),
    doneBy: person(step.doneBy, step.doneByName),
    note: step.note,
    waivedAt: iso(step.waivedAt),
    waivedBy: person(step.waivedBy, step.waivedByName),
    waiveReason: step.waiveReason,
    escalatedAt: iso(step.escalatedAt),
    canDo: open && isOpenStep(step) && isNamed(me, step.doers, placementPath),
  };
}

/** One crisis on the board: where it stands (the first open step) and what is late. */
export function presentBoardItem(
  row: CrisisRow,
  steps: readonly CrisisStepRow[],
  levels: readonly CrisisLevelDef[],
  now: Date,
): CrisisBoardItem {
  const open = steps.filter(isOpenStep);
  const brief = (s: CrisisStepRow) => ({
    code: s.code,
    zh: s.titleZh,
    en: s.titleEn,
    dueAt: s.dueAt.toISOString(),
  });
  const end = row.closedAt ?? now;
  return {
    id: row.id,
    student: studentOf(row),
    level: row.level as CrisisLevel,
    levelName: levelName(levels, row.level),
    status: row.status,
    openedAt: row.openedAt.toISOString(),
    minutesOpen: Math.max(0, Math.floor((end.getTime() - row.openedAt.getTime()) / 60_000)),
    currentStep: row.status === 'open' && open[0] ? brief(open[0]) : null,
    lateSteps:
      row.status === 'open'
        ? open
            .filter((s) => s.dueAt.getTime() < now.getTime())
            .map((s) => ({ ...brief(s), escalated: s.escalatedAt !== null }))
        : [],
    closedAt: iso(row.closedAt),
  };
}

/** Everything a crisis's page shows. */
export interface CrisisParts {
  steps: readonly CrisisStepRow[];
  contacts: Awaited<ReturnType<typeof familyContactsOf>>;
  referrals: Awaited<ReturnType<typeof referralsOf>>;
  affected: Awaited<ReturnType<typeof affectedOf>>;
  reviews: Awaited<ReturnType<typeof reviewsOf>>;
  events: Awaited<ReturnType<typeof eventsOf>>;
}

export function presentCrisis(
  row: CrisisRow,
  parts: CrisisParts,
  levels: readonly CrisisLevelDef[],
  me: Pick<Me, 'roles'>,
  can: Crisis['can'],
  now: Date,
): Crisis {
  const open = row.status === 'open';
  const today = chinaToday(now);
  return {
    id: row.id,
    student: studentOf(row),
    guardians: row.guardians.map((g, index) => ({
      index,
      name: g.name,
      relation: g.relation,
      phone: g.phone,
    })),
    level: row.level as CrisisLevel,
    levelName: levelName(levels, row.level),
    status: row.status,
    situation: row.situation,
    source: row.source,
    concernReportId: row.concernReportId,
    caseId: row.caseId,
    screeningResultId: row.screeningResultId,
    openedBy: { id: row.openedBy, displayName: row.openedByName },
    openedAt: row.openedAt.toISOString(),
    closedAt: iso(row.closedAt),
    closedBy: person(row.closedBy, row.closedByName),
    summary: row.summary,
    steps: parts.steps.map((s) => presentStep(s, me, row.placementPath, open && can.run, now)),
    familyContacts: parts.contacts.map((c) => ({
      id: c.id,
      contactName: c.contactName,
      relation: c.relation,
      phone: c.phone,
      fromGuardians: c.fromGuardians,
      contactedAt: c.contactedAt.toISOString(),
      method: c.method,
      agreed: c.agreed,
      recordedBy: { id: c.recordedBy, displayName: c.recordedByName },
    })),
    referrals: parts.referrals.map((r) => ({
      id: r.id,
      hospital: { id: r.hospitalId, name: r.hospitalName, department: r.hospitalDepartment },
      referredAt: r.referredAt.toISOString(),
      accompaniedBy: r.accompaniedBy,
      outcome: r.outcome,
      returnAssessment: r.returnAssessment,
      returnAssessedAt: iso(r.returnAssessedAt),
      returnAssessedBy: person(r.returnAssessedBy, r.returnAssessedByName),
      recordedBy: { id: r.recordedBy, displayName: r.recordedByName },
    })),
    affected: parts.affected.map((a) => ({
      id: a.id,
      student: {
        id: a.studentId,
        name: a.studentName,
        studentNumber: a.studentNumber,
        className: a.className,
        dormName: a.dormName,
      },
      relation: a.relation,
      support: a.support,
      caseId: a.caseId,
      responsible: person(a.responsibleId, a.responsibleName),
    })),
    reviews: parts.reviews.map((r) => ({
      id: r.id,
      dueOn: r.dueOn,
      overdue: r.heldOn === null && r.dueOn < today,
      heldOn: r.heldOn,
      participants: r.participants,
      findings: r.findings,
      changes: r.changes,
      report: r.report,
      recordedBy: person(r.recordedBy, r.recordedByName),
    })),
    timeline: parts.events.map((e) => ({
      id: e.id,
      kind: e.kind,
      actor: person(e.actorId, e.actorName),
      detail: e.detail,
      at: e.createdAt.toISOString(),
    })),
    can,
    plugin: { id: row.pluginId, version: row.pluginVersion },
  };
}

/** A contracted hospital, and whether its agreement is in force today. */
export function presentHospital(row: typeof contractedHospitals.$inferSelect, now: Date): Hospital {
  const today = chinaToday(now);
  return {
    id: row.id,
    name: row.name,
    department: row.department,
    contact: row.contact,
    phone: row.phone,
    agreementFrom: row.agreementFrom,
    agreementTo: row.agreementTo,
    inForce:
      (row.agreementFrom === null || row.agreementFrom <= today) &&
      (row.agreementTo === null || today <= row.agreementTo),
  };
}
