import { describe, expect, it } from 'vitest';
import { readRows } from './read-rows.ts';

const ROWS = 50_000;
const HEADER = '学号,姓名,UPI总分,PHQ9总分,GAD7总分,备注\n';

// Every data row has the same byte length, so the byte offset where row n ends is known exactly.
function dataRow(i: number): string {
  const number = String(2024000000 + i);
  return `${number},学生${String(i).padStart(5, '0')},${i % 57},${i % 28},${i % 22},${'说明'.repeat(30)}\n`;
}

describe('readRows on a 50,000-row CSV', () => {
  it('streams every row while reading at most a few hundred KiB ahead of the consumer', async () => {
    const encoder = new TextEncoder();
    const headerBytes = encoder.encode(HEADER).byteLength;
    const rowBytes = encoder.encode(dataRow(0)).byteLength;
    let produced = 0;
    async function* file(): AsyncGenerator<Uint8Array> {
      const header = encoder.encode(HEADER);
      produced += header.byteLength;
      yield header;
      for (let i = 0; i < ROWS; i += 100) {
        let text = '';
        for (let j = i; j < i + 100; j++) text += dataRow(j);
        const bytes = encoder.encode(text);
        produced += bytes.byteLength;
        yield bytes;
      }
    }
    let count = 0;
    let maxAhead = 0;
    let lastNumber = '';
    for await (const row of readRows({ stream: file(), format: 'csv' })) {
      count++;
      lastNumber = row.values.学号!;
      const consumed = headerBytes + (row.rowNumber - 1) * rowBytes;
      maxAhead = Math.max(maxAhead, produced - consumed);
    }
    expect(count).toBe(ROWS);
    expect(lastNumber).toBe(String(2024000000 + ROWS - 1));
    // The whole file is ~10 MiB; a reader that buffered it would be megabytes ahead.
    expect(produced).toBeGreaterThan(10 * 2 ** 20);
    expect(maxAhead).toBeLessThan(512 * 1024);
  });
});
