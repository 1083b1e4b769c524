import { and, desc, eq, sql } from 'drizzle-orm';
import {
  AuditAnchor,
  type AuditAnchorOptions,
  type AuditHead,
  auditAnchorOf,
  setAuditAnchor,
} from './audit-anchor.ts';
import { checkpointMessage } from './audit-key.ts';
import { type Database, queryRows, type Tx } from './database.ts';
import { auditCheckpoints, auditLog } from './schema/audit.ts';
import { issueTenantScope, type TenantTx, withTenant } from './transaction.ts';

/** One audited action. `seq`, `at` and the hashes are filled in by the database, never by the caller. */
export interface AuditEvent {
  schoolId: string;
  actorPersonId: string | null;
  actorRole: string | null;
  actorUnitId: string | null;
  studentId?: string | null;
  action: string;
  entity: string;
  entityId?: string | null;
  purpose?: string;
}

/** The audit events of an open transaction, inserted in its final step, and the database it runs on. */
interface Deferred {
  db: Database;
  events: AuditEvent[];
}

const deferred = new WeakMap<object, Deferred>();

/**
 * Called by `runInTransaction` when a transaction opens: its audit rows are queued and inserted together right
 * before COMMIT ({@link flushDeferredAudit}). The chain trigger takes the school's advisory lock at that insert, so the
 * lock is held for the insert and the commit only, not while the request reads (issue 15.4).
 */
export function deferAuditUntilCommit(tx: Tx, db: Database): void {
  deferred.set(tx, { db, events: [] });
}

/**
 * Appends one row to the school's hash-chained audit log inside the caller's transaction: queued until the
 * transaction's final step when the transaction came from `runInTransaction` (always, in the API), inserted at once
 * otherwise. Either way the row commits or rolls back with the transaction.
 */
export async function appendAudit(tx: TenantTx, event: AuditEvent): Promise<void> {
  const queue = deferred.get(tx);
  if (queue) queue.events.push(event);
  else await insertAuditRows(tx, [event]);
}

/**
 * Inserts the transaction's queued audit rows in one statement and returns the heads they made, one per school.
 * `runInTransaction` calls it as the last statement before COMMIT; call it yourself only if you open transactions
 * some other way.
 */
export async function flushDeferredAudit(tx: Tx): Promise<AuditHead[]> {
  const queue = deferred.get(tx);
  if (!queue || queue.events.length === 0) return [];
  const events = queue.events.splice(0);
  return insertAuditRows(tx, events);
}

/** Notes the heads of a committed transaction in the server's anchor (called by `runInTransaction`). */
export function noteAuditCommitted(db: Database, heads: readonly AuditHead[]): void {
  if (heads.length > 0) auditAnchorOf(db).noteCommitted(heads);
}

/** Rows per INSERT: far below PostgreSQL's 65,535 bound parameters (nine per row). */
const INSERT_CHUNK = 1000;

async function insertAuditRows(tx: Tx, events: readonly AuditEvent[]): Promise<AuditHead[]> {
  const heads: AuditHead[] = [];
  for (let i = 0; i < events.length; i += INSERT_CHUNK) {
    heads.push(...(await insertAuditChunk(tx, events.slice(i, i + INSERT_CHUNK))));
  }
  return heads;
}

async function insertAuditChunk(tx: Tx, events: readonly AuditEvent[]): Promise<AuditHead[]> {
  const rows = await tx
    .insert(auditLog)
    .values(
      events.map((event) => ({
        schoolId: event.schoolId,
        actorPersonId: event.actorPersonId,
        actorRole: event.actorRole,
        actorUnitId: event.actorUnitId,
        studentId: event.studentId ?? null,
        action: event.action,
        entity: event.entity,
        entityId: event.entityId ?? null,
        purpose: event.purpose ?? '',
      })),
    )
    .returning({
      schoolId: auditLog.schoolId,
      seq: auditLog.seq,
      hash: auditLog.hash,
      prevHash: auditLog.prevHash,
      at: auditLog.at,
    });
  const heads = new Map<string, AuditHead>();
  for (const { prevHash, ...row } of rows) {
    const known = heads.get(row.schoolId);
    const first = !known?.first || row.seq < known.first.seq ? { seq: row.seq, prevHash } : known.first;
    if (!known || known.seq < row.seq) heads.set(row.schoolId, { ...row, first });
    else known.first = first;
  }
  return [...heads.values()];
}

