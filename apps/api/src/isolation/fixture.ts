import { randomUUID } from 'node:crypto';
import {
  allianceDepartments,
  allianceEvents,
  allianceMembers,
  allianceRecords,
  allianceTerms,
  caseEntries,
  cases,
  centerStaffMembers,
  concernReports,
  contractedHospitals,
  crises,
  crisisReferrals,
  crisisSteps,
  keyStudents,
  notifications,
  screeningImports,
  screeningResults,
  screeningWaves,
  studentFileEntries,
  students,
  type TenantTx,
  workingDayOverrides,
} from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { tenantScope } from '../auth/scope.ts';
import {
  createTestApp,
  loginAs,
  loginAsStudent,
  TEST_ACCOUNTS,
  type TestApp,
  type TestSchool,
  type TestSession,
} from '../testing/index.ts';
import { addSupport } from './fixture-support.ts';
import { addTreeHole } from './fixture-tree-hole.ts';
import { addWarnings } from './fixture-warnings.ts';

/**
 * The kinds of record a route can name in its path, query or body. A route that names something else makes the
 * isolation suite fail until the kind is added here and to the fixture (see `kinds.ts`).
 */
export type Kind =
  | 'student'
  | 'case'
  | 'caseEntry'
  | 'fileEntry'
  | 'unit'
  | 'person'
  | 'staffMember'
  | 'wave'
  | 'screeningResult'
  | 'screeningImport'
  | 'allianceTerm'
  | 'allianceDepartment'
  | 'allianceMember'
  | 'allianceEvent'
  | 'allianceTask'
  | 'allianceRecord'
  | 'notification'
  | 'concernReport'
  | 'keyStudent'
  | 'crisis'
  | 'crisisReferral'
  | 'supportList'
  | 'supportEntry'
  | 'supportFile'
  | 'sanction'
  | 'warning'
  | 'integrationToken'
  | 'hospital'
  | 'slot'
  | 'appointment'
  | 'screeningConsent'
  | 'treeHoleMessage';

/** One record of each kind, all belonging to one college (or, for school-level kinds, to the school). */
export type KindIds = Partial<Record<Kind, string>>;

/** What a marker is, for failure messages: 'beta college 1 student number'. */
export type MarkerLabel = string;

/** A college of the fixture: its records and what identifies them. */
export interface FixtureCollege {
  index: 0 | 1;
  ids: KindIds;
  collegeName: string;
  className: string;
  studentNumbers: string[];
  /** Strings that belong to this college: ids, student numbers and names, case titles, people's names. */
  markers: Map<string, MarkerLabel>;
}

/** A school of the fixture. */
export interface FixtureSchool {
  code: 'alpha' | 'beta';
  world: TestSchool;
  colleges: [FixtureCollege, FixtureCollege];
  /** Records of the school not bound to a college (staff roster, screening waves). */
  schoolIds: KindIds;
  /** Every string that belongs to the school (its colleges' markers included). */
  markers: Map<string, MarkerLabel>;
  /** What reduced-view roles must never see: screening answers, case notes, contacts, guardian data. */
  sensitive: Map<string, MarkerLabel>;
  /** The first student of college 1 with a student account (学生端), its password already changed, and the ids of
   * their own records (an appointment, a declined consent), which they may read. */
  student?: { number: string; password: string; ownIds: string[] };
}

export interface IsolationFixture {
  t: TestApp;
  schools: { alpha: FixtureSchool; beta: FixtureSchool };
}

/**
 * The day both schools edited in their working-day calendar: the example of `{date}` in the calendar routes, so the
 * value-keyed write probes aim at it, and in the year of the test clock, so `GET /screening/calendar` shows it.
 */
export const CALENDAR_PROBE_DAY = '2025-11-14';

/** The test accounts whose roles sit inside one college, and which college. */
export const COLLEGE_OF_ACCOUNT: Readonly<Record<string, 0 | 1 | undefined>> = Object.fromEntries(
  TEST_ACCOUNTS.map((a) => [
    a.username,
    a.on === 'college2' ? 1 : a.on === 'college1' || a.on === 'class1' || a.on === 'dorm1' ? 0 : undefined,
  ]),
);

