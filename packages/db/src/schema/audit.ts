import { bigint, bigserial, index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { schoolId } from './columns.ts';
import { schools } from './schools.ts';

/**
 * Append-only audit log, hash-chained per school: `hash` = sha256 of the previous row's hash and this row's
 * fields, computed by a trigger so no caller can forge it. UPDATE and DELETE are rejected by triggers and grants.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    schoolId: schoolId().references(() => schools.id),
    seq: bigint('seq', { mode: 'number' }).notNull().default(0),
    actorPersonId: uuid('actor_person_id'),
    actorRole: text('actor_role'),
    actorUnitId: uuid('actor_unit_id'),
    studentId: uuid('student_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    purpose: text('purpose').notNull().default(''),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    prevHash: text('prev_hash').notNull().default(''),
    hash: text('hash').notNull().default(''),
  },
  (t) => [
    unique('audit_log_school_seq_unique').on(t.schoolId, t.seq),
    index('audit_log_student_idx').on(t.schoolId, t.studentId, t.at),
  ],
);

/**
 * Signed checkpoints of each school's audit chain: the newest `seq` and its `hash` at `at`, signed (ed25519) with a
 * key the database never holds (XINQIAO_AUDIT_KEY or the key file). Deleting the newest audit rows or re-hashing the
 * chain with the database's own hash function no longer matches a checkpoint; a director exports them to keep a copy
 * outside the database. Append-only like the log.
 */
export const auditCheckpoints = pgTable(
  'audit_checkpoints',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    schoolId: schoolId().references(() => schools.id),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    hash: text('hash').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    keyId: text('key_id').notNull(),
    signature: text('signature').notNull(),
  },
  (t) => [index('audit_checkpoints_school_seq_idx').on(t.schoolId, t.seq)],
);