/**
 * Gives `db` the server's audit anchor: the signing key (never stored in the database), the anchor file and how often
 * a signed checkpoint is written per school. `main.ts` calls it once at start.
 *
 * @example
 * configureAuditAnchor(db, { secret, anchorFile: '.data/audit/anchors.json', checkpointIntervalMs: 60_000 });
 */
export function configureAuditAnchor(db: Database, options: AuditAnchorOptions): AuditAnchor {
  const anchor = new AuditAnchor(options);
  anchor.checkpointWriter = async (schoolId) => {
    await withTenant(db, wholeSchool(schoolId), (tx) => signAuditCheckpoint(tx));
  };
  setAuditAnchor(db, anchor);
  return anchor;
}

const wholeSchool = (schoolId: string) =>
  issueTenantScope({ schoolId, personId: null, fullScopePaths: ['/'], reducedScopePaths: [] });

/** A signed checkpoint as stored and exported. */
export interface AuditCheckpoint {
  schoolId: string;
  seq: number;
  hash: string;
  at: Date;
  keyId: string;
  signature: string;
}

function anchorOfTx(tx: Tx): AuditAnchor {
  const queue = deferred.get(tx);
  if (!queue) throw new Error('audit: the transaction was not opened by runInTransaction');
  return auditAnchorOf(queue.db);
}

async function chainHead(tx: Tx): Promise<{ seq: number; hash: string } | undefined> {
  const [head] = await tx
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .where(sql`${auditLog.schoolId} = xq_school_id()`)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  return head;
}

async function hashAt(tx: Tx, seq: number): Promise<string | undefined> {
  const [row] = await tx
    .select({ hash: auditLog.hash })
    .from(auditLog)
    .where(and(sql`${auditLog.schoolId} = xq_school_id()`, eq(auditLog.seq, seq)));
  return row?.hash;
}

async function latestCheckpoint(tx: Tx, keyId: string): Promise<AuditCheckpoint | undefined> {
  const [row] = await tx
    .select()
    .from(auditCheckpoints)
    .where(and(sql`${auditCheckpoints.schoolId} = xq_school_id()`, eq(auditCheckpoints.keyId, keyId)))
    .orderBy(desc(auditCheckpoints.seq), desc(auditCheckpoints.id))
    .limit(1);
  return row;
}

/**
 * Signs the school's current chain head and stores the checkpoint, after checking the chain since the previous
 * checkpoint and against the server's anchor: a broken chain is never signed. Returns the new checkpoint, or the
 * latest one when the head has not moved.
 */
export async function signAuditCheckpoint(tx: TenantTx | Tx): Promise<AuditCheckpoint | undefined> {
  const anchor = anchorOfTx(tx);
  const report = await verifyAuditChain(tx as TenantTx, { sinceLatestCheckpoint: true });
  if (!report.intact) {
    throw new Error(`audit chain not intact, checkpoint not signed: ${JSON.stringify(report)}`);
  }
  const last = await latestCheckpoint(tx, anchor.key.keyId);
  const head = report.head;
  if (!head || (last && last.seq >= head.seq)) return last;
  const [school] = await queryRows<{ id: string }>(tx, sql`SELECT xq_school_id() AS id`);
  const checkpoint = { schoolId: String(school?.id), seq: head.seq, hash: head.hash, at: new Date() };
  const row = {
    ...checkpoint,
    keyId: anchor.key.keyId,
    signature: anchor.key.sign(checkpointMessage(checkpoint)),
  };
  await tx.insert(auditCheckpoints).values(row);
  anchor.checkpointWritten(row.schoolId);
  return row;
}

/** Every checkpoint of the school, oldest first, for the director's export. */
export async function listAuditCheckpoints(tx: TenantTx): Promise<AuditCheckpoint[]> {
  return tx
    .select({
      schoolId: auditCheckpoints.schoolId,
      seq: auditCheckpoints.seq,
      hash: auditCheckpoints.hash,
      at: auditCheckpoints.at,
      keyId: auditCheckpoints.keyId,
      signature: auditCheckpoints.signature,
    })
    .from(auditCheckpoints)
    .orderBy(auditCheckpoints.seq, auditCheckpoints.id);
}

