// Issue 15.4: does the audit chain serialise a school's readers? Ten workers of one school run the shape of an
// audited read — a transaction, the audit row, ~10 ms of reading — with the audit row inserted FIRST (the old way:
// the chain trigger's per-school advisory lock is then held through the reads until COMMIT) and LAST (the final step
// runInTransaction now does). Prints one JSON line.
//   XINQIAO_TEST_DB=postgres XINQIAO_TEST_DATABASE_URL=postgres://xinqiao:xinqiao@127.0.0.1:5432/postgres \
//     pnpm --filter @xinqiao/db exec tsx bench/audit-chain.ts
import { sql } from 'drizzle-orm';
import { type AuditEvent, appendAudit } from '../src/audit.ts';
import { createTinySchool, fullScope } from '../src/fixtures.test-helpers.ts';
import { auditLog } from '../src/schema/index.ts';
import { createTestDatabase } from '../src/testing.ts';
import { withTenant } from '../src/transaction.ts';

const WORKERS = Number(process.env.WORKERS) || 10;
const SECONDS = Number(process.env.SECONDS) || 5;
const ROUNDS = Number(process.env.ROUNDS) || 3;
const READ_MS = process.env.READ_MS === undefined ? 10 : Number(process.env.READ_MS);

const db = await createTestDatabase({ maxConnections: WORKERS });
const school = await createTinySchool(db, 'bench');
const scope = fullScope(school.schoolId, ['/']);
const event: AuditEvent = {
  schoolId: school.schoolId,
  actorPersonId: null,
  actorRole: 'counsellor',
  actorUnitId: null,
  action: 'student_file.read',
  entity: 'student',
  purpose: 'bench',
};
const read = sql.raw(`SELECT pg_sleep(${READ_MS / 1000})`);

type Mode = 'audit-first' | 'audit-last';
async function request(mode: Mode): Promise<void> {
  await withTenant(db, scope, async (tx) => {
    // The old order: the row (and with it the school's chain lock) before the reads.
    if (mode === 'audit-first') await tx.insert(auditLog).values({ ...event, purpose: 'bench' });
    await tx.execute(read);
    if (mode === 'audit-last') await appendAudit(tx, event);
  });
}

async function run(mode: Mode) {
  const latencies: number[] = [];
  const until = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: WORKERS }, async () => {
      while (Date.now() < until) {
        const started = performance.now();
        await request(mode);
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.floor(q * (latencies.length - 1))]! * 10) / 10;
  return { reqPerSec: Math.round(latencies.length / SECONDS), p50: at(0.5), p99: at(0.99) };
}

await run('audit-last'); // warm-up
// Alternate the two orders (the machine's load drifts) and keep the median run of each by req/s.
const runs: Record<Mode, Awaited<ReturnType<typeof run>>[]> = { 'audit-first': [], 'audit-last': [] };
for (let round = 0; round < ROUNDS; round++) {
  runs['audit-first'].push(await run('audit-first'));
  runs['audit-last'].push(await run('audit-last'));
}
const median = (list: Awaited<ReturnType<typeof run>>[]) =>
  [...list].sort((a, b) => a.reqPerSec - b.reqPerSec)[Math.floor(list.length / 2)];
const before = median(runs['audit-first']);
const after = median(runs['audit-last']);
const intact = await withTenant(db, scope, (tx) =>
  tx.execute(sql`SELECT count(*)::int AS broken FROM xq_audit_first_break()`),
);
console.log(
  JSON.stringify({
    db: db.kind,
    workers: WORKERS,
    readMs: READ_MS,
    seconds: SECONDS,
    rounds: ROUNDS,
    before,
    after,
    intact,
  }),
);
await db.close();
