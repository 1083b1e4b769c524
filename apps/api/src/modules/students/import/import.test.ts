import { students, verifyAuditChain } from '@xinqiao/db';
import { asc, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp, type TestSession } from '../../../testing/index.ts';
import { asWholeSchool, auditRowsAfter, json, lastAuditSeq } from '../fixtures.test-helpers.ts';

let t: TestApp;
let director: TestSession;
let counsellor1: TestSession;
let committee1: TestSession;

beforeAll(async () => {
  t = await createTestApp();
  [director, counsellor1, committee1] = await Promise.all([
    loginAs(t.app, 'alpha', 'director'),
    loginAs(t.app, 'alpha', 'counsellor1'),
    loginAs(t.app, 'alpha', 'committee1'),
  ]);
});
afterAll(() => t?.close());

const ZH = '学号,姓名,性别,入学年份,学院,班级,宿舍,手机,邮箱,监护人姓名,监护人关系,监护人电话';
const EN =
  'student_number,name,gender,enrolment_year,college,class,dorm,phone,email,guardian_name,guardian_relation,guardian_phone';
const C1 = '第1学院,第1学院2024级1班';
const C2 = '第2学院,第2学院2024级1班';

/** The good roster: two new students, one changed (alpha-1-1 gets a phone), one as stored (alpha-1-3). */
const goodRows = [
  `imp-001,李雷,男,2025,${C1},1号楼101室,13800000001,lilei@example.edu.cn,李父,父亲,13900000001`,
  `imp-002,韩梅梅,女,2025,${C1},,,,,,`,
  `alpha-1-1,学生11,女,2024,${C1},1号楼101室,13800000011,,,,`,
  `alpha-1-3,学生13,female,2024,${C1},,,,,,`,
];

const csv = (...lines: string[]) => new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);

