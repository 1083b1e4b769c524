import { manySharedStrings } from '@xinqiao/tabular/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp, type TestSession } from '../../../testing/index.ts';

let t: TestApp;
let counsellor: TestSession;
let otherSchool: TestSession;
let slowFile: Uint8Array;
beforeAll(async () => {
  t = await createTestApp();
  [counsellor, otherSchool] = await Promise.all([
    loginAs(t.app, 'alpha', 'counsellor1'),
    loginAs(t.app, 'beta', 'counsellor1'),
  ]);
  // ~31 MiB of shared strings: accepted by the limits, and a second or so to read.
  slowFile = await manySharedStrings(110_000, 280);
}, 60_000);
afterAll(() => t?.close());

describe('students import: the file is read before the request’s transaction opens', () => {
  it('leaves the database free for another school while the file is parsed', async () => {
    if (process.env.XINQIAO_TEST_DATABASE_URL) return; // a pool of connections hides a held one; PGlite has one
    const form = new FormData();
    form.set('file', new File([slowFile], 'students.xlsx'));
    const importStarted = performance.now();
    const importing = counsellor
      .request('/api/students/import', {
        method: 'POST',
        body: form,
        headers: { origin: 'http://localhost' },
      })
      .then((res) => ({ status: res.status, ms: performance.now() - importStarted }));
    await new Promise((resolve) => setTimeout(resolve, 150));
    const meStarted = performance.now();
    const me = await otherSchool.request('/api/auth/me');
    const meMs = performance.now() - meStarted;
    const imported = await importing;
    console.log(
      `import ${Math.round(imported.ms)} ms (${imported.status}); other school's request ${Math.round(meMs)} ms`,
    );
    expect(me.status).toBe(200);
    expect(imported.status).toBe(400); // one row without a name
    expect(imported.ms).toBeGreaterThan(400);
    // Before: the other school waited for the whole parse (the import's transaction held PGlite's one connection).
    expect(meMs).toBeLessThan((imported.ms - 150) / 2);
  }, 60_000);
});
