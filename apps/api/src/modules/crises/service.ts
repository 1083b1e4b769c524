import { chinaToday, toChinaDate } from '@xinqiao/calendar';
import type { CrisisSource, CrisisStatus } from '@xinqiao/db';
import type { CompiledPlugin, CrisisLevel, CrisisLevelDef, CrisisRecord } from '@xinqiao/policy';
import { type Caller, can, requirePermission } from '../../auth/caller.ts';
import { type FieldError, fieldError, invalidFields, problem } from '../../http/problem.ts';
import { recordAccess } from '../audit/record.ts';
import { notifyResponsible } from '../cases/notify.ts';
import { notifyReporter } from '../concerns/notify.ts';
import { findCaseBrief, findConcern, rolesOfPeople, updateConcern } from '../concerns/queries.ts';
import { schoolCalendar } from '../screening/calendar/service.ts';
import { loadResponsibleFinder } from '../screening/import/follow-up.ts';
import { studentNotFound, studentViewOf } from '../students/access.ts';
import { findStudent } from '../students/queries.ts';
import { notifyOpened, notifyReviewDue } from './notify.ts';
import { isNamed, protocolOf, reviewDueOn } from './policy.ts';
import { type Crisis, type CrisisBoardItem, isOpenStep, presentBoardItem, presentCrisis } from './present.ts';
import {
  affectedOf,
  type CrisisRow,
  deleteHospital,
  dropPendingReviews,
  eventsOf,
  familyContactsOf,
  findCrisis,
  findHospital,
  holdersOf,
  hospitalInUse,
  insertAffected,
  insertCrisis,
  insertEvent,
  insertFamilyContact,
  insertHospital,
  insertReferral,
  insertReview,
  insertSteps,
  insertSupportCase,
  listCrises,
  listHospitals,
  referralsOf,
  reviewsOf,
  screeningResultBrief,
  stepsOf,
  updateCrisis,
  updateHospital,
  updateReferral,
  updateReview,
  updateStep,
} from './queries.ts';
import type {
  AffectedInput,
  FamilyContactInput,
  HospitalInput,
  NewCrisisInput,
  ReferralAssessmentInput,
  ReferralInput,
  ReviewInput,
} from './schemas.ts';

/**
 * Working days an affected student's support case is due in when the school's protocol has no step that records the
 * people affected (work plan 3's three-day talk); with such a step, its deadline is the support's.
 */
export const SUPPORT_DUE_WORKING_DAYS = 3;

/**
 * When an affected student's support case is due: by the protocol's step that records the people affected (the
 * school's deadline for supporting them), never before today; else in {@link SUPPORT_DUE_WORKING_DAYS} working days.
 */
async function supportDueDate(caller: Caller, crisisId: string, now: Date): Promise<string> {
  const today = chinaToday(now);
  const step = (await stepsOf(caller.tx, [crisisId])).find((s) => s.records.includes('affected-people'));
  if (step) {
    const due = toChinaDate(step.dueAt);
    return due < today ? today : due;
  }
  return (await schoolCalendar(caller.tx)).addWorkingDays(today, SUPPORT_DUE_WORKING_DAYS);
}

/** Audits one action on a crisis, naming its student. */
async function audit(
  caller: Caller,
  action: string,
  row: Pick<CrisisRow, 'id' | 'studentId' | 'placementPath'>,
) {
  await recordAccess(caller.tx, caller.me, {
    action,
    entity: 'crisis',
    entityId: row.id,
    studentId: row.studentId,
    studentPath: row.placementPath,
    purpose: caller.purpose,
  });
}

/** A timeline entry of the caller. */
const event = (caller: Caller, crisisId: string, kind: string, detail: Record<string, unknown> = {}) =>
  insertEvent(caller.tx, {
    schoolId: caller.me.school.id,
    crisisId,
    kind,
    actorId: caller.me.person.id,
    detail,
  });

/** The crisis (404 for one the caller does not run: the same answer as for none). */
async function crisisOf(caller: Caller, id: string): Promise<CrisisRow> {
  const row = await findCrisis(caller.tx, id);
  if (!row) throw problem('crises.not-found');
  return row;
}

