import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { discoverFrontends } from './frontend-dist.ts';
import { mountFrontends } from './static.ts';

let repo: string;
const files: Record<string, string> = {
  'apps/shell/package.json': '{"name":"@xinqiao/shell"}',
  'apps/shell/dist/index.html': '<!doctype html><title>shell</title>',
  'apps/shell/dist/assets/index-AbCdEf12.js': 'console.log(1)',
  'apps/office-student-affairs/package.json': '{"name":"@xinqiao/office-student-affairs"}',
  'apps/office-student-affairs/dist/mf-manifest.json': '{"id":"student-affairs"}',
  'apps/office-counselling/package.json': '{"name":"@xinqiao/office-counselling"}',
  'apps/api/package.json': '{"name":"@xinqiao/api"}',
  'plugins/hrbmu/plugin.json': '{}',
  'plugins/hrbmu/ui/package.json': '{"name":"@xinqiao/plugin-hrbmu-ui"}',
  'plugins/hrbmu/ui/dist/mf-manifest.json': '{"id":"hrbmu-ui"}',
  'plugins/hut/plugin.json': '{}',
  'secret.txt': 'outside every dist',
};

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'xinqiao-static-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), text);
  }
});

function app() {
  const hono = new Hono();
  hono.get('/api/health', (c) => c.json({ status: 'ok' }));
  mountFrontends(hono, discoverFrontends(repo));
  return hono;
}

describe('http/frontends', () => {
  it('finds the shell, each office module (id = folder minus office-) and each plugin UI', () => {
    const found = discoverFrontends(repo).map((f) => [f.kind, f.id, f.packageName, f.urlPrefix]);
    expect(found).toEqual([
      ['shell', 'shell', '@xinqiao/shell', '/'],
      ['office', 'counselling', '@xinqiao/office-counselling', '/modules/counselling/'],
      ['office', 'student-affairs', '@xinqiao/office-student-affairs', '/modules/student-affairs/'],
      ['plugin', 'hrbmu', '@xinqiao/plugin-hrbmu-ui', '/plugins/hrbmu/ui/'],
    ]);
  });

  it('serves office modules and plugin UIs under their prefixes', async () => {
    const manifest = await app().request('/modules/student-affairs/mf-manifest.json');
    expect(manifest.status).toBe(200);
    expect(await manifest.json()).toEqual({ id: 'student-affairs' });
    expect(manifest.headers.get('cache-control')).toBe('no-cache');
    const ui = await app().request('/plugins/hrbmu/ui/mf-manifest.json');
    expect(await ui.json()).toEqual({ id: 'hrbmu-ui' });
  });

  it('serves the shell with a fallback to index.html for client-side routes', async () => {
    const route = await app().request('/counselling/students/42');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>shell</title>');
    const pluginScreen = await app().request('/plugins/hrbmu');
    expect(await pluginScreen.text()).toContain('<title>shell</title>');
    const asset = await app().request('/assets/index-AbCdEf12.js');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('never falls back to the shell for /api, /modules or plugin UI file paths', async () => {
    for (const path of [
      '/api/nothing',
      '/modules/student-affairs/missing.js',
      '/modules/counselling/x.js',
      '/plugins/hut/ui/x',
    ]) {
      expect((await app().request(path)).status).toBe(404);
    }
    expect((await app().request('/api/health')).status).toBe(200);
  });

  it('does not serve files outside a dist folder', async () => {
    for (const path of [
      '/modules/student-affairs/../../../secret.txt',
      '/modules/student-affairs/%2e%2e/%2e%2e/%2e%2e/secret.txt',
      '/plugins/hrbmu/ui/..%2f..%2fplugin.json',
      '/..%2f..%2f..%2fsecret.txt',
    ]) {
      const res = await app().request(path);
      expect(await res.text()).not.toContain('outside every dist');
    }
  });
});