async function xlsx(rows: (string | number | null)[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('学生');
  rows.forEach((cells, i) => {
    sheet.getRow(i + 1).values = cells;
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function upload(who: TestSession, bytes: Uint8Array, filename = 'students.csv', language = 'zh-CN') {
  const form = new FormData();
  form.set('file', new File([bytes], filename));
  // A browser sends its Origin with a form post; the API refuses cross-site form posts without one.
  return who.request('/api/students/import', {
    method: 'POST',
    body: form,
    headers: { origin: 'http://localhost', 'accept-language': language },
  });
}

const stored = (numbers: string[]) =>
  asWholeSchool(t, 'alpha', (tx) =>
    tx
      .select()
      .from(students)
      .where(inArray(students.studentNumber, numbers))
      .orderBy(asc(students.studentNumber)),
  );

describe('POST /api/students/import', () => {
  it('creates new students, updates changed ones, leaves equal ones alone, and audits each write', async () => {
    const since = await lastAuditSeq(t, 'alpha');
    const res = await upload(counsellor1, csv(ZH, ...goodRows));
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ created: 2, updated: 1, unchanged: 1 });

    const [changed, unchanged, lilei, hmm] = await stored(['alpha-1-1', 'alpha-1-3', 'imp-001', 'imp-002']);
    expect(changed).toMatchObject({
      phone: '13800000011',
      dormUnitId: t.world.schools.alpha.colleges[0].dormId,
    });
    expect(unchanged!.updatedAt.getTime()).toBe(unchanged!.createdAt.getTime());
    expect(lilei).toMatchObject({
      name: '李雷',
      gender: 'male',
      enrolmentYear: 2025,
      classUnitId: t.world.schools.alpha.colleges[0].classId,
      placementPath: t.world.schools.alpha.colleges[0].dormPath,
      email: 'lilei@example.edu.cn',
      guardians: [{ name: '李父', relation: '父亲', phone: '13900000001' }],
    });
    expect(hmm).toMatchObject({ gender: 'female', dormUnitId: null, phone: null, guardians: [] });

    const audit = await auditRowsAfter(t, 'alpha', since);
    expect(audit.map((r) => [r.action, r.studentId]).sort()).toEqual(
      [
        ['student.import_create', lilei!.id],
        ['student.import_create', hmm!.id],
        ['student.import_update', changed!.id],
      ].sort(),
    );
    expect(new Set(audit.map((r) => r.actorPersonId))).toEqual(new Set([counsellor1.me.person.id]));
    // Written in one statement, the rows still form one unbroken chain.
    expect(audit.map((r) => r.seq)).toEqual([since + 1, since + 2, since + 3]);
    expect(await asWholeSchool(t, 'alpha', verifyAuditChain)).toMatchObject({ intact: true });
  });

  it('changes nothing when the same file comes again, as CSV or as XLSX with English headers', async () => {
    const numbers = ['alpha-1-1', 'alpha-1-3', 'imp-001', 'imp-002'];
    const before = await stored(numbers);
    const since = await lastAuditSeq(t, 'alpha');
    const again = await upload(counsellor1, csv(ZH, ...goodRows));
    expect(await json(again)).toEqual({ created: 0, updated: 0, unchanged: 4 });

    const sheet = [EN, ...goodRows].map((line) =>
      line.split(',').map((cell, i) => (i === 3 && /^\d+$/.test(cell) ? Number(cell) : cell || null)),
    );
    const asXlsx = await upload(director, await xlsx(sheet), 'students.xlsx');
    expect(asXlsx.status, await asXlsx.clone().text()).toBe(200);
    expect(await json(asXlsx)).toEqual({ created: 0, updated: 0, unchanged: 4 });

    expect(await stored(numbers)).toEqual(before);
    expect(await lastAuditSeq(t, 'alpha')).toBe(since);
  });

  it('keeps stored contacts for blank cells and the dorm when the file has no dorm column', async () => {
    const noDormColumn = csv('学号,姓名,性别,入学年份,学院,班级', `alpha-1-1,学生11,女,2024,${C1}`);
    const res = await upload(counsellor1, noDormColumn);
    expect(await json(res)).toEqual({ created: 0, updated: 0, unchanged: 1 });
    const [student] = await stored(['alpha-1-1']);
    expect(student).toMatchObject({
      phone: '13800000011',
      dormUnitId: t.world.schools.alpha.colleges[0].dormId,
    });
  });

  it('reports every bad row with its row number, column and reason, and stores nothing', async () => {
    const since = await lastAuditSeq(t, 'alpha');
    const file = csv(
      ZH,
      `bad-001,王五,男,2025,${C1},,,,,,`, // row 2: fine on its own
      `bad-002,赵六,未知,2025,${C1},,,,,,`, // row 3: gender
      `bad-003,钱七,男,2025,不存在学院,第1学院2024级1班,,,,,,`, // row 4: college
      `bad-004,孙八,男,2025,第1学院,第2学院2024级1班,,,,,,`, // row 5: class not in that college
      `bad-005,周九,男,2025,${C1},2号楼101室,,,,,`, // row 6: dorm not in that class
      `bad-001,吴十,男,2025,${C1},,,,,,`, // row 7: number repeats row 2
      `bad-007,,男,25,${C1},,138,not-mail,,,13900000000`, // row 8: name, year, phone, email, guardian name
    );
    const res = await upload(counsellor1, file);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const problem = await json(res);
    expect(problem).toMatchObject({ code: 'import.rows-rejected', title: '导入被拒绝' });
    const found = problem.errors.map((e: { row: number; column: string }) => [e.row, e.column]);
    expect(found).toEqual([
      [3, '性别'],
      [4, '学院'],
      [5, '班级'],
      [6, '宿舍'],
      [7, '学号'],
      [8, '姓名'],
      [8, '入学年份'],
      [8, '手机'],
      [8, '邮箱'],
      [8, '监护人姓名'],
    ]);
    const duplicate = problem.errors.find((e: { row: number }) => e.row === 7);
    expect(duplicate.reason).toContain('第 2 行');
    expect(duplicate.reason).toContain('第 7 行');
    expect(problem.errors.find((e: { row: number }) => e.row === 4).reason).toBe(
      '本校没有名为“不存在学院”的学院',
    );
    expect(problem.errors.find((e: { row: number }) => e.row === 3)).toMatchObject({
      code: 'students.gender',
      reason: '性别应为“男”或“女”',
    });
    expect(await stored(['bad-001', 'bad-002', 'bad-007'])).toEqual([]);

    const english = await json(await upload(counsellor1, file, 'students.csv', 'en'));
    expect(english).toMatchObject({ code: 'import.rows-rejected', title: 'Import rejected' });
    expect(english.errors.map((e: { code: string }) => e.code)).toEqual(
      problem.errors.map((e: { code: string }) => e.code),
    );
    expect(english.errors.find((e: { row: number }) => e.row === 4).reason).toBe(
      'Your school has no college named "不存在学院"',
    );
    expect(english.errors.find((e: { row: number }) => e.row === 7).reason).toBe(
      'Student number repeats row 2 (rows 2 and 7)',
    );
    expect(await lastAuditSeq(t, 'alpha')).toBe(since);
  });

  it('rejects rows outside the caller’s units and rolls back rows already inserted', async () => {
    const outside = await upload(
      counsellor1,
      csv(ZH, `out-001,郑一,男,2025,${C1},,,,,,`, `out-002,郑二,男,2025,${C2},,,,,,`),
    );
    expect(outside.status).toBe(400);
    expect((await json(outside)).errors).toEqual([
      {
        row: 3,
        column: '班级',
        code: 'import.placement-outside-units',
        reason: expect.stringContaining('不在你负责的范围内'),
      },
    ]);
    // alpha-2-1 exists in college 2, which counsellor1 cannot see: only the insert itself finds out.
    const hidden = await upload(
      counsellor1,
      csv(ZH, `out-003,郑三,男,2025,${C1},,,,,,`, `alpha-2-1,某人,男,2024,${C1},,,,,,`),
    );
    expect(hidden.status).toBe(400);
    expect((await json(hidden)).errors).toEqual([
      { row: 3, column: '学号', code: 'import.number-taken-outside-units', reason: expect.any(String) },
    ]);
    const reduced = await upload(committee1, csv(ZH, `out-004,郑四,男,2025,${C1},,,,,,`));
    // The reduced view holds no students.import permission: refused before any row is read.
    expect(reduced.status).toBe(403);
    expect(await stored(['out-001', 'out-002', 'out-003', 'out-004'])).toEqual([]);
    const [untouched] = await stored(['alpha-2-1']);
    expect(untouched!.name).toBe('学生21');
  });

  it('refuses files it cannot read, naming the problem', async () => {
    const missing = await upload(
      counsellor1,
      csv('学号,姓名,性别,入学年份,班级', 'x-1,甲,男,2025,第1学院2024级1班'),
    );
    expect(missing.status).toBe(400);
    expect((await json(missing)).errors).toEqual([
      { row: 1, column: '学院', code: 'import.file-unreadable', reason: expect.stringContaining('学院') },
    ]);

    const legacy = await upload(counsellor1, csv(ZH), 'students.doc');
    expect(legacy.status).toBe(400);
    expect(await json(legacy)).toMatchObject({
      code: 'import.file-unreadable',
      detail: expect.stringContaining('.doc'),
    });

    const noFile = await counsellor1.request('/api/students/import', {
      method: 'POST',
      body: new FormData(),
      headers: { origin: 'http://localhost' },
    });
    expect(noFile.status).toBe(400);
    expect((await json(noFile)).errors[0].field).toBe('file');

    const huge = await upload(counsellor1, new Uint8Array(21 * 1024 * 1024), 'big.csv');
    expect(huge.status).toBe(413);
    expect(huge.headers.get('content-type')).toBe('application/problem+json');
    expect((await json(huge)).code).toBe('http.payload-too-large');
  });
});
