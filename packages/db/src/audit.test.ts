import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, configureAuditAnchor, signAuditCheckpoint, verifyAuditChain } from './audit.ts';
import type { Database, Orm } from './database.ts';
import { pgErrorOf } from './errors.ts';
import { createTinySchool, fullScope, type TinySchool } from './fixtures.test-helpers.ts';
import { auditCheckpoints, auditLog } from './schema/index.ts';
import { asTestSuperuser, createTestDatabase } from './testing.ts';
import { withTenant } from './transaction.ts';

let db: Database;
let school: TinySchool;
let other: TinySchool;

const event = (schoolId: string, action: string) => ({
  schoolId,
  actorPersonId: null,
  actorRole: 'counsellor',
  actorUnitId: null,
  studentId: null,
  action,
  entity: 'student',
  purpose: '随访',
});

beforeAll(async () => {
  db = await createTestDatabase();
  school = await createTinySchool(db, 'audited');
  other = await createTinySchool(db, 'other');
  await withTenant(db, fullScope(school.schoolId, ['/']), async (tx) => {
    for (const action of ['student.read', 'case.read', 'student.update'])
      await appendAudit(tx, event(school.schoolId, action));
  });
  await withTenant(db, fullScope(other.schoolId, ['/']), (tx) =>
    appendAudit(tx, event(other.schoolId, 'student.read')),
  );
});
afterAll(() => db?.close());

const asSchool = (schoolId: string) => fullScope(schoolId, ['/']);
const verify = (schoolId: string) => withTenant(db, asSchool(schoolId), (tx) => verifyAuditChain(tx));
const append = (schoolId: string, n: number) =>
  withTenant(db, asSchool(schoolId), async (tx) => {
    for (let i = 0; i < n; i++) await appendAudit(tx, event(schoolId, 'student.read'));
  });

/** As a superuser, with the append-only triggers skipped: what an intruder with the server's admin rights can do. */
const tamper = (statement: ReturnType<typeof sql>) =>
  asTestSuperuser(db, async (orm: Orm) => {
    await orm.execute(sql`SET LOCAL session_replication_role = replica`);
    await orm.execute(statement);
  });

/** Re-hashes a school's whole chain with the database's own function, as a careful intruder would after an edit. */
const rehash = (schoolId: string) =>
  tamper(sql`DO $$ DECLARE r record; prev text := ''; BEGIN
    FOR r IN SELECT id FROM audit_log WHERE school_id = ${sql.raw(`'${schoolId}'`)} ORDER BY seq LOOP
      UPDATE audit_log SET prev_hash = prev WHERE id = r.id;
      UPDATE audit_log a SET hash = xq_audit_hash(a.prev_hash, a) WHERE a.id = r.id RETURNING hash INTO prev;
    END LOOP; END $$`);

describe('db/audit chain', () => {
  it('chains each school separately, numbering from 1, and verifies intact against the server anchor', async () => {
    const rows = await withTenant(db, asSchool(school.schoolId), (tx) =>
      tx.select().from(auditLog).orderBy(auditLog.seq),
    );
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(rows[0]!.prevHash).toBe('');
    expect(rows[1]!.prevHash).toBe(rows[0]!.hash);
    expect(await verify(school.schoolId)).toMatchObject({
      intact: true,
      rows: 3,
      head: { seq: 3, hash: rows[2]!.hash },
      anchor: { source: 'server', seq: 3, hash: rows[2]!.hash },
    });
    expect(await verify(other.schoolId)).toMatchObject({ intact: true, rows: 1 });
  });

  it('inserts a transaction’s audit rows in its final step, so a reader does not hold the chain', async () => {
    await withTenant(db, asSchool(school.schoolId), async (tx) => {
      await appendAudit(tx, event(school.schoolId, 'student.read'));
      // Not yet inserted: the route's reads run before the chain's lock is taken.
      const [seen] = await tx.select({ n: sql<number>`count(*)::int` }).from(auditLog);
      expect(seen?.n).toBe(3);
    });
    expect(await verify(school.schoolId)).toMatchObject({ intact: true, rows: 4 });
  });

  it('refuses UPDATE and DELETE from the application', async () => {
    const update = withTenant(db, asSchool(school.schoolId), (tx) =>
      tx.update(auditLog).set({ purpose: 'x' }),
    );
    expect(pgErrorOf(await update.catch((e: unknown) => e))?.code).toBe('42501');
    const remove = withTenant(db, asSchool(school.schoolId), (tx) => tx.delete(auditLog));
    expect(pgErrorOf(await remove.catch((e: unknown) => e))?.code).toBe('42501');
    const checkpoint = withTenant(db, asSchool(school.schoolId), (tx) => tx.delete(auditCheckpoints));
    expect(pgErrorOf(await checkpoint.catch((e: unknown) => e))?.code).toBe('42501');
  });

  it('reports the first row changed behind the application’s back', async () => {
    await tamper(sql`UPDATE audit_log SET purpose = '查看' WHERE school_id = ${school.schoolId} AND seq = 2`);
    expect(await verify(school.schoolId)).toMatchObject({
      intact: false,
      rows: 4,
      firstBrokenRow: { seq: 2, reason: 'row content does not match its hash' },
    });
    expect(await verify(other.schoolId)).toMatchObject({ intact: true });
  });
});

