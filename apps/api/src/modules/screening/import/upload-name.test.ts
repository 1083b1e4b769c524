import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, loginAs, type TestApp, type TestSession } from '../../../testing/index.ts';
import { createScreeningTestApp, openWave } from '../testing.ts';
import { IMPORT_BATCH_SIZE } from './run.ts';

let t: TestApp;
let center: TestSession;
let waveId: string;

beforeAll(async () => {
  t = await createScreeningTestApp();
  center = await loginAs(t.app, 'alpha', 'staff');
  waveId = await openWave(center);
});
afterAll(() => t.close());

const upload = (headers: Record<string, string>, query = '') =>
  center.request(`/api/screening/waves/${waveId}/imports${query}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', ...headers },
    body: '学号,答案\n',
  });

describe('screening import: the upload’s name and the route’s description', () => {
  it('refuses a file name over 255 characters, naming where it came from', async () => {
    const long = `${'名'.repeat(300)}.csv`;
    const byHeader = await upload({ 'x-file-name': encodeURIComponent(long) });
    expect(byHeader.status).toBe(400);
    expect((await json(byHeader)).errors[0].field).toBe('x-file-name');
    const byQuery = await upload({}, `?fileName=${encodeURIComponent(long)}`);
    expect(byQuery.status).toBe(400);
    expect((await json(byQuery)).errors[0].field).toBe('fileName');
    const form = new FormData();
    form.set('file', new File(['学号,答案\n'], long, { type: 'text/csv' }));
    const byForm = await center.request(`/api/screening/waves/${waveId}/imports`, {
      method: 'POST',
      headers: { origin: 'http://localhost' },
      body: form,
    });
    expect(byForm.status).toBe(400);
    expect((await json(byForm)).errors[0].field).toBe('file');
  });

  it('describes the batch size the import really uses', async () => {
    const document = await json(await t.app.request('/api/openapi.json'));
    const description: string = document.paths['/api/screening/waves/{id}/imports'].post.description;
    expect(description).toContain(`batches of ${IMPORT_BATCH_SIZE.toLocaleString('en')}`);
  });
});