/** The roles that see the reduced view: they must never see what {@link FixtureSchool.sensitive} holds. */
export const REDUCED_VIEW_USERNAMES: ReadonlySet<string> = new Set(
  TEST_ACCOUNTS.filter((a) => a.role === 'class_committee' || a.role === 'dorm_liaison').map(
    (a) => a.username,
  ),
);

/**
 * The test world (two schools, two colleges each, one account per role) with something to leak in every corner:
 * unique student names, contacts and guardians, restricted and network file entries, a case with notes per
 * college, screening results with answers, and a center staff roster. Everything is written through the same
 * RLS-guarded transactions the API uses.
 */
export async function createIsolationFixture(): Promise<IsolationFixture> {
  const t = await createTestApp();
  const alpha = await enrich(t, t.world.schools.alpha, 'alpha', 1);
  const beta = await enrich(t, t.world.schools.beta, 'beta', 2);
  for (const school of [alpha, beta]) await addConcernReports(t, school);
  for (const school of [alpha, beta]) await addKeyStudents(t, school);
  for (const school of [alpha, beta]) await addCrises(t, school);
  for (const school of [alpha, beta]) await addSupport(t, school);
  for (const school of [alpha, beta]) await addWarnings(t, school);
  for (const school of [alpha, beta]) await addTreeHole(t, school);
  for (const school of [alpha, beta]) school.student = await addStudentAccount(t, school);
  return { t, schools: { alpha, beta } };
}

async function enrich(
  t: TestApp,
  world: TestSchool,
  code: 'alpha' | 'beta',
  digit: number,
): Promise<FixtureSchool> {
  const scope = tenantScope({
    schoolId: world.id,
    personId: null,
    fullScopePaths: ['/'],
    reducedScopePaths: [],
    capabilities: ['screening.answers', 'screening.manage'],
  });
  return withTenant(t.db, scope, async (tx) => {
    const markers = new Map<string, MarkerLabel>();
    const sensitive = new Map<string, MarkerLabel>();
    const waveId = await addWave(tx, world, code);
    markers.set(`${code}2024秋季普查`, `${code} screening wave name`);
    const importId = await addScreeningImport(tx, world, waveId, code, markers);
    const staffMemberId = await addStaffMember(tx, world, code, markers);
    await addCalendarEdit(tx, world, code, markers);
    const colleges = [] as unknown as [FixtureCollege, FixtureCollege];
    for (const index of [0, 1] as const) {
      colleges.push(await enrichCollege(tx, world, code, digit, index, waveId, sensitive));
    }
    for (const college of colleges) for (const [m, label] of college.markers) markers.set(m, label);
    for (const [m, label] of sensitive) markers.set(m, label);
    for (const id of [world.id, world.rootId, world.centerId, waveId])
      markers.set(id, `${code} school record ${id}`);
    for (const account of TEST_ACCOUNTS) {
      markers.set(world.people[account.username]!, `${code} person id of ${account.username}`);
      markers.set(personName(code, account.username), `${code} person name of ${account.username}`);
    }
    return {
      code,
      world,
      colleges,
      schoolIds: {
        staffMember: staffMemberId,
        wave: waveId,
        screeningImport: importId,
        ...(await addAlliance(tx, world, code, markers)),
      },
      markers,
      sensitive,
    };
  });
}

/** The display name `seedTestWorld` gives an account: the school's name, then the username. */
function personName(code: string, username: string): string {
  return `${code === 'alpha' ? '阿尔法大学' : '贝塔大学'}${username}`;
}

async function addWave(tx: TenantTx, world: TestSchool, code: string): Promise<string> {
  const [wave] = await tx
    .insert(screeningWaves)
    .values({
      schoolId: world.id,
      academicYear: 2024,
      name: `${code}2024秋季普查`,
      instrument: 'phq9',
      cohort: 'all',
      opensOn: '2024-09-09',
      closesOn: '2024-09-30',
      status: 'closed',
    })
    .returning({ id: screeningWaves.id });
  return wave!.id;
}

async function addScreeningImport(
  tx: TenantTx,
  world: TestSchool,
  waveId: string,
  code: string,
  markers: Map<string, MarkerLabel>,
): Promise<string> {
  const fileName = `${code}-2024秋季普查结果.csv`;
  const [row] = await tx
    .insert(screeningImports)
    .values({ schoolId: world.id, waveId, fileName, fileSha256: `${code}-sha256`, status: 'done' })
    .returning({ id: screeningImports.id });
  markers.set(row!.id, `${code} screening import id`);
  markers.set(fileName, `${code} screening import file name`);
  return row!.id;
}

