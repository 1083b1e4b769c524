import { index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { id, schoolId } from './columns.ts';
import { schools } from './schools.ts';

/**
 * Every decision the platform stores from a policy plugin, with the plugin version that made it, so the
 * decision can be explained later even after the school changes its rules.
 */
export const policyDecisions = pgTable(
  'policy_decisions',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    area: text('area').notNull(),
    pluginId: text('plugin_id').notNull(),
    pluginVersion: text('plugin_version').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    facts: jsonb('facts').$type<Record<string, unknown>>().notNull(),
    result: jsonb('result').$type<Record<string, unknown>>().notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('policy_decisions_subject_idx').on(t.schoolId, t.subjectType, t.subjectId)],
);
