import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../context.ts';
import { jobKinds } from '../../jobs/kinds.ts';
import { type JobWorker, startJobWorker } from '../../jobs/worker.ts';
import {
  createTestApp,
  json,
  loginAs,
  loginAsStudent,
  type TestApp,
  type TestSession,
  testClock,
  testPluginCatalog,
} from '../../testing/index.ts';
import { localEmail, outboxRows, setUpChannels, startSmtpServer } from '../notifications/testing.ts';

// The student side end to end through the API: bulk-issued accounts, the first password change, consent, an online
// PHQ-9 with a safety answer, the counsellor's urgent work, a booking, the session and an anonymous rating.
let t: TestApp;
let worker: JobWorker;
let admin: TestSession;
let director: TestSession;
let counsellor: TestSession;
const passwords = new Map<string, string>();

const studentLogin = (studentNumber: string, password: string): Promise<TestSession> =>
  loginAsStudent(t.app, 'alpha', studentNumber, password);

const college1 = () => t.world.schools.alpha.colleges[0];
let waveId: string;

beforeAll(async () => {
  const { plugins } = await testPluginCatalog({ copies: { alpha: 'hrbmu' } });
  t = await createTestApp({ plugins, clock: testClock(new Date('2026-11-02T02:00:00Z')) });
  worker = startJobWorker({
    deps: { db: t.db, plugins, config: defaultConfig, clock: t.clock, log: () => {} },
    kinds: jobKinds,
    pollMs: 20,
  });
  admin = await loginAs(t.app, 'alpha', 'admin');
  director = await loginAs(t.app, 'alpha', 'director');
  counsellor = await loginAs(t.app, 'alpha', 'counsellor1');
}, 60_000);
afterAll(async () => {
  await worker?.stop();
  await t?.close();
});