/** The crisis, open (409 when closed). */
async function openCrisisOf(caller: Caller, id: string): Promise<CrisisRow> {
  const row = await crisisOf(caller, id);
  if (row.status !== 'open') throw problem('crises.closed');
  return row;
}

/** What the caller may do on a crisis page. */
const abilities = (caller: Caller) => ({
  run: can(caller, 'crises.run'),
  waive: can(caller, 'crises.waive'),
  review: can(caller, 'crises.review'),
});

/** The whole crisis as its page shows it (no audit: the caller's action is audited). */
export async function crisisDetail(
  caller: Caller,
  id: string,
  levels: readonly CrisisLevelDef[],
  now: Date,
): Promise<Crisis> {
  const row = await crisisOf(caller, id);
  const [steps, contacts, referrals, affected, reviews, events] = await Promise.all([
    stepsOf(caller.tx, [id]),
    familyContactsOf(caller.tx, id),
    referralsOf(caller.tx, id),
    affectedOf(caller.tx, id),
    reviewsOf(caller.tx, id),
    eventsOf(caller.tx, id),
  ]);
  return presentCrisis(
    row,
    { steps, contacts, referrals, affected, reviews, events },
    levels,
    caller.me,
    abilities(caller),
    now,
  );
}

/** The board of the caller's scope. */
export interface CrisisBoard {
  items: CrisisBoardItem[];
  perMonth: { month: string; opened: number; closed: number }[];
  perCollege: { collegeId: string; collegeName: string; open: number; total: number }[];
  levels: { code: CrisisLevelDef['code']; zh: string; en: string }[];
}

/**
 * The crisis board: the crises of the students the caller runs crises for (RLS: a station head their college's,
 * the center the school's), open ones by default, each with its level, current step, time open and late steps;
 * counts per month (China time) and per college over all of them. Audited as one 'crisis.list' row.
 */
export async function crisisBoard(
  caller: Caller,
  status: CrisisStatus | 'all',
  levels: readonly CrisisLevelDef[],
  now: Date,
): Promise<CrisisBoard> {
  requirePermission(caller, 'crises.read');
  const all = await listCrises(caller.tx, 'all');
  const shown = status === 'all' ? all : all.filter((row) => row.status === status);
  const steps = await stepsOf(
    caller.tx,
    shown.map((row) => row.id),
  );
  const byCrisis = new Map<string, typeof steps>();
  for (const step of steps) byCrisis.set(step.crisisId, [...(byCrisis.get(step.crisisId) ?? []), step]);
  const months = new Map<string, { opened: number; closed: number }>();
  const colleges = new Map<string, { collegeName: string; open: number; total: number }>();
  for (const row of all) {
    const month = toChinaDate(row.openedAt).slice(0, 7);
    const m = months.get(month) ?? { opened: 0, closed: 0 };
    m.opened++;
    if (row.status === 'closed') m.closed++;
    months.set(month, m);
    const c = colleges.get(row.collegeId) ?? { collegeName: row.collegeName, open: 0, total: 0 };
    c.total++;
    if (row.status === 'open') c.open++;
    colleges.set(row.collegeId, c);
  }
  await recordAccess(caller.tx, caller.me, {
    action: 'crisis.list',
    entity: 'crisis',
    entityId: JSON.stringify({ status }),
    studentId: null,
    purpose: caller.purpose,
  });
  return {
    items: shown.map((row) => presentBoardItem(row, byCrisis.get(row.id) ?? [], levels, now)),
    perMonth: [...months]
      .map(([month, m]) => ({ month, ...m }))
      .sort((a, b) => a.month.localeCompare(b.month)),
    perCollege: [...colleges]
      .map(([collegeId, c]) => ({ collegeId, ...c }))
      .sort((a, b) => a.collegeName.localeCompare(b.collegeName, 'zh-CN')),
    levels: levels.map((l) => ({ code: l.code, zh: l.zh, en: l.en })),
  };
}

