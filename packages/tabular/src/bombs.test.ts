import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  blankRowsBomb,
  hiddenBytesAfterSheet,
  manySharedStrings,
  sharedStringsBomb,
} from './bombs.test-helpers.ts';
import { TabularError } from './errors.ts';
import { readRows } from './read-rows.ts';

/** The peak memory any file may take the reader to (docs/security.md, "Uploads"), with Node and tsx's own ~120 MiB. */
const PEAK_RSS_MIB = 400;

const packageDir = fileURLToPath(new URL('..', import.meta.url));
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tabular-bombs-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

interface Probe {
  ended: string;
  limit?: { name: string; max: number };
  ms: number;
  peakRssMiB: number;
}

async function probe(name: string, bytes: Uint8Array): Promise<Probe> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--max-old-space-size=1024', '--import', 'tsx', 'src/bomb-probe.test-helpers.ts', path],
    { cwd: packageDir, timeout: 60_000 },
  );
  const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as Probe;
  console.log(
    `${name} (${(bytes.byteLength / 1024 / 1024).toFixed(2)} MB packed): ${JSON.stringify(result)}`,
  );
  return result;
}

describe('tabular: spreadsheet bombs are refused by a named limit, quickly, in bounded memory', () => {
  it('refuses an XLSX whose shared strings unpack to 8 × 400 MiB', async () => {
    const result = await probe('shared-strings.xlsx', await sharedStringsBomb(8, 400));
    expect(result.ended).toBe('over_limit');
    expect(['shared-strings-bytes', 'unpacked-bytes', 'cell-chars']).toContain(result.limit?.name);
    expect(result.ms).toBeLessThan(5_000);
    expect(result.peakRssMiB).toBeLessThan(PEAK_RSS_MIB);
  }, 120_000);

  it('refuses the same bomb when its ZIP lies about the sizes, by counting what it inflates', async () => {
    const result = await probe('shared-strings-lying.xlsx', await sharedStringsBomb(8, 400, true));
    expect(result.ended).toBe('over_limit');
    expect(['shared-strings-bytes', 'cell-chars']).toContain(result.limit?.name);
    expect(result.ms).toBeLessThan(5_000);
    expect(result.peakRssMiB).toBeLessThan(PEAK_RSS_MIB);
  }, 120_000);

  it('reads a file at the edge of the shared-strings limit within the memory bound', async () => {
    // ~31 MiB of shared-strings XML: 110,000 strings of 280 characters.
    const result = await probe('edge.xlsx', await manySharedStrings(110_000, 280));
    expect(result).toMatchObject({ ended: 'read' });
    expect(result.peakRssMiB).toBeLessThan(PEAK_RSS_MIB);
  }, 120_000);

  it('refuses an XLSX of ~1 GB of blank rows', async () => {
    const result = await probe('blank-rows.xlsx', await blankRowsBomb(1024));
    expect(result.ended).toBe('over_limit');
    expect(['unpacked-bytes', 'rows-read']).toContain(result.limit?.name);
    expect(result.ms).toBeLessThan(5_000);
    expect(result.peakRssMiB).toBeLessThan(PEAK_RSS_MIB);
  }, 120_000);

  it('refuses bytes hidden after the end of an entry’s compressed data', async () => {
    const bytes = await hiddenBytesAfterSheet();
    const read = async () => {
      for await (const _row of readRows({ bytes, filename: 'hidden.xlsx' })) {
        // reading is the test
      }
    };
    await expect(read()).rejects.toBeInstanceOf(TabularError);
    await expect(read()).rejects.toMatchObject({ code: 'unreadable' });
  });

  it('counts blank rows against the rows read', async () => {
    const result = await probe('blank-rows-small.xlsx', await blankRowsBomb(8));
    expect(result).toMatchObject({ ended: 'over_limit', limit: { name: 'rows-read', max: 200_000 } });
  }, 60_000);
});