describe('student side', () => {
  it('issues a class’s accounts in bulk as an XLSX sheet of initial passwords, once', async () => {
    const res = await admin.request(`/api/student-accounts/classes/${college1().classId}/issue.xlsx`, {
      method: 'POST',
    });
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    workbook.worksheets[0]!.eachRow((row, n) => {
      if (n > 1) passwords.set(String(row.getCell(1).value), String(row.getCell(3).value));
    });
    expect(passwords.size).toBe(3);
    const again = await admin.request(`/api/student-accounts/classes/${college1().classId}/issue.xlsx`, {
      method: 'POST',
    });
    expect(again.status).toBe(200);
    const counsellorTry = await counsellor.request(
      `/api/student-accounts/classes/${college1().classId}/issue.xlsx`,
      { method: 'POST' },
    );
    expect(counsellorTry.status).toBe(403);
  }, 60_000);

  it('makes a student change the issued password before anything else', async () => {
    const number = college1().studentNumbers[0]!;
    const student = await studentLogin(number, passwords.get(number)!);
    expect((await json(await student.request('/api/me/student'))).mustChangePassword).toBe(true);
    const blocked = await student.request('/api/me/screenings');
    expect(blocked.status).toBe(403);
    expect((await json(blocked)).code).toBe('student.password-change-required');
    const wrong = await student.request('/api/me/password', {
      method: 'POST',
      body: { currentPassword: 'nope', newPassword: 'a-new-password-2026' },
    });
    expect(wrong.status).toBe(400);
    expect((await json(wrong)).errors[0].field).toBe('currentPassword');
    const changed = await student.request('/api/me/password', {
      method: 'POST',
      body: { currentPassword: passwords.get(number), newPassword: 'a-new-password-2026' },
    });
    expect(changed.status).toBe(204);
    expect((await student.request('/api/me/screenings')).status).toBe(200);
  });

  it('takes a PHQ-9 with consent: bad answers refused naming the item, a safety answer tells the counsellor at once', async () => {
    const created = await director.request('/api/screening/waves', {
      method: 'POST',
      body: {
        academicYear: 2026,
        name: '线上测评',
        instrument: 'PHQ-9',
        cohort: 'all',
        opensOn: '2026-11-01',
        closesOn: '2026-11-30',
      },
    });
    expect(created.status).toBe(201);
    waveId = (await json(created)).wave.id;
    const opened = await director.request(`/api/screening/waves/${waveId}/status`, {
      method: 'POST',
      body: { status: 'open' },
    });
    expect(opened.status, await opened.clone().text()).toBe(200);

    const student = await studentLogin(college1().studentNumbers[0]!, 'a-new-password-2026');
    const list = await json(await student.request('/api/me/screenings'));
    expect(list.screenings).toHaveLength(1);
    expect(list.screenings[0].status).toBe('not_started');
    const early = await student.request(`/api/me/screenings/${waveId}/responses`, {
      method: 'POST',
      body: { answers: [0, 0, 0, 0, 0, 0, 0, 0, 1], submit: true },
    });
    expect(early.status).toBe(409);
    const consent = await student.request(`/api/me/screenings/${waveId}/consent`, {
      method: 'POST',
      body: { decision: 'consented', version: list.consentText.version },
    });
    expect(consent.status).toBe(200);
    const bad = await student.request(`/api/me/screenings/${waveId}/responses`, {
      method: 'POST',
      body: { answers: [0, 0, 7, 0, 0, 0, 0, 0, null], submit: false },
    });
    expect(bad.status).toBe(400);
    expect((await json(bad)).errors.map((e: { field: string }) => e.field)).toEqual(['answers.2']);
    const saved = await student.request(`/api/me/screenings/${waveId}/responses`, {
      method: 'POST',
      body: { answers: [1, 0, 0, 0, 0, 0, 0, 0, null], submit: false },
    });
    expect((await json(saved)).status).toBe('in_progress');
    expect((await json(await student.request('/api/me/screenings'))).screenings[0].answers).toEqual([
      1,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      null,
    ]);
    const submitted = await student.request(`/api/me/screenings/${waveId}/responses`, {
      method: 'POST',
      body: { answers: [1, 0, 0, 0, 0, 0, 0, 0, 1], submit: true },
    });
    const outcome = await json(submitted);
    expect(outcome).toMatchObject({ status: 'submitted', safety: true, score: null });
    expect(outcome.helpLine.phone).toBeTruthy();
    const same = await student.request(`/api/me/screenings/${waveId}/responses`, {
      method: 'POST',
      body: { answers: [1, 0, 0, 0, 0, 0, 0, 0, 1], submit: true },
    });
    expect(same.status).toBe(200);
    const differ = await student.request(`/api/me/screenings/${waveId}/responses`, {
      method: 'POST',
      body: { answers: [0, 0, 0, 0, 0, 0, 0, 0, 0], submit: true },
    });
    expect(differ.status).toBe(409);
    expect((await json(differ)).errors[0].field).toBe('answers');

    const bell = await json(await counsellor.request('/api/notifications'));
    expect(JSON.stringify(bell)).toContain('screening.safety');
    let work: { items: { kind: string; selfHarm: boolean }[] } = { items: [] };
    for (let i = 0; i < 100 && !work.items.some((w) => w.kind === 'follow_up' && w.selfHarm); i++) {
      await new Promise((r) => setTimeout(r, 50));
      work = await json(await counsellor.request('/api/me/work'));
    }
    expect(work.items[0]).toMatchObject({ kind: 'follow_up', selfHarm: true });
  }, 30_000);

  it('shows a student nothing of another student', async () => {
    const number = college1().studentNumbers[1]!;
    const other = await studentLogin(number, passwords.get(number)!);
    await other.request('/api/me/password', {
      method: 'POST',
      body: { currentPassword: passwords.get(number), newPassword: 'another-password-2026' },
    });
    expect((await other.request(`/api/me/screenings/${waveId}/consent`)).status).toBe(404);
    expect((await json(await other.request('/api/me/screenings'))).screenings[0].status).toBe('not_started');
    expect((await json(await other.request('/api/appointments/mine'))).appointments).toEqual([]);
    expect((await other.request('/api/students')).status).toBe(403);
    expect((await other.request(`/api/students/${college1().studentIds[0]}`)).status).toBe(403);
  });

  it('makes a declined consent a follow-up in the counsellor’s My work, and reminds only those still to take it', async () => {
    const number = college1().studentNumbers[2]!;
    const third = await studentLogin(number, passwords.get(number)!);
    await third.request('/api/me/password', {
      method: 'POST',
      body: { currentPassword: passwords.get(number), newPassword: 'third-password-2026' },
    });
    const list = await json(await third.request('/api/me/screenings'));
    const stale = await third.request(`/api/me/screenings/${waveId}/consent`, {
      method: 'POST',
      body: { decision: 'declined', version: 'nope' },
    });
    expect(stale.status).toBe(400);
    expect((await json(stale)).errors[0].field).toBe('version');
    const declined = await third.request(`/api/me/screenings/${waveId}/consent`, {
      method: 'POST',
      body: { decision: 'declined', version: list.consentText.version },
    });
    expect(declined.status).toBe(200);
    const record = await json(await third.request(`/api/me/screenings/${waveId}/consent`));
    expect(record).toMatchObject({ decision: 'declined', version: list.consentText.version });
    expect(record.text).toContain('个人信息保护法');
    const work = await json(await counsellor.request('/api/me/work'));
    const item = work.items.find((w: { kind: string }) => w.kind === 'screening_declined');
    expect(item.student.studentNumber).toBe(number);
    expect(
      (await counsellor.request(`/api/screening/consents/${item.id}/followed-up`, { method: 'POST' })).status,
    ).toBe(204);
    const after = await json(await counsellor.request('/api/me/work'));
    expect(after.items.some((w: { kind: string }) => w.kind === 'screening_declined')).toBe(false);
    // Of the three with accounts: one submitted, one declined; the second is reminded.
    const reminded = await director.request(`/api/screening/waves/${waveId}/remind`, { method: 'POST' });
    expect(await json(reminded)).toEqual({ reminded: 1, emailed: 0, emailChannel: false });
    // With the school's e-mail channel on and an address on the student's record, the reminder goes out by e-mail
    // too (the outbox and its job), with the kind's words only; the group robot gets nothing.
    const smtp = await startSmtpServer();
    try {
      await setUpChannels(t.db, t.world.schools.alpha.id, {
        email: localEmail(smtp.port),
        webhook: { url: 'http://127.0.0.1:9/robot', format: 'wecom', secret: '', siteUrl: '' },
      });
      const patched = await director.request(`/api/students/${college1().studentIds[1]}`, {
        method: 'PATCH',
        body: { email: 'second@alpha.example.edu.cn' },
      });
      expect(patched.status, await patched.clone().text()).toBe(200);
      const outbound = await director.request(`/api/screening/waves/${waveId}/remind`, { method: 'POST' });
      expect(await json(outbound)).toEqual({ reminded: 1, emailed: 1, emailChannel: true });
      const [mail] = await smtp.waitFor(1);
      expect(mail!.to).toEqual(['second@alpha.example.edu.cn']);
      expect(mail!.text).toContain('心理测评待完成');
      expect(mail!.raw).not.toContain(college1().studentNumbers[1]!);
      const outbox = await outboxRows(t.db);
      expect(outbox.filter((m) => m.channel === 'webhook')).toEqual([]);
    } finally {
      await setUpChannels(t.db, t.world.schools.alpha.id, {});
      await smtp.close();
    }
    expect(
      (await counsellor.request(`/api/screening/waves/${waveId}/remind`, { method: 'POST' })).status,
    ).toBe(403);
  });

  it('shows the center where each class and college stands: submitted, in progress, consented, declined, not opened', async () => {
    const classRow = async (session: TestSession) => {
      const detail = await json(await session.request(`/api/screening/waves/${waveId}`));
      return {
        row: detail.completion.find((r: { classId: string }) => r.classId === college1().classId),
        college: detail.colleges.find((r: { collegeId: string }) => r.collegeId === college1().id),
      };
    };
    const before = await classRow(director);
    expect(before.row).toMatchObject({ submitted: 1, inProgress: 0, consented: 0, declined: 1 });
    expect(before.row.notOpened).toBe(before.row.students - 2);
    const second = await studentLogin(college1().studentNumbers[1]!, 'another-password-2026');
    const list = await json(await second.request('/api/me/screenings'));
    await second.request(`/api/me/screenings/${waveId}/consent`, {
      method: 'POST',
      body: { decision: 'consented', version: list.consentText.version },
    });
    expect((await classRow(director)).row).toMatchObject({ consented: 1, inProgress: 0 });
    const saved = await second.request(`/api/me/screenings/${waveId}/responses`, {
      method: 'POST',
      body: { answers: [0, 1, 0, null, null, null, null, null, null], submit: false },
    });
    expect(saved.status).toBe(200);
    const { row, college } = await classRow(director);
    expect(row).toMatchObject({ submitted: 1, inProgress: 1, consented: 0, declined: 1, screened: 1 });
    expect(row.submitted + row.inProgress + row.consented + row.declined + row.notOpened).toBe(row.students);
    // The college's row counts the same students as its classes.
    expect(college).toMatchObject({ submitted: 1, inProgress: 1, declined: 1 });
    expect(college.students).toBeGreaterThanOrEqual(row.students);
    // A counsellor may not read saved answers: in progress is not known to them and counts as consented.
    const counsellorView = await counsellor.request(`/api/screening/waves/${waveId}`);
    expect(counsellorView.status).toBe(200);
    const theirs = (await json(counsellorView)).completion.find(
      (r: { classId: string }) => r.classId === college1().classId,
    );
    expect(theirs).toMatchObject({ inProgress: null, consented: 1, submitted: 1, declined: 1 });
  });

  it('books a slot, refuses a taken one naming slotId, records the session and takes one anonymous rating per code', async () => {
    const published = await director.request('/api/appointments/slots', {
      method: 'POST',
      body: { startsAt: '2026-11-05T02:00:00Z', endsAt: '2026-11-05T03:00:00Z', location: '心理中心 201' },
    });
    expect(published.status).toBe(201);
    const slotId = (await json(published)).id;
    const student = await studentLogin(college1().studentNumbers[0]!, 'a-new-password-2026');
    const slots = await json(await student.request('/api/appointments/slots'));
    expect(slots.slots.map((s: { id: string }) => s.id)).toContain(slotId);
    const booked = await student.request('/api/appointments', { method: 'POST', body: { slotId } });
    expect(booked.status).toBe(201);
    expect((await json(booked)).firstVisit).toBe(true);
    const other = await studentLogin(college1().studentNumbers[1]!, 'another-password-2026');
    const taken = await other.request('/api/appointments', { method: 'POST', body: { slotId } });
    expect(taken.status).toBe(409);
    expect((await json(taken)).errors[0]).toMatchObject({ field: 'slotId' });

    t.clock.advance(new Date('2026-11-05T03:10:00Z').getTime() - t.clock().getTime());
    const counsellorFile = async () =>
      (await loginAs(t.app, 'alpha', 'counsellor1')).request(
        `/api/students/${college1().studentIds[0]}/file`,
      );
    director = await loginAs(t.app, 'alpha', 'director');
    const again = await studentLogin(college1().studentNumbers[0]!, 'a-new-password-2026');
    const day = await json(await director.request('/api/appointments/day?date=2026-11-05'));
    expect(day.appointments).toHaveLength(1);
    const appointmentId = day.appointments[0].id;
    const recorded = await director.request(`/api/appointments/${appointmentId}/record`, {
      method: 'POST',
      body: { outcome: 'attended', note: '初访评估' },
    });
    expect(recorded.status).toBe(200);
    // The counsellor sees that the student is in counselling, not the note (the center's alone).
    const file = JSON.stringify(await json(await counsellorFile()));
    expect(file).toContain('接受个体咨询');
    expect(file).not.toContain('初访评估');
    const mine = await json(await again.request('/api/appointments/mine'));
    const code = mine.appointments[0].feedbackCode;
    expect(code).toMatch(/^[A-Z0-9]{8}$/);
    const rating = { code, attitude: 5, professionalism: 5, helpfulness: 4, overall: 92 };
    const otherAgain = await studentLogin(college1().studentNumbers[1]!, 'another-password-2026');
    expect(JSON.stringify(await json(await otherAgain.request('/api/notifications')))).toContain(
      'screening.reminder',
    );
    expect(
      (await otherAgain.request('/api/appointments/feedback', { method: 'POST', body: rating })).status,
    ).toBe(409);
    expect((await again.request('/api/appointments/feedback', { method: 'POST', body: rating })).status).toBe(
      204,
    );
    const used = await again.request('/api/appointments/feedback', { method: 'POST', body: rating });
    expect(used.status).toBe(409);
    expect((await json(used)).errors[0].field).toBe('code');
    const satisfaction = await json(
      await director.request('/api/appointments/satisfaction?since=2026-09-01'),
    );
    expect(satisfaction).toMatchObject({ target: 85, ratings: 1, overall: null, byCounsellor: [] });
    const counsellorAgain = await loginAs(t.app, 'alpha', 'counsellor1');
    expect((await counsellorAgain.request('/api/appointments/satisfaction')).status).toBe(403);
  });

  it('offers priority slots to a student with an open crisis (not tier 1) without saying why, and to no one else', async () => {
    director = await loginAs(t.app, 'alpha', 'director');
    const published = await director.request('/api/appointments/slots', {
      method: 'POST',
      body: {
        startsAt: '2026-11-10T02:00:00Z',
        endsAt: '2026-11-10T03:00:00Z',
        location: '心理中心 202',
        priority: true,
      },
    });
    expect(published.status).toBe(201);
    const slotId = (await json(published)).id;
    // The second student: not screened (so not tier 1), no crisis yet.
    const second = await studentLogin(college1().studentNumbers[1]!, 'another-password-2026');
    const before = await json(await second.request('/api/appointments/slots'));
    expect(before.priorityEligible).toBe(false);
    expect(before.rules).toMatchObject({ priorityForTier1: true, priorityForOpenCrisis: true });
    expect(before.slots.map((s: { id: string }) => s.id)).not.toContain(slotId);
    const refused = await second.request('/api/appointments', { method: 'POST', body: { slotId } });
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect((await json(refused)).errors[0]).toMatchObject({
      field: 'slotId',
      code: 'appointments.priority-only',
    });

    counsellor = await loginAs(t.app, 'alpha', 'counsellor1');
    const opened = await counsellor.request('/api/crises', {
      method: 'POST',
      body: { studentId: college1().studentIds[1], level: 'general', situation: '情绪崩溃，辅导员陪同' },
    });
    expect(opened.status, await opened.clone().text()).toBe(201);

    const after = await json(await second.request('/api/appointments/slots'));
    expect(after.priorityEligible).toBe(true);
    expect(after.slots.find((s: { id: string }) => s.id === slotId)).toMatchObject({ priority: true });
    // The student learns that the slot is a priority one, nothing of the crisis.
    expect(Object.keys(after).sort()).toEqual(['priorityEligible', 'rules', 'slots']);
    expect(JSON.stringify(after.slots)).not.toMatch(/crisis|情绪崩溃|general/i);
    expect((await second.request('/api/crises')).status).toBe(403);
    const booked = await second.request('/api/appointments', { method: 'POST', body: { slotId } });
    expect(booked.status, await booked.clone().text()).toBe(201);

    // The third student (declined the screening, no crisis) still gets no priority slot.
    const third = await studentLogin(college1().studentNumbers[2]!, 'third-password-2026');
    expect((await json(await third.request('/api/appointments/slots'))).priorityEligible).toBe(false);
  });
});