/** The student a crisis is opened about, and where from: exactly one of the four sources (400 naming them). */
async function sourceOf(
  caller: Caller,
  input: NewCrisisInput,
): Promise<{ studentId: string; source: CrisisSource; field: string }> {
  const given = (['studentId', 'concernReportId', 'caseId', 'screeningResultId'] as const).filter(
    (field) => input[field] !== undefined,
  );
  if (given.length !== 1) {
    throw invalidFields(
      (given.length ? given : ['studentId']).map((f) => fieldError(f, 'crises.one-source')),
    );
  }
  const field = given[0]!;
  const missing = () => invalidFields([fieldError(field, 'crises.source-not-found')]);
  switch (field) {
    case 'studentId':
      return { studentId: input.studentId!, source: 'direct', field };
    case 'concernReportId': {
      const report = await findConcern(caller.tx, input.concernReportId!);
      if (!report?.student) throw missing();
      return { studentId: report.studentId, source: 'concern', field };
    }
    case 'caseId': {
      const found = await findCaseBrief(caller.tx, input.caseId!);
      if (!found) throw missing();
      return { studentId: found.studentId, source: 'case', field };
    }
    case 'screeningResultId': {
      const result = await screeningResultBrief(caller.tx, input.screeningResultId!);
      if (!result) throw missing();
      if (!result.selfHarm) throw invalidFields([fieldError(field, 'crises.source-not-self-harm')]);
      return { studentId: result.studentId, source: 'screening', field };
    }
  }
}

/**
 * Opens a crisis about a student the caller sees in full (from a concern report, a case, a self-harm screening
 * result, or directly), at one of the school's levels: the level's steps are copied from the school's protocol with
 * their due times, the people the steps name are told at once (in the app; outbound a count only), a concern
 * report it came from becomes "being handled" (its reporter is told the status, nothing else). Audited as
 * 'crisis.create'. Returns the crisis's id.
 */
export async function openCrisis(
  caller: Caller,
  input: NewCrisisInput,
  plugin: CompiledPlugin | undefined,
  now: Date,
): Promise<string> {
  requirePermission(caller, 'crises.run');
  const { studentId, source, field } = await sourceOf(caller, input);
  const student = await findStudent(caller.tx, studentId);
  if (!student || studentViewOf(caller.scope, student.placementPath) !== 'full') {
    throw studentNotFound().naming([fieldError(field, 'crises.source-not-found')]);
  }
  const protocol = await protocolOf(plugin, caller.me.school.code, input.level);
  const schoolId = caller.me.school.id;
  const id = await insertCrisis(caller.tx, {
    schoolId,
    studentId,
    level: input.level,
    situation: input.situation,
    source,
    concernReportId: input.concernReportId ?? null,
    caseId: input.caseId ?? null,
    screeningResultId: input.screeningResultId ?? null,
    openedBy: caller.me.person.id,
    openedAt: now,
    pluginId: protocol.plugin.id,
    pluginVersion: protocol.plugin.version,
  });
  await insertSteps(
    caller.tx,
    protocol.steps.map((step) => ({
      schoolId,
      crisisId: id,
      code: step.code,
      position: step.order,
      titleZh: step.zh,
      titleEn: step.en,
      doers: [...step.doers],
      escalateTo: [...step.escalateTo],
      records: [...step.records],
      required: step.required,
      dueAt: new Date(now.getTime() + step.minutes * 60_000),
    })),
  );
  await event(caller, id, 'opened', { level: input.level, source });
  if (input.concernReportId) {
    const report = (await findConcern(caller.tx, input.concernReportId))!;
    if (report.status === 'received') {
      await updateConcern(caller.tx, report.id, {
        status: 'handling',
        triagedBy: caller.me.person.id,
        triagedAt: now,
      });
      if (report.reporterId !== caller.me.person.id) {
        await notifyReporter(caller.tx, schoolId, report.reporterId, 'handling');
      }
    }
  }
  const named = protocol.steps.flatMap((step) => step.doers);
  const recipients = (await holdersOf(caller.tx, named, student.placementPath)).filter(
    (person) => person !== caller.me.person.id,
  );
  await notifyOpened(caller.tx, schoolId, id, recipients, input.level);
  await audit(caller, 'crisis.create', { id, studentId, placementPath: student.placementPath });
  return id;
}

