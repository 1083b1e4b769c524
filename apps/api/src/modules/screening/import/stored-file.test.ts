import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { screeningImports, screeningWaves } from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantScope } from '../../../auth/scope.ts';
import { createTestApp, type TestApp } from '../../../testing/index.ts';
import { FILE_PART_BYTES, readImportFilePart, storeImportFile } from './stored-file.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('screening import files', () => {
  // Issue 16.2: stored as base64 decoded by the database, since PGlite's own bytea parameters took ~0.8 s per MiB
  // inside the request's transaction (every school waiting); now ~0.07 s. Read back the same way.
  it('store and read back every byte, part by part', async () => {
    const school = t.world.schools.alpha;
    const scope = tenantScope({
      schoolId: school.id,
      personId: null,
      fullScopePaths: ['/'],
      reducedScopePaths: [],
      capabilities: ['screening.manage'],
    });
    const bytes = randomBytes(2 * FILE_PART_BYTES + 12_345);
    const path = join(tmpdir(), `xq-stored-${Date.now()}.bin`);
    await writeFile(path, bytes);
    const waveId = await withTenant(t.db, scope, async (tx) => {
      const [wave] = await tx
        .insert(screeningWaves)
        .values({
          schoolId: school.id,
          academicYear: 2024,
          name: 'parts',
          instrument: 'PHQ-9',
          cohort: 'all',
          opensOn: '2025-03-01',
          closesOn: '2025-03-31',
        })
        .returning({ id: screeningWaves.id });
      return wave!.id;
    });
    const started = performance.now();
    const importId = await withTenant(t.db, scope, async (tx) => {
      const [row] = await tx
        .insert(screeningImports)
        .values({ schoolId: school.id, waveId, fileName: 'x.bin', fileSha256: 'x' })
        .returning({ id: screeningImports.id });
      const file = { path, bytes: bytes.length, sha256: 'x', remove: () => rm(path, { force: true }) };
      await storeImportFile(tx, school.id, row!.id, file);
      return row!.id;
    });
    const storedMs = performance.now() - started;
    await rm(path, { force: true });
    const parts: Uint8Array[] = [];
    for (let part = 0; ; part++) {
      const data = await withTenant(t.db, scope, (tx) => readImportFilePart(tx, importId, part));
      if (!data) break;
      parts.push(data);
    }
    console.log(`stored ${(bytes.length / 2 ** 20).toFixed(1)} MiB in ${Math.round(storedMs)} ms`);
    expect(parts.map((p) => p.length)).toEqual([FILE_PART_BYTES, FILE_PART_BYTES, 12_345]);
    expect(Buffer.concat(parts).equals(bytes)).toBe(true);
  }, 60_000);
});