/** A peer alliance term with a department, a member (a student of the first college), a meeting, a task, a record. */
async function addAlliance(
  tx: TenantTx,
  world: TestSchool,
  code: string,
  markers: Map<string, MarkerLabel>,
): Promise<KindIds> {
  const schoolId = world.id;
  const names = {
    department: `${code}联盟办公室`,
    term: `${code}2024-2025学年第一学期`,
    member: `${code}联盟干事甲`,
    meeting: `${code}办公室例会`,
    task: `${code}值班记录整理`,
  };
  const [department] = await tx
    .insert(allianceDepartments)
    .values({ schoolId, name: names.department, kind: 'office' })
    .returning({ id: allianceDepartments.id });
  const [term] = await tx
    .insert(allianceTerms)
    .values({ schoolId, name: names.term, startsOn: '2024-09-01', endsOn: '2025-01-20' })
    .returning({ id: allianceTerms.id });
  const [member] = await tx
    .insert(allianceMembers)
    .values({
      schoolId,
      termId: term!.id,
      departmentId: department!.id,
      studentId: world.colleges[0].studentIds[0]!,
      name: names.member,
      memberRole: 'staff',
    })
    .returning({ id: allianceMembers.id });
  const event = (kind: 'routine_meeting' | 'assigned_task', title: string) => ({
    schoolId,
    termId: term!.id,
    departmentId: department!.id,
    kind: kind as 'routine_meeting',
    title,
    startsAt: new Date('2024-10-08T10:00:00Z'),
    status: 'open' as const,
  });
  const [meeting, task] = await tx
    .insert(allianceEvents)
    .values([event('routine_meeting', names.meeting), event('assigned_task', names.task)])
    .returning({ id: allianceEvents.id });
  const [record] = await tx
    .insert(allianceRecords)
    .values({
      schoolId,
      termId: term!.id,
      memberId: member!.id,
      eventId: meeting!.id,
      kind: 'attendance', // a kind the API writes: answers type it (AllianceRecord.kind)
      facts: { attendance: 'present' },
    })
    .returning({ id: allianceRecords.id });
  const ids: KindIds = {
    allianceDepartment: department!.id,
    allianceTerm: term!.id,
    allianceMember: member!.id,
    allianceEvent: meeting!.id,
    allianceTask: task!.id,
    allianceRecord: record!.id,
  };
  for (const [kind, id] of Object.entries(ids)) markers.set(id!, `${code} ${kind} id`);
  for (const [what, name] of Object.entries(names)) markers.set(name, `${code} alliance ${what} name`);
  return ids;
}

async function addStaffMember(
  tx: TenantTx,
  world: TestSchool,
  code: string,
  markers: Map<string, MarkerLabel>,
): Promise<string> {
  const name = `${code}中心专职教师甲`;
  const [member] = await tx
    .insert(centerStaffMembers)
    .values({ schoolId: world.id, academicYear: 2024, name, employment: 'full_time', trainingHours: 12 })
    .returning({ id: centerStaffMembers.id });
  markers.set(member!.id, `${code} center staff member id`);
  markers.set(name, `${code} center staff member name`);
  return member!.id;
}

/** The school's edit of {@link CALENDAR_PROBE_DAY}, with a note only this school wrote. */
async function addCalendarEdit(
  tx: TenantTx,
  world: TestSchool,
  code: string,
  markers: Map<string, MarkerLabel>,
): Promise<void> {
  const note = `${code}校运动会停课`;
  await tx
    .insert(workingDayOverrides)
    .values({ schoolId: world.id, day: CALENDAR_PROBE_DAY, working: 'off', note });
  markers.set(note, `${code} working-day calendar note`);
}

