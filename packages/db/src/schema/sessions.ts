import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, schoolId } from './columns.ts';
import { people } from './network.ts';
import { schools } from './schools.ts';

/**
 * Server-side sessions. Only the SHA-256 of the 128-bit session id is stored, so a copy of this table
 * cannot be replayed as cookies.
 */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    schoolId: schoolId().references(() => schools.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_person_idx').on(t.personId)],
);

/**
 * Failed login attempts, keyed by school+username and by client address, kept in the database so that
 * every API process behind a load balancer counts the same attempts. Not tenant data: it holds no school.
 */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    key: text('key').notNull(),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_attempts_key_idx').on(t.key, t.attemptedAt)],
);