/** One crisis with its protocol checklist, records and timeline. Audited as 'crisis.read' with the purpose. */
export async function readCrisis(
  caller: Caller,
  id: string,
  levels: readonly CrisisLevelDef[],
  now: Date,
): Promise<Crisis> {
  requirePermission(caller, 'crises.read');
  const row = await crisisOf(caller, id);
  await audit(caller, 'crisis.read', row);
  return crisisDetail(caller, id, levels, now);
}

/** The step with this code (404), still open (409). */
async function openStepOf(caller: Caller, crisis: CrisisRow, code: string) {
  const step = (await stepsOf(caller.tx, [crisis.id])).find((s) => s.code === code);
  if (!step) throw problem('crises.step-not-found', { step: code });
  if (!isOpenStep(step)) throw problem('crises.step-finished', { step: code });
  return step;
}

/** Which records a step needs that the crisis lacks, as field errors. */
async function missingRecords(
  caller: Caller,
  crisisId: string,
  records: readonly CrisisRecord[],
  note: string,
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  for (const record of records) {
    if (record === 'note' && note.trim() === '') errors.push(fieldError('note', 'field.required'));
    if (record === 'family-contact' && (await familyContactsOf(caller.tx, crisisId)).length === 0) {
      errors.push(fieldError('familyContacts', 'crises.record-missing', { record }));
    }
    if (record === 'referral' && (await referralsOf(caller.tx, crisisId)).length === 0) {
      errors.push(fieldError('referrals', 'crises.record-missing', { record }));
    }
    if (record === 'affected-people' && (await affectedOf(caller.tx, crisisId)).length === 0) {
      errors.push(fieldError('affected', 'crises.record-missing', { record }));
    }
  }
  return errors;
}

/**
 * Marks a step done: only someone the protocol names for it (403 naming `code`), with what the step requires on
 * record (400 naming `note`, `familyContacts`, `referrals` or `affected`). Timeline and audit 'crisis.step-done'.
 */
export async function markStepDone(caller: Caller, id: string, code: string, note: string, now: Date) {
  requirePermission(caller, 'crises.run');
  const crisis = await openCrisisOf(caller, id);
  const step = await openStepOf(caller, crisis, code);
  if (!isNamed(caller.me, step.doers, crisis.placementPath)) {
    throw problem('crises.not-named', { step: code }).naming([fieldError('code', 'field.invalid')]);
  }
  const errors = await missingRecords(caller, id, step.records as CrisisRecord[], note);
  if (errors.length) throw invalidFields(errors);
  await updateStep(caller.tx, step.id, {
    doneAt: now,
    doneBy: caller.me.person.id,
    note: note.trim() || null,
  });
  await event(caller, id, 'step.done', { step: code, late: step.dueAt.getTime() < now.getTime() });
  await audit(caller, 'crisis.step-done', crisis);
}

/** Waives a step with a reason (the center director: `crises.waive`). Timeline and audit 'crisis.step-waive'. */
export async function waiveStep(caller: Caller, id: string, code: string, reason: string, now: Date) {
  requirePermission(caller, 'crises.waive');
  const crisis = await openCrisisOf(caller, id);
  const step = await openStepOf(caller, crisis, code);
  await updateStep(caller.tx, step.id, { waivedAt: now, waivedBy: caller.me.person.id, waiveReason: reason });
  await event(caller, id, 'step.waived', { step: code, reason });
  await audit(caller, 'crisis.step-waive', crisis);
}

/**
 * Refuses an instant before the minute the crisis opened or in the future (400 naming the field). Forms give times
 * to the minute, so a contact typed in the minute the crisis opened counts as after it.
 */
function checkWhen(field: string, at: Date, crisis: CrisisRow, now: Date): FieldError[] {
  const openedMinute = Math.floor(crisis.openedAt.getTime() / 60_000) * 60_000;
  if (at.getTime() < openedMinute) return [fieldError(field, 'crises.before-opening')];
  if (at.getTime() > now.getTime() + 5 * 60_000) return [fieldError(field, 'crises.in-future')];
  return [];
}