async function enrichCollege(
  tx: TenantTx,
  world: TestSchool,
  code: string,
  digit: number,
  index: 0 | 1,
  waveId: string,
  sensitive: Map<string, MarkerLabel>,
): Promise<FixtureCollege> {
  const college = world.colleges[index];
  const where = `${code} college ${index + 1}`;
  const markers = new Map<string, MarkerLabel>();
  for (const id of [college.id, college.classId, college.dormId]) markers.set(id, `${where} unit id`);
  const fileEntryIds: string[] = [];
  const resultIds: string[] = [];
  for (const [n, studentId] of college.studentIds.entries()) {
    const tag = `${code}${index + 1}${n + 1}`;
    const contact = {
      name: `${code}同学${index + 1}${n + 1}`,
      phone: `139${digit}${index}${n}00${digit}${index}${n}`,
      email: `${tag}@student.example.cn`,
      guardianName: `${code}家长${index + 1}${n + 1}`,
      guardianPhone: `137${digit}${index}${n}00${digit}${index}${n}`,
    };
    await tx
      .update(students)
      .set({
        name: contact.name,
        phone: contact.phone,
        email: contact.email,
        guardians: [{ name: contact.guardianName, relation: '母亲', phone: contact.guardianPhone }],
      })
      .where(eq(students.id, studentId));
    markers.set(studentId, `${where} student id`);
    markers.set(college.studentNumbers[n]!, `${where} student number`);
    markers.set(contact.name, `${where} student name`);
    sensitive.set(contact.phone, `${where} student phone`);
    sensitive.set(contact.email, `${where} student email`);
    sensitive.set(contact.guardianName, `${where} guardian name`);
    sensitive.set(contact.guardianPhone, `${where} guardian phone`);
    fileEntryIds.push(...(await addFileEntries(tx, world.id, studentId, tag, where, markers, sensitive)));
    resultIds.push(await addScreening(tx, world.id, waveId, studentId, tag, where, markers, sensitive));
  }
  const [caseId, caseEntryId] = await addCase(
    tx,
    world,
    index,
    college.studentIds[0]!,
    code,
    where,
    markers,
    sensitive,
  );
  const notificationId = await addNotification(tx, world, index, where, markers);
  for (const account of TEST_ACCOUNTS) {
    if (COLLEGE_OF_ACCOUNT[account.username] === index) {
      markers.set(world.people[account.username]!, `${where} person id of ${account.username}`);
      markers.set(personName(code, account.username), `${where} person name of ${account.username}`);
    }
  }
  return {
    index,
    collegeName: `第${index + 1}学院`,
    className: `第${index + 1}学院2024级1班`,
    studentNumbers: college.studentNumbers,
    ids: {
      student: college.studentIds[0]!,
      unit: college.id,
      person: world.people[index === 0 ? 'station1' : 'counsellor2']!,
      fileEntry: fileEntryIds[0]!,
      case: caseId,
      caseEntry: caseEntryId,
      screeningResult: resultIds[0]!,
      notification: notificationId,
    },
    markers,
  };
}

/** An in-app notification for the college's person (station head, or counsellor): only they may read or mark it. */
async function addNotification(
  tx: TenantTx,
  world: TestSchool,
  index: 0 | 1,
  where: string,
  markers: Map<string, MarkerLabel>,
): Promise<string> {
  const id = randomUUID(); // no RETURNING: the fixture's transaction is no one's, so it cannot read the row back
  await tx.insert(notifications).values({
    id,
    schoolId: world.id,
    recipientId: world.people[index === 0 ? 'station1' : 'counsellor2']!,
    kind: 'cases.unassigned',
    params: { count: 1 },
    link: '/college-station/follow-ups',
  });
  markers.set(id, `${where} notification id`);
  return id;
}

async function addFileEntries(
  tx: TenantTx,
  schoolId: string,
  studentId: string,
  tag: string,
  where: string,
  markers: Map<string, MarkerLabel>,
  sensitive: Map<string, MarkerLabel>,
): Promise<string[]> {
  const restricted = {
    title: `${tag}心理访谈记录`,
    body: `${tag}访谈原文：自述近期失眠`,
    secret: `${tag}-interview-secret`,
  };
  const network = { title: `${tag}寝室走访`, body: `${tag}寝室氛围良好` };
  const rows = await tx
    .insert(studentFileEntries)
    .values([
      {
        schoolId,
        studentId,
        kind: 'counselling',
        title: restricted.title,
        body: restricted.body,
        visibility: 'restricted',
        data: { note: restricted.secret },
      },
      {
        schoolId,
        studentId,
        kind: 'dorm_visit',
        title: network.title,
        body: network.body,
        visibility: 'network',
      },
    ])
    .returning({ id: studentFileEntries.id });
  for (const row of rows) markers.set(row.id, `${where} file entry id`);
  markers.set(network.title, `${where} network file entry`);
  sensitive.set(restricted.title, `${where} restricted file entry title`);
  sensitive.set(restricted.body, `${where} restricted file entry body`);
  sensitive.set(restricted.secret, `${where} restricted file entry data`);
  return rows.map((row) => row.id);
}

