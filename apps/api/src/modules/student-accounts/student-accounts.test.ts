import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  json,
  loginAs,
  loginAsStudent,
  type TestApp,
  type TestSession,
} from '../../testing/index.ts';
import { accountState } from './service.ts';

// The school admin's panel reads a class's accounts, issues them as printable slips (PDF, read back with poppler's
// pdftotext: the Chinese comes from the font the API ships) and the counsellor resets one.
let t: TestApp;
let admin: TestSession;
/** The first student, signed in with the slip's password. */
let firstStudent: TestSession;
const dir = mkdtempSync(join(tmpdir(), 'xinqiao-slips-'));
const college = (i: 0 | 1) => t.world.schools.alpha.colleges[i];

beforeAll(async () => {
  t = await createTestApp();
  admin = await loginAs(t.app, 'alpha', 'admin');
}, 60_000);
afterAll(() => t?.close());

/** The class's accounts as the panel reads them. */
async function accounts(session: TestSession, classId: string) {
  return session.request(`/api/student-accounts/classes/${classId}`);
}

describe('accountState', () => {
  it('names none, a temporary password, in use and disabled', () => {
    expect(accountState({ personId: null, mustChangePassword: null, disabled: null })).toBe('none');
    expect(accountState({ personId: 'p', mustChangePassword: true, disabled: false })).toBe(
      'must_change_password',
    );
    expect(accountState({ personId: 'p', mustChangePassword: false, disabled: false })).toBe('active');
    expect(accountState({ personId: 'p', mustChangePassword: true, disabled: true })).toBe('disabled');
  });
});

describe('student accounts of a class', () => {
  it('lists the class’s students without accounts, audited, for school admins only', async () => {
    const res = await accounts(admin, college(0).classId);
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.className).toBeTruthy();
    expect(body.schoolName).toBe('阿尔法大学');
    expect(body.students.map((s: { studentNumber: string }) => s.studentNumber)).toEqual(
      [...college(0).studentNumbers].sort(),
    );
    expect(body.students.every((s: { state: string }) => s.state === 'none')).toBe(true);

    const log = await json(await admin.request('/api/audit/log?action=student_account.list'));
    expect(log.items[0].entityId).toBe(college(0).classId);

    const counsellor = await loginAs(t.app, 'alpha', 'counsellor1');
    expect((await accounts(counsellor, college(0).classId)).status).toBe(403);
    const beta = await loginAs(t.app, 'beta', 'admin');
    expect((await accounts(beta, college(0).classId)).status).toBe(404);
    // A unit that is not a class.
    expect((await accounts(admin, college(0).id)).status).toBe(404);
  });

  it('issues the accounts as A4 slips with the password, the sign-in address and the first-sign-in rule', async () => {
    const res = await admin.request(`/api/student-accounts/classes/${college(0).classId}/issue.pdf`, {
      method: 'POST',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain('.pdf');
    const file = join(dir, 'slips.pdf');
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    const info = execFileSync('pdfinfo', [file]).toString();
    expect(info).toMatch(/Pages:\s+1/);
    expect(info).toMatch(/Page size:\s+595\.2\d? x 841\.8\d? pts \(A4\)/);
    expect(text).toContain('阿尔法大学');
    expect(text).toContain('首次登录须修改密码');
    expect(text).toContain('/login?as=student');
    const passwords = [...text.matchAll(/临时密码：\s*([A-Za-z0-9]{12})/g)].map((m) => m[1]!);
    expect(passwords).toHaveLength(3);
    for (const number of college(0).studentNumbers) expect(text).toContain(`学号：${number}`);
    execFileSync('pdftoppm', ['-r', '40', '-png', file, join(dir, 'slips')]);
    expect(readdirSync(dir).filter((f) => f.startsWith('slips-') && f.endsWith('.png'))).toHaveLength(1);

    // The slip's password signs in (which student's is which: the same order as the 学号).
    const numbers = [...text.matchAll(/学号：(\S+)/g)].map((m) => m[1]!);
    expect(numbers[0]).toBe(college(0).studentNumbers[0]);
    firstStudent = await loginAsStudent(t.app, 'alpha', numbers[0]!, passwords[0]!);
    expect((await json(await firstStudent.request('/api/me/student'))).mustChangePassword).toBe(true);

    const after = await json(await accounts(admin, college(0).classId));
    const first = after.students.find((s: { studentNumber: string }) => s.studentNumber === numbers[0]);
    expect(first.state).toBe('must_change_password');
    expect(first.issuedAt).toBeTruthy();
    expect(first.lastSignInAt).toBeTruthy();
    expect(after.students.every((s: { state: string }) => s.state === 'must_change_password')).toBe(true);
  }, 60_000);

  it('says on the one page when every student already has an account', async () => {
    const res = await admin.request(`/api/student-accounts/classes/${college(0).classId}/issue.pdf`, {
      method: 'POST',
    });
    expect(res.status).toBe(200);
    const file = join(dir, 'none.pdf');
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toContain('本次没有发放新账号');
    expect(text).not.toContain('临时密码');
  });

  it('lets the counsellor reset a password, and says so when the student has no account', async () => {
    const counsellor = await loginAs(t.app, 'alpha', 'counsellor1');
    const reset = await counsellor.request(`/api/students/${college(0).studentIds[0]}/account/reset`, {
      method: 'POST',
    });
    expect(reset.status).toBe(200);
    const { password } = await json(reset);
    expect(password).toMatch(/^[A-Za-z0-9]{12}$/);
    // The old sign-in ends; the new password signs in and must be changed.
    expect((await firstStudent.request('/api/me/student')).status).toBe(401);
    const again = await loginAsStudent(t.app, 'alpha', college(0).studentNumbers[0]!, password);
    expect((await json(await again.request('/api/me/student'))).mustChangePassword).toBe(true);
    const counsellor2 = await loginAs(t.app, 'alpha', 'counsellor2');
    const none = await counsellor2.request(`/api/students/${college(1).studentIds[0]}/account/reset`, {
      method: 'POST',
    });
    expect(none.status).toBe(404);
    expect((await json(none)).code).toBe('student-accounts.not-found');
  });
});