/**
 * Records a contact with the family (家校沟通): one of the student's guardians (`guardianIndex`) or a typed name and
 * relation, when (not before the crisis opened, not in the future), how, and what was agreed. Timeline and audit.
 */
export async function addFamilyContact(caller: Caller, id: string, input: FamilyContactInput, now: Date) {
  requirePermission(caller, 'crises.run');
  const crisis = await openCrisisOf(caller, id);
  const at = new Date(input.contactedAt);
  const errors = checkWhen('contactedAt', at, crisis, now);
  let contact: { name: string; relation: string; phone: string | null; fromGuardians: boolean } | undefined;
  if (input.guardianIndex !== undefined) {
    const guardian = crisis.guardians[input.guardianIndex];
    if (!guardian) errors.push(fieldError('guardianIndex', 'crises.guardian-not-found'));
    else
      contact = {
        name: guardian.name,
        relation: guardian.relation,
        phone: guardian.phone,
        fromGuardians: true,
      };
  } else if (input.contactName && input.relation) {
    contact = {
      name: input.contactName,
      relation: input.relation,
      phone: input.phone || null,
      fromGuardians: false,
    };
  } else {
    errors.push(fieldError(input.contactName ? 'relation' : 'contactName', 'crises.contact-required'));
  }
  if (errors.length || !contact) throw invalidFields(errors);
  await insertFamilyContact(caller.tx, {
    schoolId: caller.me.school.id,
    crisisId: id,
    contactName: contact.name,
    relation: contact.relation,
    phone: contact.phone,
    fromGuardians: contact.fromGuardians,
    contactedAt: at,
    method: input.method,
    agreed: input.agreed,
    recordedBy: caller.me.person.id,
  });
  await event(caller, id, 'family-contact.added', { relation: contact.relation, method: input.method });
  await audit(caller, 'crisis.family-contact', crisis);
}

/**
 * Records a green-channel referral to a hospital on the school's list (400 naming `hospitalId` otherwise), when
 * (not before the crisis opened) and who went along. Timeline and audit.
 */
export async function addReferral(caller: Caller, id: string, input: ReferralInput, now: Date) {
  requirePermission(caller, 'crises.run');
  const crisis = await openCrisisOf(caller, id);
  const at = new Date(input.referredAt);
  const errors = checkWhen('referredAt', at, crisis, now);
  const hospital = await findHospital(caller.tx, input.hospitalId);
  if (!hospital) errors.push(fieldError('hospitalId', 'crises.hospital-not-listed'));
  if (errors.length) throw invalidFields(errors);
  await insertReferral(caller.tx, {
    schoolId: caller.me.school.id,
    crisisId: id,
    hospitalId: input.hospitalId,
    referredAt: at,
    accompaniedBy: input.accompaniedBy,
    outcome: input.outcome || null,
    recordedBy: caller.me.person.id,
  });
  await event(caller, id, 'referral.added', { hospital: hospital!.name });
  await audit(caller, 'crisis.referral', crisis);
}

/** Records a referral's outcome and its return-to-school assessment. Timeline and audit. */
export async function assessReferral(
  caller: Caller,
  id: string,
  referralId: string,
  input: ReferralAssessmentInput,
  now: Date,
) {
  requirePermission(caller, 'crises.run');
  const crisis = await openCrisisOf(caller, id);
  const referral = (await referralsOf(caller.tx, id)).find((r) => r.id === referralId);
  if (!referral) throw problem('crises.referral-not-found');
  await updateReferral(caller.tx, referralId, {
    ...(input.outcome ? { outcome: input.outcome } : {}),
    returnAssessment: input.returnAssessment,
    returnAssessedAt: now,
    returnAssessedBy: caller.me.person.id,
  });
  await event(caller, id, 'referral.assessed', { referral: referralId });
  await audit(caller, 'crisis.referral-assess', crisis);
}