/** The key that signs this server's checkpoints (its id and public key, for an export). */
export function auditSigningKeyOf(tx: TenantTx): { keyId: string; publicKeyPem: string } {
  const { keyId, publicKeyPem } = anchorOfTx(tx).key;
  return { keyId, publicKeyPem };
}

/** Where the chain was anchored outside its rows: the server's own memory/file, or a signed checkpoint. */
export interface AuditAnchorPoint {
  source: 'server' | 'checkpoint' | 'export';
  seq: number;
  hash: string;
  at: string;
}

/** What the anchors say was done to the chain's rows. */
export interface AuditTamper {
  kind: 'tail-deleted' | 'rewritten' | 'checkpoint-forged';
  /** The anchored position the chain fails. */
  seq: number;
  /** Rows missing after the chain's last row (tail-deleted only). */
  missingRows?: number;
  reason: string;
}

export interface AuditChainReport {
  intact: boolean;
  rows: number;
  /** The chain's newest row, or null when empty. */
  head: { seq: number; hash: string } | null;
  /** The furthest anchor the chain was checked against, or null when nothing anchors it yet. */
  anchor: AuditAnchorPoint | null;
  /** How many signed checkpoints the school has. */
  checkpoints: number;
  /** The first row that does not verify against its predecessor or its own content. */
  firstBrokenRow?: { id: number; seq: number; reason: string };
  /** Set when the chain is internally consistent but disagrees with an anchor kept outside it. */
  tamper?: AuditTamper;
}

/**
 * Checks the school's audit chain: row by row in the database (each row's hash against its content and its
 * predecessor; a gap in `seq`), then against the anchors kept outside the rows — the newest head this server
 * committed and the newest signed checkpoint — so deleting the newest rows, or re-hashing rows with the database's own
 * hash function, is reported too.
 */
export async function verifyAuditChain(
  tx: TenantTx,
  options: { sinceLatestCheckpoint?: boolean } = {},
): Promise<AuditChainReport> {
  const anchor = anchorOfTx(tx);
  // The anchors are read before the rows: the server's head moves only after a commit, and a checkpoint is signed
  // over committed rows, so every row they name is committed before the row queries below start (READ COMMITTED) and
  // they see it. Read after them, a commit in between would look like a deleted tail.
  const [school] = await queryRows<{ id: string }>(tx, sql`SELECT xq_school_id() AS id`);
  const server = anchor.head(String(school?.id));
  const checkpoint = await latestCheckpoint(tx, anchor.key.keyId);
  const [count] = await queryRows<{ rows: string | number; checkpoints: string | number }>(
    tx,
    sql`SELECT (SELECT count(*) FROM audit_log WHERE school_id = xq_school_id()) AS rows,
               (SELECT count(*) FROM audit_checkpoints WHERE school_id = xq_school_id()) AS checkpoints`,
  );
  const head = (await chainHead(tx)) ?? null;
  const base = { rows: Number(count?.rows ?? 0), head, checkpoints: Number(count?.checkpoints ?? 0) };
  const from = options.sinceLatestCheckpoint ? (checkpoint?.seq ?? 1) : null;
  const [broken] = await queryRows<{ id: string | number; seq: string | number; reason: string }>(
    tx,
    from === null
      ? sql`SELECT id, seq, reason FROM xq_audit_first_break()`
      : sql`SELECT id, seq, reason FROM xq_audit_first_break_since(${from})`,
  );
  const points = anchorPoints(server, checkpoint);
  const furthest = points.reduce<AuditAnchorPoint | null>((a, p) => (!a || p.seq > a.seq ? p : a), null);
  if (broken) {
    const firstBrokenRow = { id: Number(broken.id), seq: Number(broken.seq), reason: broken.reason };
    return { intact: false, ...base, anchor: furthest, firstBrokenRow };
  }
  if (checkpoint && !anchor.key.verify(checkpointMessage(checkpoint), checkpoint.signature)) {
    const tamper: AuditTamper = {
      kind: 'checkpoint-forged',
      seq: checkpoint.seq,
      reason: `the checkpoint at ${checkpoint.seq} does not carry this server's signature`,
    };
    return { intact: false, ...base, anchor: furthest, tamper };
  }
  for (const point of [...points].sort((a, b) => b.seq - a.seq)) {
    const tamper = await checkAgainst(tx, head, point);
    if (tamper) return { intact: false, ...base, anchor: point, tamper };
  }
  return { intact: true, ...base, anchor: furthest };
}

