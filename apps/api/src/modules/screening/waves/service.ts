import { queryRows, screeningWaves, type TenantTx, type WaveStatus } from '@xinqiao/db';
import { type CompiledPlugin, evaluate } from '@xinqiao/policy';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Me } from '../../../auth/session-types.ts';
import { problems } from '../../../http/problem.ts';
import { isWaveInstrument } from '../instruments.ts';

/** A wave as the API shows it, with how many results it holds per tier (within the caller's scope). */
export interface WaveView {
  id: string;
  academicYear: number;
  name: string;
  instrument: string;
  cohort: string;
  opensOn: string;
  closesOn: string;
  status: WaveStatus;
  results: number;
  tiers: { 1: number; 2: number; 3: number };
}

/** The waves of the school (one academic year, or all), newest first, with result counts. */
export async function listWaves(tx: TenantTx, academicYear?: number): Promise<WaveView[]> {
  const rows = await queryRows<{
    id: string;
    academic_year: number;
    name: string;
    instrument: string;
    cohort: string;
    opens_on: string;
    closes_on: string;
    status: WaveStatus;
    results: number;
    tier1: number;
    tier2: number;
    tier3: number;
  }>(
    tx,
    sql`SELECT w.id, w.academic_year, w.name, w.instrument, w.cohort, w.opens_on::text, w.closes_on::text, w.status,
               count(r.id)::int AS results,
               count(r.id) FILTER (WHERE r.attention_tier = 1)::int AS tier1,
               count(r.id) FILTER (WHERE r.attention_tier = 2)::int AS tier2,
               count(r.id) FILTER (WHERE r.attention_tier = 3)::int AS tier3
        FROM screening_waves w LEFT JOIN screening_results r ON r.wave_id = w.id
        WHERE ${academicYear === undefined ? sql`true` : sql`w.academic_year = ${academicYear}`}
        GROUP BY w.id ORDER BY w.opens_on DESC, w.name`,
  );
  return rows.map((r) => ({
    id: r.id,
    academicYear: r.academic_year,
    name: r.name,
    instrument: r.instrument,
    cohort: r.cohort,
    opensOn: r.opens_on,
    closesOn: r.closes_on,
    status: r.status,
    results: r.results,
    tiers: { 1: r.tier1, 2: r.tier2, 3: r.tier3 },
  }));
}

/** One wave, or 404. */
export async function getWave(tx: TenantTx, id: string) {
  const [wave] = await tx.select().from(screeningWaves).where(eq(screeningWaves.id, id));
  if (!wave) throw problems.notFound('没有这个筛查批次 / No such screening wave');
  return wave;
}

/** A wave the school's cadence proposes for an academic year: one per instrument of each planned screening. */
export interface ProposedWave {
  key: string;
  name: string;
  nameEn: string;
  instrument: string;
  cohort: string;
  opensOn: string;
  closesOn: string;
  ruleName: string;
  /** The id of the wave already created from this proposal (same year, name and instrument). */
  createdWaveId: string | null;
}

/**
 * The waves the school's plugin (`screening-cadence`) proposes for an academic year, each marked when a wave of the
 * same name and instrument already exists.
 */
export async function proposeWaves(
  tx: TenantTx,
  plugin: CompiledPlugin | undefined,
  academicYear: number,
): Promise<{ pluginId: string | null; pluginVersion: string | null; waves: ProposedWave[] }> {
  if (!plugin?.provides('screening-cadence')) return { pluginId: null, pluginVersion: null, waves: [] };
  const cadence = await evaluate(plugin, 'screening-cadence', { academicYear });
  const existing = await tx
    .select({ id: screeningWaves.id, name: screeningWaves.name, instrument: screeningWaves.instrument })
    .from(screeningWaves)
    .where(eq(screeningWaves.academicYear, academicYear));
  const waves = cadence.waves.flatMap((wave) =>
    wave.instruments.map((instrument) => {
      const name = proposedName(wave.name.zh, instrument, wave.instruments.length);
      return {
        key: `${wave.key}:${instrument}`,
        name,
        nameEn: proposedName(wave.name.en, instrument, wave.instruments.length),
        instrument,
        cohort: wave.cohort,
        opensOn: wave.start,
        closesOn: wave.end,
        ruleName: wave.ruleName,
        createdWaveId: existing.find((w) => w.name === name && w.instrument === instrument)?.id ?? null,
      };
    }),
  );
  return { pluginId: plugin.id, pluginVersion: plugin.version, waves };
}

function proposedName(name: string, instrument: string, instruments: number): string {
  return instruments > 1 ? `${name}（${instrument}）` : name;
}

