import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServerBundle, bundleIsStale } from './server-bundle.mjs';

// The bundle touches no database: built once, in the PGlite project only.
describe.skipIf(process.env.XINQIAO_TEST_DB === 'postgres')('pnpm start: the server bundle', () => {
  let dir: string;
  let bundle: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'xinqiao-bundle-'));
    await buildServerBundle(dir);
    bundle = readFileSync(join(dir, 'main.mjs'), 'utf8');
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports every other package from the file Node would load, and the file exists', () => {
    const imports = [...bundle.matchAll(/from "(file:\/\/[^"]+)"/g)].map((m) => m[1]!);
    expect(imports.length).toBeGreaterThan(20);
    expect(imports.filter((url) => !existsSync(fileURLToPath(url)))).toEqual([]);
    expect(imports.some((url) => url.includes('/@electric-sql/pglite/'))).toBe(true);
  });

  it('keeps the source files’ own paths where the code reads files beside itself', () => {
    // packages/db reads its migrations from ../drizzle relative to its source, not to the bundle.
    const database = new URL('../../../packages/db/src/database.ts', import.meta.url).href;
    expect(bundle).toContain(JSON.stringify(database));
    expect(bundle).not.toMatch(/import\.meta\.(url|dirname|filename)/);
  });

  it('is fresh after a build, and stale once a source file is newer or an input is gone', () => {
    expect(bundleIsStale(dir)).toBe(false);
    const inputs: string[] = JSON.parse(readFileSync(join(dir, 'inputs.json'), 'utf8'));
    expect(inputs).toContain(fileURLToPath(new URL('../src/main.ts', import.meta.url)));

    const anHourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(join(dir, 'main.mjs'), anHourAgo, anHourAgo);
    expect(bundleIsStale(dir)).toBe(true);

    utimesSync(join(dir, 'main.mjs'), new Date(), new Date());
    writeFileSync(join(dir, 'inputs.json'), JSON.stringify([...inputs, join(dir, 'deleted.ts')]));
    expect(bundleIsStale(dir)).toBe(true);
  });
});