/**
 * Adds a student the crisis affected (roommate, classmate, witness) whom the caller sees in full, and opens their
 * support case (group or one-to-one), due in {@link SUPPORT_DUE_WORKING_DAYS} working days, with their counsellor
 * responsible (told like any assignment; the case's title says support, never the crisis). Timeline and audit.
 */
export async function addAffected(caller: Caller, id: string, input: AffectedInput, now: Date) {
  requirePermission(caller, 'crises.run');
  const crisis = await openCrisisOf(caller, id);
  if (input.studentId === crisis.studentId) {
    throw invalidFields([fieldError('studentId', 'crises.affected-is-the-student')]);
  }
  const student = await findStudent(caller.tx, input.studentId);
  if (!student || studentViewOf(caller.scope, student.placementPath) !== 'full') {
    throw invalidFields([fieldError('studentId', 'crises.source-not-found')]);
  }
  if ((await affectedOf(caller.tx, id)).some((a) => a.studentId === input.studentId)) {
    throw invalidFields([fieldError('studentId', 'crises.already-affected')]);
  }
  const responsible = (await loadResponsibleFinder(caller.tx)).responsibleFor(student.placementPath);
  const dueDate = await supportDueDate(caller, id, now);
  const caseId = await insertSupportCase(caller.tx, {
    schoolId: caller.me.school.id,
    studentId: student.id,
    title: input.support === 'group' ? '心理支持（团体辅导）' : '心理支持（一对一辅导）',
    responsiblePersonId: responsible,
    dueDate,
    openedBy: caller.me.person.id,
  });
  await insertAffected(caller.tx, {
    schoolId: caller.me.school.id,
    crisisId: id,
    studentId: student.id,
    relation: input.relation,
    support: input.support,
    caseId,
    addedBy: caller.me.person.id,
  });
  if (responsible) {
    const roles = (await rolesOfPeople(caller.tx, [responsible])).get(responsible) ?? [];
    await notifyResponsible(caller, { id: caseId, kind: 'support', dueDate }, responsible, roles);
  }
  await event(caller, id, 'affected.added', { relation: input.relation, support: input.support });
  await audit(caller, 'crisis.affected', crisis);
}

/**
 * Closes a crisis with a summary: refused (400, naming `steps.<code>` and `referrals.<i>`) while a required step is
 * neither done nor waived or a referral has no return-to-school assessment. The review the protocol asks for falls
 * due from the closing day (the school's working calendar). Timeline and audit 'crisis.close'.
 */
export async function closeCrisis(
  caller: Caller,
  id: string,
  summary: string,
  plugin: CompiledPlugin | undefined,
  now: Date,
) {
  requirePermission(caller, 'crises.run');
  const crisis = await openCrisisOf(caller, id);
  const steps = await stepsOf(caller.tx, [id]);
  const errors = [
    ...steps
      .filter((s) => s.required && isOpenStep(s))
      .map((s) => fieldError(`steps.${s.code}`, 'crises.step-open', { step: s.titleZh })),
    ...(await referralsOf(caller.tx, id)).flatMap((r, i) =>
      r.returnAssessment ? [] : [fieldError(`referrals.${i}`, 'crises.return-assessment-missing')],
    ),
  ];
  if (errors.length) throw invalidFields(errors);
  const { review } = await protocolOf(plugin, caller.me.school.code, crisis.level as CrisisLevel).catch(
    () => ({
      review: null,
    }),
  );
  await updateCrisis(caller.tx, id, {
    status: 'closed',
    closedAt: now,
    closedBy: caller.me.person.id,
    summary,
  });
  let dueOn: string | null = null;
  if (review) {
    dueOn = reviewDueOn(review, now, await schoolCalendar(caller.tx));
    await insertReview(caller.tx, { schoolId: caller.me.school.id, crisisId: id, dueOn });
    // The review is the center's (crises.review): its staff and director hear of it with its day.
    const center = await holdersOf(
      caller.tx,
      [
        { role: 'center_director', reach: 'school' },
        { role: 'center_staff', reach: 'school' },
      ],
      crisis.placementPath,
    );
    await notifyReviewDue(caller.tx, caller.me.school.id, id, center, dueOn);
  }
  await event(caller, id, 'closed', { reviewDueOn: dueOn });
  await audit(caller, 'crisis.close', crisis);
}

