import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/index.ts';
import { COMPRESS_MIN_BYTES, compressResponses } from './compression.ts';
import { discoverFrontends } from './frontend-dist.ts';
import { noStore } from './no-store.ts';
import { mountFrontends } from './static.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const bodyOf = async (res: Response) => Buffer.from(await res.arrayBuffer());
const gzip = { 'Accept-Encoding': 'gzip, deflate' };
const browser = { 'Accept-Encoding': 'gzip, deflate, br, zstd' };

describe('http/compression in the app', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('gzips the OpenAPI document and keeps the security headers', async () => {
    const res = await t.app.request('/api/openapi.json', { headers: gzip });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('strict-transport-security')).toContain('max-age=31536000');
    const doc = JSON.parse(gunzipSync(await bodyOf(res)).toString());
    expect(doc.openapi).toBe('3.1.0');
  });

  it('answers a small problem (no session) uncompressed and not stored', async () => {
    const res = await t.app.request('/api/auth/me', { headers: gzip });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('http/compression of API answers', () => {
  const rows = Array.from({ length: 200 }, (_, i) => ({ studentNumber: `2024${i}`, name: '学生' }));
  const api = new Hono();
  api.use('*', compressResponses());
  api.use('/api/*', noStore());
  api.get('/api/students', (c) => c.json(rows));
  api.get('/api/me', (c) => c.json({ id: 1 }));
  api.get('/api/problem', (c) =>
    c.body(JSON.stringify({ title: '找不到', status: 404 }), 404, {
      'content-type': 'application/problem+json',
    }),
  );
  api.get('/api/export.xlsx', (c) =>
    c.body(new Uint8Array(4096), 200, { 'content-type': 'application/vnd.ms-excel' }),
  );
  api.get('/api/events', (c) =>
    c.body('data: 1\n\n'.repeat(500), 200, { 'content-type': 'text/event-stream' }),
  );
  api.get('/raw', (c) => c.body('x'.repeat(4096), 200, { 'cache-control': 'no-transform' }));

  it('gzips a large JSON answer the client accepts gzip for, and keeps it no-store', async () => {
    const res = await api.request('/api/students', { headers: gzip });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toContain('Accept-Encoding');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(JSON.parse(gunzipSync(await bodyOf(res)).toString())).toEqual(rows);
  });

  it('sends JSON as it is to a client that accepts no encoding', async () => {
    const res = await api.request('/api/students');
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(await res.json()).toEqual(rows);
  });

  it(`leaves answers under ${COMPRESS_MIN_BYTES} bytes, problems included, uncompressed`, async () => {
    const me = await api.request('/api/me', { headers: gzip });
    expect(me.headers.get('content-encoding')).toBeNull();
    expect(await me.json()).toEqual({ id: 1 });
    const problem = await api.request('/api/problem', { headers: gzip });
    expect(problem.status).toBe(404);
    expect(problem.headers.get('content-encoding')).toBeNull();
    expect(await problem.json()).toEqual({ title: '找不到', status: 404 });
  });

  it('never compresses binary files, event streams or a no-transform answer', async () => {
    for (const path of ['/api/export.xlsx', '/api/events', '/raw']) {
      const res = await api.request(path, { headers: gzip });
      expect(res.headers.get('content-encoding'), path).toBeNull();
    }
    const events = await api.request('/api/events', { headers: gzip });
    expect((await events.text()).startsWith('data: 1\n\n')).toBe(true);
  });
});

describe('http/frontends served compressed and cached', () => {
  const script = `export const hello = ${JSON.stringify('你好 '.repeat(2000))};\n`;
  const unhashed = `const entry = ${JSON.stringify('remote '.repeat(500))};\n`;
  const files: Record<string, string> = {
    'apps/shell/package.json': '{"name":"@xinqiao/shell"}',
    'apps/shell/dist/index.html': `<!doctype html><title>shell</title>${'<meta>'.repeat(300)}`,
    'apps/shell/dist/assets/index-AbCdEf12.js': script,
    'apps/shell/dist/assets/plain-Zz9_Yy8-.css': `body{color:red}${' '.repeat(2000)}`,
    'apps/office-x/package.json': '{"name":"@xinqiao/office-x"}',
    'apps/office-x/dist/mf-manifest.json': JSON.stringify({ id: 'x', pad: 'y'.repeat(2000) }),
    'apps/office-x/dist/remoteEntry.js': unhashed,
    'apps/office-x/dist/assets/App-Qw3rTy_1.js': script,
  };
  /** What precompress() writes at build time; the css file is left without copies on purpose. */
  const precompressed = [
    'apps/shell/dist/index.html',
    'apps/shell/dist/assets/index-AbCdEf12.js',
    'apps/office-x/dist/mf-manifest.json',
    'apps/office-x/dist/remoteEntry.js',
    'apps/office-x/dist/assets/App-Qw3rTy_1.js',
  ];
  let app: Hono;

  beforeAll(() => {
    const repo = mkdtempSync(join(tmpdir(), 'xinqiao-compressed-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(repo, path)), { recursive: true });
      writeFileSync(join(repo, path), text);
    }
    for (const path of precompressed) {
      writeFileSync(join(repo, `${path}.gz`), gzipSync(files[path]!));
      writeFileSync(join(repo, `${path}.br`), brotliCompressSync(files[path]!));
    }
    app = new Hono();
    app.use('*', compressResponses());
    mountFrontends(app, discoverFrontends(repo));
  });

  it('sends a hashed script from its .gz copy to a gzip client, cached for a year', async () => {
    const res = await app.request('/assets/index-AbCdEf12.js', { headers: gzip });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('vary')).toContain('Accept-Encoding');
    expect(res.headers.get('cache-control')).toBe(IMMUTABLE);
    expect(res.headers.get('content-length')).toBe(String(gzipSync(script).length));
    expect(gunzipSync(await bodyOf(res)).toString()).toBe(script);
  });

  it('prefers the .br copy when the browser accepts brotli, and the file itself otherwise', async () => {
    const br = await app.request('/modules/x/assets/App-Qw3rTy_1.js', { headers: browser });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('cache-control')).toBe(IMMUTABLE);
    expect(brotliDecompressSync(await bodyOf(br)).toString()).toBe(script);
    const plain = await app.request('/modules/x/assets/App-Qw3rTy_1.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(script);
  });

  it('compresses a built file that has no copy on the fly', async () => {
    const res = await app.request('/assets/plain-Zz9_Yy8-.css', { headers: browser });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('cache-control')).toBe(IMMUTABLE);
    expect(gunzipSync(await bodyOf(res)).toString()).toBe(files['apps/shell/dist/assets/plain-Zz9_Yy8-.css']);
  });

  it("revalidates what names the current build: the shell's page, the remote's manifest and entry", async () => {
    for (const path of [
      '/',
      '/counselling/students/42',
      '/modules/x/mf-manifest.json',
      '/modules/x/remoteEntry.js',
    ]) {
      const res = await app.request(path, { headers: browser });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
      expect(res.headers.get('content-encoding'), path).toBe('br');
    }
    const page = await app.request('/counselling/students/42', { headers: gzip });
    expect(gunzipSync(await bodyOf(page)).toString()).toContain('<title>shell</title>');
  });
});
