import { api, type paths, type Schemas } from '@xinqiao/web-kit';

export type Wave = Schemas['ScreeningWave'];
export type WaveDetail = Schemas['ScreeningWaveDetail'];
/** A wave the school's plugin cadence proposes. */
export type ProposedWave = Schemas['ProposedScreeningWave'];
/** An import's progress and row errors. */
export type ImportView = Schemas['ScreeningImport'];
/** One college's tier counts and its interviewed-in-time share. */
export type TierCounts = Schemas['ScreeningTierCounts'];
/** A page of a wave's tier table. */
export type ResultPage = Schemas['ScreeningResultPage'];
export type StudentHistory = Schemas['ScreeningHistory'];
export type FollowUp = Schemas['ScreeningFollowUp'];
/** Which follow-ups to list: not yet interviewed, overdue, interviewed, or all. */
export type FollowUpFilterState = NonNullable<
  NonNullable<paths['/api/screening/follow-ups']['get']['parameters']['query']>['state']
>;
/**
 * A new planned wave; its instrument as a proposal or the form names it (the API refuses one it does not know,
 * naming the field).
 */
export type NewWave = Omit<Schemas['NewScreeningWave'], 'instrument'> & { instrument: string };

const byId = (id: string) => ({ params: { path: { id } } });

/** The waves of an academic year (the latest when none is given). */
export const fetchWaves = (year?: number) =>
  api
    .GET('/api/screening/waves', { params: { query: { academicYear: year || undefined } } })
    .then((r) => r.waves);

/** The waves the school's plugin proposes for a year. */
export const fetchProposals = (year: number) =>
  api.GET('/api/screening/waves/proposed', { params: { query: { academicYear: year } } });

/** Creates a planned wave. */
export const createWave = (input: NewWave) =>
  api.POST('/api/screening/waves', { body: input as Schemas['NewScreeningWave'] });

/** Opens, closes or cancels a wave (cancelled is final). */
export const setWaveStatus = (id: string, status: Schemas['ScreeningWaveStatus']['status']) =>
  api.POST('/api/screening/waves/{id}/status', { ...byId(id), body: { status } });

/** What may change of a wave: its name, and its window while it holds no results. */
export type WaveChange = Schemas['ScreeningWaveChange'];

/** Renames a wave, or moves its window while it holds no results. */
export const changeWave = (id: string, change: WaveChange) =>
  api.PATCH('/api/screening/waves/{id}', { ...byId(id), body: change });

/** A wave with its completion per college and class. */
export const fetchWave = (id: string) => api.GET('/api/screening/waves/{id}', byId(id));

/** Per-college tier counts and the interviewed-in-time share. */
export const fetchTiers = (id: string) =>
  api.GET('/api/screening/waves/{id}/tiers', byId(id)).then((r) => r.colleges);

/** A page of a wave's tier table. */
export const fetchResults = (id: string, tier: number | null, page: number) =>
  api.GET('/api/screening/waves/{id}/results', {
    params: { path: { id }, query: { page, pageSize: 20, tier: tier ?? undefined } },
  });

/** A student's screening history. */
export const fetchHistory = (studentId: string) =>
  api.GET('/api/screening/students/{id}/history', byId(studentId));

/** Follow-ups in the caller's scope, of one wave or of all. */
export type FollowUpQuery = NonNullable<paths['/api/screening/follow-ups']['get']['parameters']['query']>;

/** A page of the follow-ups in the caller's scope (self-harm first, then soonest due), with the total. */
export const fetchFollowUps = (query: FollowUpQuery) =>
  api.GET('/api/screening/follow-ups', { params: { query } });

/** The colleges of the school, for the follow-up list's college filter. */
export const fetchColleges = () =>
  api
    .GET('/api/units', { params: { query: { levelKey: 'college', pageSize: 200 } } })
    .then((page) => page.items);

/** An import's progress and row errors. */
export const fetchImport = (id: string) => api.GET('/api/screening/imports/{id}', byId(id));

/**
 * Starts an import: the file goes as the raw request body (streamed by the browser, spooled by the API), its name
 * in `x-file-name`, with the session's CSRF token like every other change. The document does not describe a raw
 * body, so the file is handed to the client's body serializer as is.
 */
export async function startImport(waveId: string, file: File): Promise<ImportView> {
  return api.POST('/api/screening/waves/{id}/imports', {
    ...byId(waveId),
    body: file as never,
    bodySerializer: (body: unknown) => body,
    headers: { 'content-type': file.type || 'text/csv', 'x-file-name': encodeURIComponent(file.name) },
  });
}