/** Reopens a closed crisis with a reason; a review not yet held is dropped (it falls due again at closing). */
export async function reopenCrisis(caller: Caller, id: string, reason: string) {
  requirePermission(caller, 'crises.run');
  const crisis = await crisisOf(caller, id);
  if (crisis.status !== 'closed') throw problem('crises.not-closed');
  await updateCrisis(caller.tx, id, { status: 'open', closedAt: null, closedBy: null });
  await dropPendingReviews(caller.tx, id);
  await event(caller, id, 'reopened', { reason });
  await audit(caller, 'crisis.reopen', crisis);
}

/** Records the review meeting of a closed crisis (the center), with its written case report. Timeline and audit. */
export async function recordReview(caller: Caller, id: string, input: ReviewInput) {
  requirePermission(caller, 'crises.review');
  const crisis = await crisisOf(caller, id);
  if (crisis.status !== 'closed') throw problem('crises.not-closed');
  const pending = (await reviewsOf(caller.tx, id)).find((r) => r.heldOn === null);
  if (!pending) throw problem('crises.no-review-due');
  if (crisis.closedAt && input.heldOn < toChinaDate(crisis.closedAt)) {
    throw invalidFields([fieldError('heldOn', 'crises.held-before-closing')]);
  }
  await updateReview(caller.tx, pending.id, {
    heldOn: input.heldOn,
    participants: input.participants,
    findings: input.findings,
    changes: input.changes,
    report: input.report,
    recordedBy: caller.me.person.id,
  });
  await event(caller, id, 'review.held', { heldOn: input.heldOn, dueOn: pending.dueOn });
  await audit(caller, 'crisis.review', crisis);
}

// Contracted hospitals (绿色通道), school settings

/** The school's contracted hospitals: for those who keep the list and those who refer to it. */
export async function listHospitalsOf(caller: Caller) {
  if (!can(caller, 'hospitals.manage')) requirePermission(caller, 'crises.read');
  return listHospitals(caller.tx);
}

function checkAgreement(input: HospitalInput): void {
  if (input.agreementFrom && input.agreementTo && input.agreementTo < input.agreementFrom) {
    throw invalidFields([fieldError('agreementTo', 'crises.agreement-order')]);
  }
}

/** Audits a change of the school's hospital list (school settings, no student). */
const auditHospital = (caller: Caller, action: string, id: string) =>
  recordAccess(caller.tx, caller.me, {
    action,
    entity: 'contracted_hospital',
    entityId: id,
    studentId: null,
    purpose: caller.purpose,
  });

/** Adds a hospital to the school's list (`hospitals.manage`). */
export async function createHospital(caller: Caller, input: HospitalInput) {
  requirePermission(caller, 'hospitals.manage');
  checkAgreement(input);
  const row = await insertHospital(caller.tx, { schoolId: caller.me.school.id, ...input });
  await auditHospital(caller, 'hospital.create', row.id);
  return row;
}

/** Changes a hospital of the list (404 for none). */
export async function changeHospital(caller: Caller, id: string, input: HospitalInput) {
  requirePermission(caller, 'hospitals.manage');
  checkAgreement(input);
  const row = await updateHospital(caller.tx, id, input);
  if (!row) throw problem('crises.hospital-not-found');
  await auditHospital(caller, 'hospital.update', id);
  return row;
}

/** Takes a hospital off the list: refused (409) once a referral names it (end its agreement instead). */
export async function removeHospital(caller: Caller, id: string): Promise<void> {
  requirePermission(caller, 'hospitals.manage');
  if (!(await findHospital(caller.tx, id))) throw problem('crises.hospital-not-found');
  if (await hospitalInUse(caller.tx, id)) throw problem('crises.hospital-in-use');
  await deleteHospital(caller.tx, id);
  await auditHospital(caller, 'hospital.delete', id);
}
