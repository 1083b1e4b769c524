import {
  bigint,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, schoolId } from './columns.ts';
import { people } from './network.ts';
import { schools } from './schools.ts';
import { studentCopyKey } from './students.ts';

/**
 * planned → open → closed (and closed → open again for late results); any of them → cancelled, which is final: a
 * cancelled wave takes no imports, counts nowhere, and a proposal of the same name may be created again.
 */
export const waveStatuses = ['planned', 'open', 'closed', 'cancelled'] as const;
export type WaveStatus = (typeof waveStatuses)[number];

/** A screening wave: one instrument given to one cohort within a window of an academic year. */
export const screeningWaves = pgTable(
  'screening_waves',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    academicYear: integer('academic_year').notNull(),
    name: text('name').notNull(),
    instrument: text('instrument').notNull(),
    /** Who is screened, as the plugin's cadence names it: 'all', 'freshman', or an enrolment year. */
    cohort: text('cohort').notNull(),
    opensOn: date('opens_on').notNull(),
    closesOn: date('closes_on').notNull(),
    status: text('status').$type<WaveStatus>().notNull().default('planned'),
    createdBy: uuid('created_by').references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('screening_waves_school_year_idx').on(t.schoolId, t.academicYear),
    // Target of the results' (wave, school) key: a result's wave is always of the result's school.
    unique('screening_waves_id_school_unique').on(t.id, t.schoolId),
  ],
);

/**
 * One student's result in a wave: scores, the attention tier and its reasons, and the plugin version that decided.
 * Seen by full-view roles (RLS). The item answers and full scores are columns only the role `xinqiao_screening`
 * may read or write (column privileges): transactions of people with the `screening.answers` capability (the
 * mental-health center) run as that role, everybody else as `xinqiao_app`, which gets "permission denied" for them.
 * One row per result keeps an import at one insert per row (see docs/decisions.md).
 */
export const screeningResults = pgTable(
  'screening_results',
  {
    id: id(),
    schoolId: schoolId(),
    waveId: uuid('wave_id').notNull(),
    studentId: uuid('student_id').notNull(),
    /**
     * The student's placement, kept equal to `students.placement_path` by the (student, placement) key (ON UPDATE
     * CASCADE): RLS checks it as a plain prefix test instead of looking the student up for every row.
     */
    placementPath: text('placement_path').notNull(),
    instrument: text('instrument').notNull(),
    /** Total score and the instrument's flags (e.g. PHQ-9 item 9), without the item answers. */
    summary: jsonb('summary').$type<Record<string, unknown>>().notNull(),
    attentionTier: integer('attention_tier').notNull(),
    reasons: jsonb('reasons').$type<{ ruleName: string; zh: string; en: string }[]>().notNull().default([]),
    pluginId: text('plugin_id').notNull(),
    pluginVersion: text('plugin_version').notNull(),
    importBatchId: uuid('import_batch_id'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    createdAt: createdAt(),
    /** The item answers as given (center only: column privilege). */
    answers: smallint('answers').array(),
    /** Every score of the instrument, with factors (center only: column privilege). */
    scores: jsonb('scores').$type<Record<string, unknown>>(),
  },
  (t) => [
    // Also serves every per-wave query (tier tables, counts): no separate wave index to maintain on import.
    unique('screening_results_wave_student_unique').on(t.waveId, t.studentId),
    index('screening_results_student_idx').on(t.studentId),
    studentCopyKey('screening_results_student_placement_fk', t.studentId, t.placementPath, 'placementPath'),
    // One key check instead of two per imported row (the wave implies its school), and a stronger one.
    foreignKey({
      name: 'screening_results_wave_school_fk',
      columns: [t.waveId, t.schoolId],
      foreignColumns: [screeningWaves.id, screeningWaves.schoolId],
    }),
  ],
);

/** One upload of a wave's results: its progress while it runs and its row errors after. */
export const screeningImports = pgTable(
  'screening_imports',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    waveId: uuid('wave_id')
      .notNull()
      .references(() => screeningWaves.id),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    status: text('status').$type<'running' | 'done' | 'failed'>().notNull().default('running'),
    rowsRead: integer('rows_read').notNull().default(0),
    rowsAccepted: integer('rows_accepted').notNull().default(0),
    rowsRejected: integer('rows_rejected').notNull().default(0),
    rowsUnchanged: integer('rows_unchanged').notNull().default(0),
    // reason: in zh-CN words; message: its code and parameters, which the API answers in the reader's language.
    errors: jsonb('errors')
      .$type<
        {
          row: number;
          column?: string;
          reason: string;
          message?: { code: string; params: Record<string, unknown> };
        }[]
      >()
      .notNull()
      .default([]),
    /** Size of the uploaded file and how much of it has been read: the progress of a running import. */
    bytesTotal: bigint('bytes_total', { mode: 'number' }).notNull().default(0),
    bytesRead: bigint('bytes_read', { mode: 'number' }).notNull().default(0),
    /** Follow-up cases this import opened for tier-1 results. */
    followUpsOpened: integer('follow_ups_opened').notNull().default(0),
    createdBy: uuid('created_by').references(() => people.id),
    createdAt: createdAt(),
    /** Last progress written; a running import not updated for long was cut off (the process stopped). */
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('screening_imports_wave_idx').on(t.waveId),
    // Target of the stored file's (import, school) key: a file part is always of its import's school.
    unique('screening_imports_id_school_unique').on(t.id, t.schoolId),
  ],
);

/** A school's edits to the working-day calendar (extra days off, make-up working days). */
export const workingDayOverrides = pgTable(
  'working_day_overrides',
  {
    schoolId: schoolId().references(() => schools.id),
    day: date('day').notNull(),
    working: text('working').$type<'working' | 'off'>().notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [unique('working_day_overrides_unique').on(t.schoolId, t.day)],
);