async function addScreening(
  tx: TenantTx,
  schoolId: string,
  waveId: string,
  studentId: string,
  tag: string,
  where: string,
  markers: Map<string, MarkerLabel>,
  sensitive: Map<string, MarkerLabel>,
): Promise<string> {
  const answersMarker = `${tag}-screening-answers`;
  const [result] = await tx
    .insert(screeningResults)
    .values({
      schoolId,
      waveId,
      studentId,
      placementPath: sql`(SELECT placement_path FROM students WHERE id = ${studentId}::uuid)`,
      answers: [3, 2, 2, 1, 2, 3, 1, 1, 2],
      scores: { marker: answersMarker },
      instrument: 'phq9',
      summary: { total: 17, item9: 2 },
      attentionTier: 1,
      reasons: [{ ruleName: `${tag}-tier-rule`, zh: '总分≥15', en: 'total ≥ 15' }],
      pluginId: 'alpha',
      pluginVersion: '1.0.0',
    })
    .returning({ id: screeningResults.id });
  markers.set(result!.id, `${where} screening result id`);
  sensitive.set(`${tag}-tier-rule`, `${where} screening tier reason`);
  sensitive.set(answersMarker, `${where} screening answers`);
  return result!.id;
}

async function addCase(
  tx: TenantTx,
  world: TestSchool,
  index: 0 | 1,
  studentId: string,
  code: string,
  where: string,
  markers: Map<string, MarkerLabel>,
  sensitive: Map<string, MarkerLabel>,
): Promise<[string, string]> {
  const title = `${code}${index + 1}危机个案`;
  const note = `${code}${index + 1}个案笔记：夜间情绪崩溃`;
  const responsible = world.people[index === 0 ? 'counsellor1' : 'counsellor2']!;
  const [row] = await tx
    .insert(cases)
    .values({
      schoolId: world.id,
      studentId,
      kind: 'crisis',
      title,
      responsiblePersonId: responsible,
      dueDate: '2025-03-10',
      openedBy: world.people.director!,
    })
    .returning({ id: cases.id });
  const [entry] = await tx
    .insert(caseEntries)
    .values({ schoolId: world.id, caseId: row!.id, kind: 'note', body: note, authorId: responsible })
    .returning({ id: caseEntries.id });
  markers.set(row!.id, `${where} case id`);
  markers.set(entry!.id, `${where} case entry id`);
  sensitive.set(row!.id, `${where} case id`);
  sensitive.set(title, `${where} case title`);
  sensitive.set(note, `${where} case note`);
  return [row!.id, entry!.id];
}

/**
 * A concern report per college, filed in the reporter's own name (RLS checks it): by the class psych committee
 * member in college 1, by the counsellor in college 2. College 1's is closed with a reason its reporter must never
 * see (sensitive); its note is the reporter's own words (a college marker).
 */
async function addConcernReports(t: TestApp, school: FixtureSchool): Promise<void> {
  for (const college of school.colleges) {
    const where = `${school.code} college ${college.index + 1}`;
    const reporterId = school.world.people[college.index === 0 ? 'committee1' : 'counsellor2']!;
    const id = randomUUID();
    const note = `${school.code}${college.index + 1}关注报告：常独自哭泣`;
    const reason = `${school.code}${college.index + 1}关闭原因：已转介医院`;
    const scope = tenantScope({
      schoolId: school.world.id,
      personId: reporterId,
      fullScopePaths: ['/'],
      reducedScopePaths: [],
    });
    await withTenant(t.db, scope, async (tx) => {
      await tx.insert(concernReports).values({
        id,
        schoolId: school.world.id,
        studentId: college.ids.student!,
        reporterId,
        signs: ['withdrawn'],
        note,
        urgency: 'routine',
        assigneeId: school.world.people[college.index === 0 ? 'counsellor1' : 'counsellor2']!,
        dueAt: new Date('2025-03-04T16:00:00Z'),
        pluginId: school.code,
        pluginVersion: '1.0.0',
      });
      if (college.index === 0) {
        await tx
          .update(concernReports)
          .set({ status: 'closed', outcome: 'closed', closeReason: reason, triagedAt: new Date() })
          .where(eq(concernReports.id, id));
        school.sensitive.set(reason, `${where} concern report close reason`);
        school.markers.set(reason, `${where} concern report close reason`);
      }
    });
    college.ids.concernReport = id;
    for (const marker of [id, note]) {
      college.markers.set(marker, `${where} concern report`);
      school.markers.set(marker, `${where} concern report`);
    }
  }
}

