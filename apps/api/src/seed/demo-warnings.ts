import { chinaToday } from '@xinqiao/calendar';
import { type Database, queryRows } from '@xinqiao/db';
import { runInTransaction, scopeTransaction } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { type DemoSchool, generateDemoFeeds } from '@xinqiao/demo-data';
import { sql } from 'drizzle-orm';
import { tenantScope } from '../auth/scope.ts';
import { enqueueJob } from '../jobs/enqueue.ts';
import { writeActivityRows, writeCardRows, writeGradeRows } from '../modules/warnings/feeds/write.ts';
import { evaluateWarningsJob, FEEDS_CAPABILITY } from '../modules/warnings/job.ts';

/**
 * Stores a demo school's synthetic term of grades, campus-card spending and campus activity (deterministic per
 * school and day, `generateDemoFeeds`) as the import role, and queues the evaluation of its warnings, which the
 * job worker runs right after start. A few thousand rows per school: the first start stays quick.
 */
export async function seedDemoFeeds(db: Database, schoolId: string, school: DemoSchool, now = new Date()) {
  const feeds = generateDemoFeeds(school, chinaToday(now));
  await runInTransaction(db, async (unscoped) => {
    const tx = await scopeTransaction(
      unscoped,
      tenantScope({
        schoolId,
        personId: null,
        fullScopePaths: ['/'],
        reducedScopePaths: [],
        capabilities: [FEEDS_CAPABILITY],
      }),
    );
    const rows = await queryRows<{ id: string; n: string }>(
      tx,
      sql`SELECT id, student_number AS n FROM students`,
    );
    const ids = new Map(rows.map((row) => [row.n, row.id]));
    const resolve = <T extends { studentNumber: string }>(list: readonly T[]) =>
      list.flatMap((row) => {
        const studentId = ids.get(row.studentNumber);
        return studentId ? [{ ...row, studentId }] : [];
      });
    const grades = resolve(feeds.grades);
    for (let i = 0; i < grades.length; i += 5000)
      await writeGradeRows(tx, schoolId, grades.slice(i, i + 5000), null);
    const card = resolve(feeds.card).map((row) => ({ ...row, occurredAt: new Date(row.occurredAt) }));
    for (let i = 0; i < card.length; i += 5000) await writeCardRows(tx, schoolId, card.slice(i, i + 5000));
    const activity = resolve(feeds.activity).map((row) => ({ ...row, occurredAt: new Date(row.occurredAt) }));
    for (let i = 0; i < activity.length; i += 5000)
      await writeActivityRows(tx, schoolId, activity.slice(i, i + 5000));
    await enqueueJob(tx, schoolId, evaluateWarningsJob, {});
  });
}