/** What a new wave needs. */
export interface NewWave {
  academicYear: number;
  name: string;
  instrument: string;
  cohort: string;
  opensOn: string;
  closesOn: string;
}

/** Creates a planned wave; 409 when the year already has a wave of that name and instrument. */
export async function createWave(tx: TenantTx, me: Me, input: NewWave): Promise<string> {
  if (!isWaveInstrument(input.instrument)) {
    throw problems.validation([{ field: 'instrument', message: '量表应为 UPI、PHQ-9、GAD-7 或 SCL-90' }]);
  }
  if (input.closesOn < input.opensOn) {
    throw problems.validation([{ field: 'closesOn', message: '结束日期不能早于开始日期' }]);
  }
  const [clash] = await tx
    .select({ id: screeningWaves.id })
    .from(screeningWaves)
    .where(
      and(
        eq(screeningWaves.academicYear, input.academicYear),
        eq(screeningWaves.name, input.name),
        eq(screeningWaves.instrument, input.instrument),
      ),
    );
  if (clash) throw problems.conflict(`本学年已有同名同量表的批次“${input.name}” / The wave already exists`);
  const [row] = await tx
    .insert(screeningWaves)
    .values({ ...input, schoolId: me.school.id, status: 'planned', createdBy: me.person.id })
    .returning({ id: screeningWaves.id });
  return row!.id;
}

const transitions: Record<WaveStatus, readonly WaveStatus[]> = {
  planned: ['open'],
  open: ['closed'],
  closed: ['open'],
};

/** Opens or closes a wave: planned → open → closed, and a closed wave may be reopened for late results. */
export async function setWaveStatus(tx: TenantTx, id: string, status: WaveStatus): Promise<void> {
  const wave = await getWave(tx, id);
  if (wave.status === status) return;
  if (!transitions[wave.status].includes(status)) {
    throw problems.conflict(
      `批次状态不能从 ${wave.status} 改为 ${status} / A ${wave.status} wave cannot become ${status}`,
    );
  }
  await tx.update(screeningWaves).set({ status }).where(eq(screeningWaves.id, id));
}

/** SQL condition: the student belongs to the wave's cohort (all, freshmen, graduating, or an enrolment year). */
export function cohortCondition(cohort: string, academicYear: number) {
  if (cohort === 'freshmen') return sql`s.enrolment_year = ${academicYear}`;
  // A four-year programme: students who enrolled three years before the academic year graduate in it.
  if (cohort === 'graduating') return sql`s.enrolment_year = ${academicYear - 3}`;
  if (/^\d{4}$/.test(cohort)) return sql`s.enrolment_year = ${Number(cohort)}`;
  return sql`true`;
}

/** Completion of a wave per college and class: students of the cohort, and how many have a result. */
export interface CompletionRow {
  collegeId: string;
  collegeName: string;
  classId: string;
  className: string;
  students: number;
  screened: number;
}

/** How far a wave has got, per college and class, within the caller's scope. */
export async function waveCompletion(tx: TenantTx, waveId: string): Promise<CompletionRow[]> {
  const wave = await getWave(tx, waveId);
  const rows = await queryRows<{
    college_id: string;
    college_name: string;
    class_id: string;
    class_name: string;
    students: number;
    screened: number;
  }>(
    tx,
    sql`SELECT s.college_unit_id AS college_id, cu.name AS college_name, s.class_unit_id AS class_id,
               ku.name AS class_name, count(*)::int AS students, count(r.id)::int AS screened
        FROM students s
        JOIN units cu ON cu.id = s.college_unit_id
        JOIN units ku ON ku.id = s.class_unit_id
        LEFT JOIN screening_results r ON r.student_id = s.id AND r.wave_id = ${waveId}::uuid
        WHERE ${cohortCondition(wave.cohort, wave.academicYear)} AND xq_in_scope(s.placement_path, 'xq.full_scope')
        GROUP BY s.college_unit_id, cu.name, s.class_unit_id, ku.name
        ORDER BY cu.name, ku.name`,
  );
  return rows.map((r) => ({
    collegeId: r.college_id,
    collegeName: r.college_name,
    classId: r.class_id,
    className: r.class_name,
    students: r.students,
    screened: r.screened,
  }));
}

/** The waves of the latest academic year first: for a default view. */
export async function latestAcademicYear(tx: TenantTx): Promise<number | undefined> {
  const [row] = await tx
    .select({ year: screeningWaves.academicYear })
    .from(screeningWaves)
    .orderBy(desc(screeningWaves.academicYear), asc(screeningWaves.opensOn))
    .limit(1);
  return row?.year;
}
