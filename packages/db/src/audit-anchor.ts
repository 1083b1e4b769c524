import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { type AuditSigningKey, auditSigningKey } from './audit-key.ts';
import type { Database } from './database.ts';

/** A position of a school's chain: its newest row's `seq` and `hash`, and when it was seen. */
export interface AuditHead {
  schoolId: string;
  seq: number;
  hash: string;
  at: Date;
  /** The first row the same statement inserted for the school, and the hash it chained to. */
  first?: { seq: number; prevHash: string };
}

export interface AuditAnchorOptions {
  /** The 32-byte secret (see `loadOrCreateAuditSecret`); a random one when absent (tests: lost on exit). */
  secret?: Buffer | undefined;
  /** Where the newest committed head of each school is kept across restarts; memory only when absent. */
  anchorFile?: string | undefined;
  /** At most one signed checkpoint per school this often, after audited commits; never when absent. */
  checkpointIntervalMs?: number | undefined;
}

const FILE_DELAY_MS = 500;

/**
 * What the server knows about each school's chain that the database cannot take back: the newest head its own
 * transactions committed (in memory and in the anchor file), and the key that signs checkpoints. Deleting the newest
 * rows leaves the chain shorter than this head; re-hashing rows with the database's own function changes the hash at
 * this head's position.
 */
export class AuditAnchor {
  readonly key: AuditSigningKey;
  readonly checkpointIntervalMs: number | undefined;
  private readonly heads = new Map<string, AuditHead>();
  private readonly pinned = new Set<string>();
  private readonly lastCheckpoint = new Map<string, number>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private fileTimer: NodeJS.Timeout | undefined;
  private closed = false;
  /** Writes one school's checkpoint; set by audit.ts (kept out of this file to avoid an import cycle). */
  checkpointWriter: ((schoolId: string) => Promise<void>) | undefined;

  constructor(private readonly options: AuditAnchorOptions = {}) {
    this.key = auditSigningKey(options.secret ?? randomBytes(32));
    this.checkpointIntervalMs = options.checkpointIntervalMs;
    if (options.anchorFile && existsSync(options.anchorFile)) this.load(options.anchorFile);
  }

  /** The newest head committed by this server (or read from its anchor file), if any. */
  head(schoolId: string): AuditHead | undefined {
    return this.heads.get(schoolId);
  }

  /**
   * Records heads returned by a transaction that has committed; keeps the newest per school. When the rows show that
   * the chain's tail was replaced (deleted, then new rows written over its positions), the known head is pinned, never
   * advanced again, so verification keeps reporting it.
   */
  noteCommitted(heads: readonly AuditHead[]): void {
    let changed = false;
    for (const { first, ...head } of heads) {
      const known = this.heads.get(head.schoolId);
      if (this.pinned.has(head.schoolId) || (known && known.seq >= head.seq)) continue;
      // A statement numbers its rows after every committed one: its first row at or before a committed head, or
      // right after it but chained to another hash, means rows were deleted and written anew.
      const replaced =
        known &&
        first &&
        (first.seq <= known.seq || (first.seq === known.seq + 1 && first.prevHash !== known.hash));
      if (replaced) {
        this.pinned.add(head.schoolId);
        console.error(
          `audit chain of school ${head.schoolId} no longer continues the head ${known.seq} it had`,
        );
      } else {
        this.heads.set(head.schoolId, head);
        this.scheduleCheckpoint(head.schoolId);
      }
      changed = true;
    }
    if (changed) this.scheduleFileWrite();
  }

  /** Writes the anchor file now (on exit, and in tests). */
  flush(): void {
    if (this.fileTimer) clearTimeout(this.fileTimer);
    this.fileTimer = undefined;
    const file = this.options.anchorFile;
    if (!file) return;
    mkdirSync(dirname(file), { recursive: true });
    const schools = Object.fromEntries(
      [...this.heads.values()].map((h) => [
        h.schoolId,
        {
          seq: h.seq,
          hash: h.hash,
          at: h.at.toISOString(),
          ...(this.pinned.has(h.schoolId) ? { pinned: true } : {}),
        },
      ]),
    );
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, `${JSON.stringify({ version: 1, keyId: this.key.keyId, schools }, null, 1)}\n`);
    renameSync(partial, file);
  }

  /** Stops the timers and writes the anchor file; no checkpoint is written afterwards. */
  close(): void {
    this.closed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.flush();
  }

  /** Marks a checkpoint as just written, so the next one waits a full interval. */
  checkpointWritten(schoolId: string): void {
    this.lastCheckpoint.set(schoolId, Date.now());
  }

  private scheduleCheckpoint(schoolId: string): void {
    const interval = this.checkpointIntervalMs;
    if (interval === undefined || this.closed || this.timers.has(schoolId) || !this.checkpointWriter) return;
    const wait = Math.max(0, (this.lastCheckpoint.get(schoolId) ?? 0) + interval - Date.now());
    const timer = setTimeout(() => {
      this.timers.delete(schoolId);
      if (this.closed) return;
      this.checkpointWritten(schoolId);
      this.checkpointWriter?.(schoolId).catch((error: unknown) => {
        console.error(`audit checkpoint of school ${schoolId} not written:`, error);
      });
    }, wait);
    timer.unref();
    this.timers.set(schoolId, timer);
  }

  private scheduleFileWrite(): void {
    if (!this.options.anchorFile || this.fileTimer || this.closed) return;
    this.fileTimer = setTimeout(() => {
      this.fileTimer = undefined;
      try {
        this.flush();
      } catch (error) {
        console.error('audit anchor file not written:', error);
      }
    }, FILE_DELAY_MS);
    this.fileTimer.unref();
  }

  private load(file: string): void {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as {
      schools?: Record<string, { seq: number; hash: string; at: string; pinned?: boolean }>;
    };
    for (const [schoolId, h] of Object.entries(parsed.schools ?? {})) {
      this.heads.set(schoolId, { schoolId, seq: h.seq, hash: h.hash, at: new Date(h.at) });
      if (h.pinned) this.pinned.add(schoolId);
    }
  }
}

const anchors = new WeakMap<object, AuditAnchor>();

/**
 * Anchors are kept per driver client, not per `Database` object: a wrapper (the fair queue's `{ ...db, orm }`, a
 * test database's) is a new object over the same client and must find the same anchor.
 */
function clientOf(db: Database): object {
  return (db.orm as unknown as { $client?: object }).$client ?? db.orm;
}

/** Gives `db` its audit anchor (see `configureAuditAnchor` in audit.ts, which also wires the checkpoint writer). */
export function setAuditAnchor(db: Database, anchor: AuditAnchor): void {
  anchors.get(clientOf(db))?.close();
  anchors.set(clientOf(db), anchor);
}

/** The audit anchor of `db`: without configuration, a random key, memory only, no checkpoints (enough for tests). */
export function auditAnchorOf(db: Database): AuditAnchor {
  const client = clientOf(db);
  let anchor = anchors.get(client);
  if (!anchor) {
    anchor = new AuditAnchor();
    anchors.set(client, anchor);
  }
  return anchor;
}
