import { api, problemFromResponse } from '@xinqiao/web-kit';
import type {
  FollowUp,
  FollowUpFilterState,
  ImportView,
  ProposedWave,
  ResultPage,
  StudentHistory,
  TierCounts,
  Wave,
  WaveDetail,
} from './types.ts';

const BASE = '/api/screening';

/** The waves of an academic year (the latest when none is given). */
export const fetchWaves = (year?: number) =>
  api.get<{ waves: Wave[] }>(`${BASE}/waves${year ? `?academicYear=${year}` : ''}`).then((r) => r.waves);

/** The waves the school's plugin proposes for a year. */
export const fetchProposals = (year: number) =>
  api.get<{ waves: ProposedWave[]; pluginId: string | null; pluginVersion: string | null }>(
    `${BASE}/waves/proposed?academicYear=${year}`,
  );

/** Creates a planned wave. */
export const createWave = (wave: Omit<Wave, 'id' | 'status' | 'results' | 'tiers'>) =>
  api.post<WaveDetail>(`${BASE}/waves`, wave);

/** Opens or closes a wave. */
export const setWaveStatus = (id: string, status: 'open' | 'closed') =>
  api.post<WaveDetail>(`${BASE}/waves/${id}/status`, { status });

/** A wave with its completion per college and class. */
export const fetchWave = (id: string) => api.get<WaveDetail>(`${BASE}/waves/${id}`);

/** Per-college tier counts and the interviewed-in-time share. */
export const fetchTiers = (id: string) =>
  api.get<{ colleges: TierCounts[] }>(`${BASE}/waves/${id}/tiers`).then((r) => r.colleges);

/** A page of a wave's tier table. */
export const fetchResults = (id: string, tier: number | null, page: number) =>
  api.get<ResultPage>(`${BASE}/waves/${id}/results?page=${page}&pageSize=20${tier ? `&tier=${tier}` : ''}`);

/** A student's screening history. */
export const fetchHistory = (studentId: string) =>
  api.get<StudentHistory>(`${BASE}/students/${studentId}/history`);

/** Follow-ups in the caller's scope, of one wave or of all. */
export const fetchFollowUps = (state: FollowUpFilterState, waveId?: string) =>
  api
    .get<{ followUps: FollowUp[] }>(`${BASE}/follow-ups?state=${state}${waveId ? `&waveId=${waveId}` : ''}`)
    .then((r) => r.followUps);

/** An import's progress and row errors. */
export const fetchImport = (id: string) => api.get<ImportView>(`${BASE}/imports/${id}`);

/**
 * Starts an import: the file goes as the raw request body (streamed by the browser, spooled by the API), with the
 * session's CSRF token like every other change.
 */
export async function startImport(waveId: string, file: File): Promise<ImportView> {
  const res = await fetch(`${BASE}/waves/${waveId}/imports?fileName=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    body: file,
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      'content-type': file.type || 'text/csv',
      ...(api.csrfToken ? { 'x-csrf-token': api.csrfToken } : {}),
    },
  });
  if (!res.ok) throw await problemFromResponse(res);
  return res.json() as Promise<ImportView>;
}