/** A key student per college, added by hand by the college's counsellor (the rows removal routes name). */
async function addKeyStudents(t: TestApp, school: FixtureSchool): Promise<void> {
  for (const college of school.colleges) {
    const where = `${school.code} college ${college.index + 1}`;
    const counsellorId = school.world.people[college.index === 0 ? 'counsellor1' : 'counsellor2']!;
    const id = randomUUID();
    const reason = `${school.code}${college.index + 1}重点关注原因：家庭变故`;
    const scope = tenantScope({
      schoolId: school.world.id,
      personId: counsellorId,
      fullScopePaths: ['/'],
      reducedScopePaths: [],
    });
    await withTenant(t.db, scope, (tx) =>
      tx.insert(keyStudents).values({
        id,
        schoolId: school.world.id,
        studentId: college.ids.student!,
        counsellorId,
        source: 'manual',
        reason,
        addedBy: counsellorId,
      }),
    );
    college.ids.keyStudent = id;
    for (const marker of [id, reason]) {
      college.markers.set(marker, `${where} key student`);
      school.markers.set(marker, `${where} key student`);
    }
  }
}

/**
 * A contracted hospital per school (school settings), and a crisis per college opened by the college's counsellor,
 * with its family-contact step and a referral to the school's hospital. What happened is sensitive: the reduced
 * view never sees a crisis at all.
 */
async function addCrises(t: TestApp, school: FixtureSchool): Promise<void> {
  const hospitalId = randomUUID();
  const hospitalName = `${school.code}合作医院心理科`;
  for (const college of school.colleges) {
    const where = `${school.code} college ${college.index + 1}`;
    const counsellorId = school.world.people[college.index === 0 ? 'counsellor1' : 'counsellor2']!;
    const id = randomUUID();
    const referralId = randomUUID();
    const situation = `${school.code}${college.index + 1}危机经过：寝室发现自伤`;
    const scope = tenantScope({
      schoolId: school.world.id,
      personId: counsellorId,
      fullScopePaths: ['/'],
      reducedScopePaths: [],
    });
    await withTenant(t.db, scope, async (tx) => {
      if (college.index === 0) {
        await tx
          .insert(contractedHospitals)
          .values({ id: hospitalId, schoolId: school.world.id, name: hospitalName });
      }
      await tx.insert(crises).values({
        id,
        schoolId: school.world.id,
        studentId: college.ids.student!,
        level: 'major',
        situation,
        source: 'direct',
        openedBy: counsellorId,
        openedAt: new Date('2025-03-03T07:00:00Z'),
        pluginId: school.code,
        pluginVersion: '1.0.0',
      });
      await tx.insert(crisisSteps).values({
        schoolId: school.world.id,
        crisisId: id,
        code: 'family-contact',
        position: 1,
        titleZh: '家校沟通',
        titleEn: 'Contact the family',
        doers: [{ role: 'counsellor', reach: 'student' }],
        escalateTo: [{ role: 'center_director', reach: 'school' }],
        records: ['note'],
        required: true,
        dueAt: new Date('2025-03-03T12:00:00Z'),
      });
      await tx.insert(crisisReferrals).values({
        id: referralId,
        schoolId: school.world.id,
        crisisId: id,
        hospitalId,
        referredAt: new Date('2025-03-03T09:00:00Z'),
        accompaniedBy: '辅导员',
        recordedBy: counsellorId,
      });
    });
    college.ids.crisis = id;
    college.ids.crisisReferral = referralId;
    school.sensitive.set(situation, `${where} crisis situation`);
    for (const marker of [id, referralId, situation]) {
      college.markers.set(marker, `${where} crisis`);
      school.markers.set(marker, `${where} crisis`);
    }
  }
  school.schoolIds.hospital = hospitalId;
  for (const marker of [hospitalId, hospitalName])
    school.markers.set(marker, `${school.code} contracted hospital`);
}

