/**
 * Reads one file with readRows in a process of its own and prints one JSON line: how it ended, how long it took
 * and the process's peak resident memory. A bomb that the reader fails to stop aborts this process, not the tests.
 *
 * Usage: node --import tsx src/bomb-probe.test-helpers.ts <file.xlsx>
 */
import { readFile } from 'node:fs/promises';
import { TabularError } from './errors.ts';
import { readRows } from './read-rows.ts';

const started = performance.now();
const bytes = new Uint8Array(await readFile(process.argv[2]!));
let rows = 0;
let outcome: Record<string, unknown>;
try {
  for await (const _row of readRows(
    { bytes, filename: 'bomb.xlsx' },
    { aliases: { studentNumber: ['学号'] } },
  ))
    rows++;
  outcome = { ended: 'read', rows };
} catch (error) {
  outcome =
    error instanceof TabularError
      ? { ended: error.code, limit: error.limit, reason: error.reasonEn }
      : { ended: 'error', message: String(error) };
}
const peakRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(JSON.stringify({ ...outcome, ms: Math.round(performance.now() - started), peakRssMiB }));
