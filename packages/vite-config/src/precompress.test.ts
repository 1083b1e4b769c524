import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { officeRemote, PRECOMPRESS_MIN_BYTES, precompressFolder } from './index.js';

function buildFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'xinqiao-precompress-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const script = 'export const greeting = "你好 hello";\n'.repeat(200);

describe('precompressFolder', () => {
  it('writes .br and .gz copies that decode to the very file', async () => {
    const dir = buildFolder({ 'assets/index-AbCdEf12.js': script, 'remoteEntry.js': script });
    const written = await precompressFolder(dir);
    expect(written.map((f) => f.path)).toEqual(['assets/index-AbCdEf12.js', 'remoteEntry.js']);
    const file = join(dir, 'assets/index-AbCdEf12.js');
    expect(brotliDecompressSync(readFileSync(`${file}.br`)).toString()).toBe(script);
    expect(gunzipSync(readFileSync(`${file}.gz`)).toString()).toBe(script);
    expect(written[0]!.brotli).toBeLessThan(written[0]!.gzip);
    expect(written[0]!.gzip).toBeLessThan(written[0]!.bytes / 10);
  });

  it('leaves small files, images and the .vite folder alone', async () => {
    const dir = buildFolder({
      'small.js': 'x'.repeat(PRECOMPRESS_MIN_BYTES - 1),
      'logo.png': script,
      '.vite/manifest.json': script,
    });
    expect(await precompressFolder(dir)).toEqual([]);
    expect(existsSync(join(dir, 'small.js.gz'))).toBe(false);
    expect(existsSync(join(dir, 'logo.png.br'))).toBe(false);
  });
});

describe('officeRemote precompression', () => {
  it('adds the precompress plugin after the federation plugin, so the manifest is compressed too', () => {
    const config = officeRemote({
      name: 'xinqiao_x',
      base: '/modules/x/',
      exposes: { './App': './src/App.vue' },
    });
    const names = (config.plugins ?? [])
      .flat()
      .map((p) => (p && typeof p === 'object' && 'name' in p ? p.name : ''));
    expect(names.at(-1)).toBe('xinqiao:precompress');
  });
});