/**
 * A student account for the first student of college 1, made as a school does it: the admin issues the class's
 * accounts (the XLSX of initial passwords), the student changes the issued password at the first sign-in.
 */
async function addStudentAccount(
  t: TestApp,
  school: FixtureSchool,
): Promise<{ number: string; password: string; ownIds: string[] }> {
  const admin = await loginAs(t.app, school.code, 'admin');
  const issued = await admin.request(
    `/api/student-accounts/classes/${school.world.colleges[0].classId}/issue.xlsx`,
    {
      method: 'POST',
    },
  );
  if (issued.status !== 200) throw new Error(`issuing student accounts answered ${issued.status}`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await issued.arrayBuffer());
  const number = school.colleges[0].studentNumbers[0]!;
  let initial = '';
  workbook.worksheets[0]!.eachRow((row) => {
    if (String(row.getCell(1).value) === number) initial = String(row.getCell(3).value);
  });
  const student = await loginAsStudent(t.app, school.code, number, initial);
  const password = `${school.code}-student-password`;
  const changed = await student.request('/api/me/password', {
    method: 'POST',
    body: { currentPassword: initial, newPassword: password },
  });
  if (changed.status !== 204) throw new Error(`changing the student password answered ${changed.status}`);
  const ownIds = await addStudentSideRecords(t, school, student);
  return { number, password, ownIds };
}

/**
 * The student side's records to aim at: a slot the center published (the school's), the student's booking of it
 * and their declined consent to an open online wave (college 1's). Answers the student's own ids.
 */
async function addStudentSideRecords(
  t: TestApp,
  school: FixtureSchool,
  student: TestSession,
): Promise<string[]> {
  const director = await loginAs(t.app, school.code, 'director');
  // biome-ignore lint/suspicious/noExplicitAny: the answers' shapes are the API's, read a field or two
  const expect2xx = async (what: string, res: Response): Promise<any> => {
    if (res.status >= 300) throw new Error(`${what} answered ${res.status}: ${await res.text()}`);
    return res.json();
  };
  const slot = await expect2xx(
    'publishing a slot',
    await director.request('/api/appointments/slots', {
      method: 'POST',
      body: {
        startsAt: '2025-03-20T02:00:00Z',
        endsAt: '2025-03-20T03:00:00Z',
        location: `${school.code}咨询室`,
      },
    }),
  );
  const appointment = await expect2xx(
    'booking',
    await student.request('/api/appointments', { method: 'POST', body: { slotId: slot.id } }),
  );
  const wave = await expect2xx(
    'creating an online wave',
    await director.request('/api/screening/waves', {
      method: 'POST',
      body: {
        academicYear: 2024,
        name: `${school.code}线上测评`,
        instrument: 'PHQ-9',
        cohort: 'all',
        opensOn: '2025-03-01',
        closesOn: '2025-03-31',
      },
    }),
  );
  await expect2xx(
    'opening the wave',
    await director.request(`/api/screening/waves/${wave.wave.id}/status`, {
      method: 'POST',
      body: { status: 'open' },
    }),
  );
  const open = await expect2xx('listing open waves', await student.request('/api/me/screenings'));
  const consent = await expect2xx(
    'declining',
    await student.request(`/api/me/screenings/${wave.wave.id}/consent`, {
      method: 'POST',
      body: { decision: 'declined', version: open.consentText.version },
    }),
  );
  school.schoolIds.slot = slot.id;
  school.markers.set(slot.id, `${school.code} counselling slot id`);
  school.colleges[0].ids.appointment = appointment.id;
  school.colleges[0].ids.screeningConsent = consent.id;
  for (const id of [appointment.id, consent.id]) {
    school.colleges[0].markers.set(id, `${school.code} college 1 student-side id`);
    school.markers.set(id, `${school.code} college 1 student-side id`);
  }
  return [appointment.id, consent.id];
}
