/**
 * Student import benchmark: 5,000 rows through POST /api/students/import on a fresh test database, three times (all
 * new, the same file again, every phone changed). Prints ONE JSON line of milliseconds per run.
 *
 *   pnpm --filter @xinqiao/api exec tsx src/modules/students/import/bench.ts
 *   XINQIAO_TEST_DB=postgres XINQIAO_TEST_DATABASE_URL=postgres://… pnpm --filter @xinqiao/api exec tsx …/bench.ts
 */
import { createTestApp, loginAs } from '../../../testing/index.ts';

const ROWS = 5000;
const HEADER = '学号,姓名,性别,入学年份,学院,班级,宿舍,手机,邮箱,监护人姓名,监护人关系,监护人电话';

function roster(phoneDigit: string): Uint8Array {
  const lines = Array.from({ length: ROWS }, (_, i) => {
    const dorm = i % 3 ? '1号楼101室' : '';
    const phone = `1380000${phoneDigit}${String(i % 1000).padStart(3, '0')}`;
    return `b-${String(i).padStart(5, '0')},学生${i},${i % 2 ? '男' : '女'},2025,第1学院,第1学院2024级1班,${dorm},${phone},,家长${i},母亲,13900000000`;
  });
  return new TextEncoder().encode([HEADER, ...lines].join('\n'));
}

const t = await createTestApp();
const director = await loginAs(t.app, 'alpha', 'director');

async function timed(bytes: Uint8Array): Promise<{ ms: number; report: unknown }> {
  const form = new FormData();
  form.set('file', new File([bytes], 'roster.csv'));
  const start = performance.now();
  const res = await director.request('/api/students/import', {
    method: 'POST',
    body: form,
    headers: { origin: 'http://localhost' },
  });
  const report = await res.json();
  if (res.status !== 200) throw new Error(`import answered ${res.status}: ${JSON.stringify(report)}`);
  return { ms: Math.round(performance.now() - start), report };
}

const created = await timed(roster('1'));
const unchanged = await timed(roster('1'));
const updated = await timed(roster('2'));
console.log(
  JSON.stringify({
    bench: 'students.import',
    database: t.db.kind,
    rows: ROWS,
    createMs: created.ms,
    unchangedMs: unchanged.ms,
    updateMs: updated.ms,
    rowsPerSecondCreate: Math.round((ROWS * 1000) / created.ms),
  }),
);
await t.close();