function anchorPoints(
  server: AuditHead | undefined,
  checkpoint: AuditCheckpoint | undefined,
): AuditAnchorPoint[] {
  const points: AuditAnchorPoint[] = [];
  if (checkpoint) {
    const { seq, hash, at } = checkpoint;
    points.push({ source: 'checkpoint', seq, hash, at: at.toISOString() });
  }
  if (server)
    points.push({ source: 'server', seq: server.seq, hash: server.hash, at: server.at.toISOString() });
  return points;
}

async function checkAgainst(
  tx: Tx,
  head: { seq: number; hash: string } | null,
  point: AuditAnchorPoint,
): Promise<AuditTamper | undefined> {
  const last = head?.seq ?? 0;
  if (last < point.seq) {
    return {
      kind: 'tail-deleted',
      seq: point.seq,
      missingRows: point.seq - last,
      reason: `the newest rows are missing: the chain ends at ${last} but ${point.seq} was anchored (${point.source})`,
    };
  }
  const hash = await hashAt(tx, point.seq);
  if (hash !== point.hash) {
    return {
      kind: 'rewritten',
      seq: point.seq,
      reason: `the chain was rewritten: the row at ${point.seq} no longer has the hash anchored (${point.source}) on ${point.at}`,
    };
  }
  return undefined;
}

/** A checkpoint as a director exported it (`GET /api/audit/checkpoints`). */
export interface ExportedCheckpoint {
  seq: number;
  hash: string;
  at: string;
  keyId: string;
  signature: string;
}

/**
 * Checks the school's chain against checkpoints a director exported earlier and kept outside the database: the
 * anchor that survives an intruder who erased the server's anchor file and the checkpoints in the database too.
 * A checkpoint signed by this server's key must verify (else `checkpoint-forged`: the file was altered); one signed by
 * another key is not used (`otherKey`).
 */
export async function verifyAgainstExport(
  tx: TenantTx,
  exported: readonly ExportedCheckpoint[],
): Promise<AuditChainReport & { exported: { checked: number; otherKey: number } }> {
  const anchor = anchorOfTx(tx);
  const [school] = await queryRows<{ id: string }>(tx, sql`SELECT xq_school_id() AS id`);
  const schoolId = String(school?.id);
  const ours = exported.filter((c) => c.keyId === anchor.key.keyId);
  const summary = { checked: ours.length, otherKey: exported.length - ours.length };
  const report = await verifyAuditChain(tx);
  const withSummary = { ...report, exported: summary };
  for (const c of ours) {
    const message = checkpointMessage({ schoolId, seq: c.seq, hash: c.hash, at: new Date(c.at) });
    if (!anchor.key.verify(message, c.signature)) {
      const reason = `the exported checkpoint at ${c.seq} does not carry this server's signature for this school`;
      const tamper: AuditTamper = { kind: 'checkpoint-forged', seq: c.seq, reason };
      return { ...withSummary, intact: false, tamper };
    }
  }
  if (!report.intact) return withSummary;
  const points = ours
    .map((c): AuditAnchorPoint => ({ source: 'export', seq: c.seq, hash: c.hash, at: c.at }))
    .sort((a, b) => b.seq - a.seq);
  for (const point of points) {
    const tamper = await checkAgainst(tx, report.head, point);
    if (tamper) return { ...withSummary, intact: false, anchor: point, tamper };
  }
  const furthest = points[0];
  const useExport = furthest && (!report.anchor || furthest.seq > report.anchor.seq);
  return useExport ? { ...withSummary, anchor: furthest } : withSummary;
}
