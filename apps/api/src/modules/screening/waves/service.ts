import type { TenantTx, WaveStatus } from '@xinqiao/db';
import { type CompiledPlugin, evaluate } from '@xinqiao/policy';
import { type Caller, requirePermission } from '../../../auth/caller.ts';
import { fieldError, invalidFields, problem } from '../../../http/problem.ts';
import { isWaveInstrument } from '../instruments.ts';
import {
  type CompletionRow,
  completionRows,
  findWave,
  importRunning,
  insertWave,
  latestWaveYear,
  resultCountOf,
  updateWave,
  updateWaveStatus,
  type WaveCountRow,
  type WaveRow,
  waveCountRows,
  waveExists,
  wavesOfYear,
} from './queries.ts';

/**
 * A wave with its result counts and its completion per college and class; saved answers counted apart only when
 * the caller may read them (`screening.answers`).
 */
export interface WaveDetail {
  wave: WaveCountRow;
  completion: CompletionRow[];
  answersVisible: boolean;
}

/**
 * The waves of an academic year (default: the latest that has one), newest first, with result counts in the
 * caller's scope. Needs `screening.counts`.
 */
export async function listWaves(caller: Caller, academicYear?: number): Promise<WaveCountRow[]> {
  requirePermission(caller, 'screening.counts');
  const year = academicYear ?? (await latestWaveYear(caller.tx));
  return year === undefined ? [] : waveCountRows(caller.tx, { academicYear: year });
}

/** A wave with its completion per college and class; 404 when there is no such wave. Needs `screening.counts`. */
export async function waveDetail(caller: Caller, id: string): Promise<WaveDetail> {
  requirePermission(caller, 'screening.counts');
  return detailOf(caller, id);
}

/** A wave's counts and completion (a cancelled wave's completion is empty: it counts nowhere); 404 if none. */
async function detailOf(caller: Caller, id: string): Promise<WaveDetail> {
  const { tx } = caller;
  const answersVisible = caller.permissions.includes('screening.answers');
  const [wave] = await waveCountRows(tx, { id });
  if (!wave) throw problem('screening.wave-not-found');
  if (wave.status === 'cancelled') return { wave, completion: [], answersVisible };
  const cohort = { id: wave.id, cohort: wave.cohort, academicYear: wave.academic_year };
  return { wave, completion: await completionRows(tx, cohort), answersVisible };
}

/**
 * One wave, or 404: for the parts of screening that work on a wave once their own access check passed (imports,
 * results).
 */
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
 * same name and instrument already exists (a cancelled one does not count). Needs `screening.manage`.
 */
export async function proposeWaves(
  caller: Caller,
  plugin: CompiledPlugin | undefined,
  academicYear: number,
): Promise<{ pluginId: string | null; pluginVersion: string | null; waves: ProposedWave[] }> {
  requirePermission(caller, 'screening.manage');
  if (!plugin?.provides('screening-cadence')) return { pluginId: null, pluginVersion: null, waves: [] };
  const cadence = await evaluate(plugin, 'screening-cadence', { academicYear });
  const existing = await wavesOfYear(caller.tx, academicYear);
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

/**
 * Creates a planned wave and answers it; 409 when the year already has a wave of that name and instrument that is
 * not cancelled. Needs `screening.manage`.
 */
export async function createWave(caller: Caller, input: NewWave): Promise<WaveDetail> {
  requirePermission(caller, 'screening.manage');
  if (!isWaveInstrument(input.instrument)) {
    throw invalidFields([fieldError('instrument', 'screening.instrument')]);
  }
  if (input.closesOn < input.opensOn) {
    throw invalidFields([fieldError('closesOn', 'screening.closes-before-opens')]);
  }
  if (await waveExists(caller.tx, input)) {
    throw problem('screening.wave-exists', { name: input.name });
  }
  const { me } = caller;
  const id = await insertWave(caller.tx, {
    ...input,
    schoolId: me.school.id,
    status: 'planned',
    createdBy: me.person.id,
  });
  return detailOf(caller, id);
}

/** What may change of a wave: its name, and its window while it holds no results. */
export interface WaveChange {
  name?: string | undefined;
  opensOn?: string | undefined;
  closesOn?: string | undefined;
}

/**
 * Renames a wave, or moves its window while no result is stored in it (results were screened inside the window
 * they were imported into). 409 for a cancelled wave, a name the year already has for the instrument, or dates of
 * a wave with results; 400 naming `closesOn` when the window would end before it opens. Needs `screening.manage`.
 */
export async function changeWave(caller: Caller, id: string, change: WaveChange): Promise<WaveDetail> {
  requirePermission(caller, 'screening.manage');
  const { tx } = caller;
  const wave = await getWave(tx, id);
  if (wave.status === 'cancelled') throw problem('screening.wave-cancelled', { wave: wave.name });
  const next = {
    name: change.name ?? wave.name,
    opensOn: change.opensOn ?? wave.opensOn,
    closesOn: change.closesOn ?? wave.closesOn,
  };
  if (next.closesOn < next.opensOn) {
    throw invalidFields([fieldError('closesOn', 'screening.closes-before-opens')]);
  }
  if (next.opensOn !== wave.opensOn || next.closesOn !== wave.closesOn) {
    const results = await resultCountOf(tx, id);
    if (results > 0) throw problem('screening.wave-has-results', { wave: wave.name, results });
  }
  if (next.name !== wave.name && (await waveExists(tx, { ...wave, name: next.name }, id))) {
    throw problem('screening.wave-exists', { name: next.name });
  }
  await updateWave(tx, id, next);
  return detailOf(caller, id);
}

const transitions: Record<WaveStatus, readonly WaveStatus[]> = {
  planned: ['open', 'cancelled'],
  open: ['closed', 'cancelled'],
  closed: ['open', 'cancelled'],
  cancelled: [],
};

/**
 * Opens, closes or cancels a wave: planned → open → closed, a closed wave may be reopened for late results, and a
 * wave that holds no results and has no import running may be cancelled (final: see docs/screening.md). Needs
 * `screening.manage`.
 */
export async function setWaveStatus(caller: Caller, id: string, status: WaveStatus): Promise<WaveDetail> {
  requirePermission(caller, 'screening.manage');
  const { tx } = caller;
  const wave = await getWave(tx, id);
  if (wave.status === status) return detailOf(caller, id);
  if (wave.status === 'cancelled') throw problem('screening.wave-cancelled', { wave: wave.name });
  if (!transitions[wave.status].includes(status)) {
    throw problem('screening.wave-status-transition', { from: wave.status, to: status });
  }
  if (status === 'cancelled') {
    const results = await resultCountOf(tx, id);
    if (results > 0) throw problem('screening.wave-has-results', { wave: wave.name, results });
    if (await importRunning(tx, id)) throw problem('screening.wave-import-running', { wave: wave.name });
  }
  await updateWaveStatus(tx, id, status);
  return detailOf(caller, id);
}