describe('db/audit anchors (issue 16.4)', () => {
  let a: TinySchool;
  beforeAll(async () => {
    a = await createTinySchool(db, 'anchored');
    await append(a.schoolId, 6);
  });

  it('reports the newest rows deleted, by the head the server committed', async () => {
    await tamper(sql`DELETE FROM audit_log WHERE school_id = ${a.schoolId} AND seq > 4`);
    const report = await verify(a.schoolId);
    expect(report).toMatchObject({
      intact: false,
      rows: 4,
      head: { seq: 4 },
      anchor: { source: 'server', seq: 6 },
      tamper: { kind: 'tail-deleted', seq: 6, missingRows: 2 },
    });
    expect(report.firstBrokenRow).toBeUndefined();
  });

  it('never signs a broken chain', async () => {
    const signing = withTenant(db, asSchool(a.schoolId), (tx) => signAuditCheckpoint(tx));
    await expect(signing).rejects.toThrow(/not intact/);
  });

  it('keeps reporting the deleted tail after new rows are written over its positions', async () => {
    await append(a.schoolId, 3); // seq 5, 6, 7: a new row 6 where the deleted one was
    expect(await verify(a.schoolId)).toMatchObject({
      intact: false,
      head: { seq: 7 },
      anchor: { source: 'server', seq: 6 },
      tamper: { kind: 'rewritten', seq: 6 },
    });
  });

  it('never mistakes a commit that lands while it verifies for a deleted tail', async () => {
    const busy = await createTinySchool(db, 'busy');
    await append(busy.schoolId, 1);
    const writers = Array.from({ length: 12 }, () => append(busy.schoolId, 1));
    const checks = Array.from({ length: 12 }, () => verify(busy.schoolId));
    const reports = await Promise.all(checks);
    await Promise.all(writers);
    expect(reports.filter((r) => !r.intact)).toEqual([]);
    expect(await verify(busy.schoolId)).toMatchObject({ intact: true, rows: 13 });
  });

  it('inserts a large transaction’s rows in chunks, chained and anchored at the last one', async () => {
    const big = await createTinySchool(db, 'big-import');
    await append(big.schoolId, 2500);
    expect(await verify(big.schoolId)).toMatchObject({
      intact: true,
      rows: 2500,
      anchor: { source: 'server', seq: 2500 },
    });
  });

  it('reports a chain re-hashed with the database’s own hash function', async () => {
    const b = await createTinySchool(db, 'rehashed');
    await append(b.schoolId, 5);
    await tamper(sql`UPDATE audit_log SET purpose = '例行' WHERE school_id = ${b.schoolId} AND seq = 2`);
    await rehash(b.schoolId);
    const report = await verify(b.schoolId);
    expect(report.firstBrokenRow).toBeUndefined();
    expect(report).toMatchObject({ intact: false, tamper: { kind: 'rewritten', seq: 5 } });
  });

  it('after a restart (no memory), a signed checkpoint still catches tail deletion; a forged one is named', async () => {
    const c = await createTinySchool(db, 'checkpointed');
    const secret = Buffer.alloc(32, 7);
    configureAuditAnchor(db, { secret });
    await append(c.schoolId, 5);
    const signed = await withTenant(db, asSchool(c.schoolId), (tx) => signAuditCheckpoint(tx));
    expect(signed).toMatchObject({ seq: 5 });
    await append(c.schoolId, 2);
    configureAuditAnchor(db, { secret }); // a restarted server: same key, nothing in memory
    expect(await verify(c.schoolId)).toMatchObject({
      intact: true,
      anchor: { source: 'checkpoint', seq: 5 },
    });

    await tamper(sql`DELETE FROM audit_log WHERE school_id = ${c.schoolId} AND seq > 3`);
    expect(await verify(c.schoolId)).toMatchObject({
      intact: false,
      tamper: { kind: 'tail-deleted', seq: 5, missingRows: 2 },
    });

    const d = await createTinySchool(db, 'forged');
    await append(d.schoolId, 3);
    await tamper(sql`INSERT INTO audit_checkpoints (school_id, seq, hash, at, key_id, signature)
      SELECT school_id, seq, hash, now(), ${signed!.keyId}, 'AAAA' FROM audit_log WHERE school_id = ${d.schoolId} AND seq = 3`);
    expect(await verify(d.schoolId)).toMatchObject({ intact: false, tamper: { kind: 'checkpoint-forged' } });
  });
});
