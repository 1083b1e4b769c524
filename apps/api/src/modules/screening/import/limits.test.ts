import { sharedStringsBomb } from '@xinqiao/tabular/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobWorkersDrained } from '../../../jobs/worker.ts';
import { json, loginAs, type TestApp, type TestSession } from '../../../testing/index.ts';
import { createScreeningTestApp, openWave } from '../testing.ts';

let t: TestApp;
let center: TestSession;
let waveId: string;

beforeAll(async () => {
  t = await createScreeningTestApp();
  center = await loginAs(t.app, 'alpha', 'staff');
  waveId = await openWave(center);
});
afterAll(() => t.close());

describe('screening import: a spreadsheet bomb ends the import, not the process', () => {
  it('fails the import with the limit named in its row-0 error', async () => {
    // app.request directly: the session's request() sends a non-string body as JSON.
    const started = await t.app.request(`/api/screening/waves/${waveId}/imports?fileName=bomb.xlsx`, {
      method: 'POST',
      headers: center.headers({
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      }),
      body: await sharedStringsBomb(8, 400),
    });
    expect(started.status).toBe(202);
    const { id } = await json(started);
    await jobWorkersDrained();
    const done = await json(await center.request(`/api/screening/imports/${id}`));
    expect(done.status).toBe('failed');
    expect(done.errors[0]).toMatchObject({ row: 0, reason: expect.stringContaining('解压后的大小') });
  }, 60_000);
});
