import type { TenantTx, WaveStatus } from '@xinqiao/db';
import { type CompiledPlugin, evaluate } from '@xinqiao/policy';
import type { Me } from '../../../auth/session-types.ts';
import { fieldError, invalidFields, problem } from '../../../http/problem.ts';
import { isWaveInstrument } from '../instruments.ts';
import {
  type CompletionRow,
  completionRows,
  findWave,
  insertWave,
  latestWaveYear,
  updateWaveStatus,
  type WaveCountRow,
  type WaveRow,
  waveCountRows,
  waveExists,
  wavesOfYear,
} from './queries.ts';

/** The waves of the school (one academic year, or all), newest first, with result counts. */
export function listWaves(tx: TenantTx, academicYear?: number): Promise<WaveCountRow[]> {
  return waveCountRows(tx, { academicYear });
}

/** A wave with its result counts and its completion per college and class; 404 when there is no such wave. */
export async function waveDetail(
  tx: TenantTx,
  id: string,
): Promise<{ wave: WaveCountRow; completion: CompletionRow[] }> {
  const [wave] = await waveCountRows(tx, { id });
  if (!wave) throw problem('screening.wave-not-found');
  const cohort = { id: wave.id, cohort: wave.cohort, academicYear: wave.academic_year };
  return { wave, completion: await completionRows(tx, cohort) };
}

/** One wave, or 404. */
export async function getWave(tx: TenantTx, id: string): Promise<WaveRow> {
  const wave = await findWave(tx, id);
  if (!wave) throw problem('screening.wave-not-found');
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
  const existing = await wavesOfYear(tx, academicYear);
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
    throw invalidFields([fieldError('instrument', 'screening.instrument')]);
  }
  if (input.closesOn < input.opensOn) {
    throw invalidFields([fieldError('closesOn', 'screening.closes-before-opens')]);
  }
  if (await waveExists(tx, input)) {
    throw problem('screening.wave-exists', { name: input.name });
  }
  return insertWave(tx, { ...input, schoolId: me.school.id, status: 'planned', createdBy: me.person.id });
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
    throw problem('screening.wave-status-transition', { from: wave.status, to: status });
  }
  await updateWaveStatus(tx, id, status);
}

/** The latest academic year with a wave: the default view. */
export function latestAcademicYear(tx: TenantTx): Promise<number | undefined> {
  return latestWaveYear(tx);
}
