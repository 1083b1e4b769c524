import { sql } from 'drizzle-orm';
import { boolean, check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, schoolId } from './columns.ts';
import { people } from './network.ts';
import { schools } from './schools.ts';
import { students } from './students.ts';

/** A safety signal the school's plugin found in a message (`tree-hole` area, step `signals`), as stored. */
export interface TreeHoleSignal {
  code: string;
  zh: string;
  en: string;
}

/**
 * A message to the center's tree hole (情绪树洞, issue 17.7). It carries no student: the center reads it without
 * knowing who wrote it. Only when the school's plugin escalates a safety signal is the writer linked, in
 * `tree_hole_writers`, which only the center director reads (docs/tree-hole.md).
 */
export const treeHoleMessages = pgTable(
  'tree_hole_messages',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    body: text('body').notNull(),
    /** The notice (告知) version the writer was shown before writing. */
    noticeVersion: text('notice_version').notNull(),
    /** The safety signals the plugin's phrases found; empty for none. */
    signals: jsonb('signals').$type<TreeHoleSignal[]>().notNull().default([]),
    escalated: boolean('escalated').notNull().default(false),
    /** The plugin reveals the writer of an escalated message to the center director (a row in tree_hole_writers). */
    writerRevealable: boolean('writer_revealable').notNull().default(false),
    /** The reply is due by then (the plugin's deadline for a message with or without a signal). */
    replyDueAt: timestamp('reply_due_at', { withTimezone: true }).notNull(),
    /** The rules that decided, with the plugin version (explainable later). */
    ruleNames: jsonb('rule_names').$type<string[]>().notNull().default([]),
    pluginId: text('plugin_id').notNull(),
    pluginVersion: text('plugin_version').notNull(),
    createdAt: createdAt(),
    /** The latest post of the writer (the first message or a follow-up): unanswered while after `answered_at`. */
    lastWriterPostAt: timestamp('last_writer_post_at', { withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [index('tree_hole_messages_school_idx').on(t.schoolId, t.createdAt)],
);

/** A post in a message's thread after the first: a reply of the center (its author named) or the writer's follow-up. */
export const treeHoleReplies = pgTable(
  'tree_hole_replies',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    messageId: uuid('message_id')
      .notNull()
      .references(() => treeHoleMessages.id),
    fromCenter: boolean('from_center').notNull(),
    /** The member of the center who replied; null for the writer's own follow-ups (anonymous). */
    authorId: uuid('author_id').references(() => people.id),
    body: text('body').notNull(),
    signals: jsonb('signals').$type<TreeHoleSignal[]>().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [
    index('tree_hole_replies_message_idx').on(t.messageId, t.createdAt),
    check('tree_hole_replies_author_check', sql`from_center = (author_id IS NOT NULL)`),
  ],
);

/**
 * The writer's key (一次性查看码) to a message's thread, stored only as its SHA-256. A key opens the thread once and
 * is then used up; each opening answers the next key. `holder_tag` (SHA-256 of the key and the writer's student id)
 * lets the API refuse a key in another student's hands without storing who holds it.
 */
export const treeHoleKeys = pgTable(
  'tree_hole_keys',
  {
    keyHash: text('key_hash').primaryKey(),
    schoolId: schoolId().references(() => schools.id),
    messageId: uuid('message_id')
      .notNull()
      .references(() => treeHoleMessages.id),
    holderTag: text('holder_tag').notNull(),
    issuedAt: createdAt(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('tree_hole_keys_message_idx').on(t.messageId)],
);

/**
 * Who wrote an escalated message: stored only when the school's plugin escalates a safety signal and says the
 * writer may be revealed, readable only with `treehole.identify` (the center director; RLS).
 */
export const treeHoleWriters = pgTable('tree_hole_writers', {
  messageId: uuid('message_id')
    .primaryKey()
    .references(() => treeHoleMessages.id),
  schoolId: schoolId().references(() => schools.id),
  studentId: uuid('student_id')
    .notNull()
    .references(() => students.id),
  createdAt: createdAt(),
});
