// pnpm --filter @xinqiao/tabular bench: reads and validates a 50,000-row CSV and XLSX screening file from disk and
// prints one JSON line per run: rows/s, peak live heap and RSS growth while reading, per format.

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { collectRows, readRows, validateRows } from './index.ts';

const ROWS = 50_000;
const HEADER = ['学号', '姓名', '量表', 'UPI总分', '第25题', '备注'];
const row = (i: number) => [
  String(2024000000 + i),
  `学生${i}`,
  'UPI',
  String(i % 57),
  i % 9 ? '否' : '是',
  '',
];
const schema = z.object({
  studentNumber: z.string().regex(/^\d{10}$/),
  upiTotal: z.coerce.number().int().min(0).max(56),
});
const options = {
  aliases: { studentNumber: ['学号'], upiTotal: ['UPI总分'] },
  required: ['studentNumber', 'upiTotal'],
};

async function writeCsv(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write(`${HEADER.join(',')}\n`);
  for (let i = 0; i < ROWS; i++) if (!out.write(`${row(i).join(',')}\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

async function writeXlsx(path: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const sheet = workbook.addWorksheet('筛查结果');
  sheet.addRow(HEADER).commit();
  for (let i = 0; i < ROWS; i++) sheet.addRow(row(i)).commit();
  await workbook.commit();
}

// With --expose-gc, live heap is sampled after a collection: RSS alone mostly shows garbage not yet collected.
const gc = (globalThis as { gc?: () => void }).gc;

/** Reads and validates the file: once for speed, once sampling memory (collections slow that run down). */
async function measure(path: string) {
  const speed = await run(path, false);
  const memory = await run(path, true);
  return { rows: speed.rows, rowsPerSecond: speed.rowsPerSecond, ...memory.memory };
}

async function run(path: string, sampleMemory: boolean) {
  gc?.();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const start = performance.now();
  let seen = 0;
  async function* sampled() {
    for await (const r of readRows({ filename: path }, options)) {
      if (++seen % 5000 === 0 && sampleMemory) {
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
        gc?.();
        peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      }
      yield r;
    }
  }
  const result = await collectRows(validateRows(sampled(), schema));
  const seconds = (performance.now() - start) / 1000;
  if (result.rowCount !== ROWS || result.errorCount !== 0) {
    throw new Error(`read ${result.rowCount} rows, ${result.errorCount} errors`);
  }
  const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
  return {
    rows: result.rowCount,
    rowsPerSecond: Math.round(ROWS / seconds),
    memory: {
      // Includes the 50,000 validated records collectRows keeps, as an import would.
      peakLiveHeapGrowthMb: gc ? mb(peakHeap - before.heapUsed) : null,
      peakRssGrowthMb: mb(peakRss - before.rss),
    },
  };
}

const dir = await mkdtemp(join(tmpdir(), 'xinqiao-tabular-bench-'));
try {
  await writeCsv(join(dir, 'screening.csv'));
  await writeXlsx(join(dir, 'screening.xlsx'));
  const csv = await measure(join(dir, 'screening.csv'));
  const xlsx = await measure(join(dir, 'screening.xlsx'));
  console.log(JSON.stringify({ bench: 'tabular', csv, xlsx }));
} finally {
  await rm(dir, { recursive: true, force: true });
}
