import { blankRowsBomb, sharedStringsBomb } from '@xinqiao/tabular/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, loginAs, type TestApp, type TestSession } from '../../../testing/index.ts';

let t: TestApp;
let counsellor: TestSession;
let liaison: TestSession;
let bomb: Uint8Array;
beforeAll(async () => {
  t = await createTestApp();
  [counsellor, liaison] = await Promise.all([
    loginAs(t.app, 'alpha', 'counsellor1'),
    loginAs(t.app, 'alpha', 'liaison1'),
  ]);
  bomb = await sharedStringsBomb(8, 400);
}, 60_000);
afterAll(() => t?.close());

function upload(who: TestSession, bytes: Uint8Array, filename = 'students.xlsx', language = 'zh-CN') {
  const form = new FormData();
  form.set('file', new File([bytes], filename));
  return who.request('/api/students/import', {
    method: 'POST',
    body: form,
    headers: { origin: 'http://localhost', 'accept-language': language },
  });
}

describe('students import: a spreadsheet bomb cannot take the API down', () => {
  it('refuses a dorm liaison’s upload by the permission table before reading it', async () => {
    const started = performance.now();
    const res = await upload(liaison, bomb);
    expect(res.status).toBe(403);
    expect((await json(res)).code).toBe('auth.permission-denied');
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('refuses a dorm liaison before even the multipart body is parsed', async () => {
    const res = await t.app.request('/api/students/import', {
      method: 'POST',
      headers: liaison.headers({
        origin: 'http://localhost',
        'content-type': 'multipart/form-data; boundary=x',
      }),
      body: '--x\r\nnot a part',
    });
    expect(res.status).toBe(403);
  });

  it('refuses the shared-strings bomb with 413 problem+json naming the limit, in both languages', async () => {
    const started = performance.now();
    const res = await upload(counsellor, bomb);
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = await json(res);
    expect(body).toMatchObject({ code: 'import.file-over-limit', limit: 'unpacked-bytes', max: 268_435_456 });
    expect(body.detail).toContain('解压后的大小');
    expect(performance.now() - started).toBeLessThan(2_000);
    const english = await json(await upload(counsellor, bomb, 'students.xlsx', 'en'));
    expect(english.detail).toContain('unpacked size');
  });

  it('refuses ~1 GB of blank rows at once', async () => {
    const bomb = await blankRowsBomb(1024); // made before the clock starts: the bound is the API's, not the test's
    const started = performance.now();
    const res = await upload(counsellor, bomb);
    expect(res.status).toBe(413);
    expect((await json(res)).limit).toBe('unpacked-bytes');
    expect(performance.now() - started).toBeLessThan(10_000);
  }, 30_000);

  it('refuses a file name over 255 characters', async () => {
    const res = await upload(counsellor, new TextEncoder().encode('学号\n'), `${'名'.repeat(300)}.csv`);
    expect(res.status).toBe(400);
    expect((await json(res)).errors[0].field).toBe('file');
  });
});
