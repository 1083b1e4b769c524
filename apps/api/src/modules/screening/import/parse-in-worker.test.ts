import { TabularError } from '@xinqiao/tabular';
import { describe, expect, it } from 'vitest';
import { mulberry32, syntheticUpi } from '../synthetic.ts';
import { parseInWorker } from './parse-in-worker.ts';
import { type ParsedRow, type ParseRequest, parseInThread } from './parsed-rows.ts';

/** A UPI wave file of `rows` students, one column per item, with a bad row every 97th, in 8 KB chunks. */
function upiFile(rows: number): Uint8Array {
  const random = mulberry32(7);
  const lines = [`学号,提交时间,${Array.from({ length: 64 }, (_, i) => `Q${i + 1}`).join(',')}`];
  for (let n = 0; n < rows; n++) {
    const answers = syntheticUpi(random);
    if (n % 97 === 0) answers[5] = 3; // out of range for a yes/no item
    lines.push(`${2024000000 + n},2025-03-10 09:30,${answers.join(',')}`);
  }
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

async function* chunked(bytes: Uint8Array, size = 8192): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function collect(
  parse: (request: ParseRequest) => AsyncGenerator<{ rows: ParsedRow[] }>,
  bytes: Uint8Array,
) {
  const rows: ParsedRow[] = [];
  for await (const slice of parse({ stream: chunked(bytes), filename: 'wave.csv', instrument: 'UPI' })) {
    rows.push(...slice.rows);
  }
  return rows;
}

describe('parsing a wave file in a worker thread', () => {
  it('gives exactly the rows, scores and row errors of parsing in this thread', async () => {
    const bytes = upiFile(3000);
    const inWorker = await collect(parseInWorker, bytes);
    expect(inWorker).toHaveLength(3000);
    expect(inWorker).toEqual(await collect(parseInThread, bytes));
    const refused = inWorker.filter((row) => 'reason' in row);
    expect(refused).toHaveLength(Math.ceil(3000 / 97));
    expect(refused[0]).toMatchObject({ row: 2, column: 'Q6' });
  });

  it('reports a file it cannot read as the same TabularError, then parses the next file', async () => {
    const noStudentNumber = new TextEncoder().encode('姓名,Q1\n张三,1\n');
    const failure = await collect(parseInWorker, noStudentNumber).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TabularError);
    expect(failure).toMatchObject({ code: 'missing_header' });
    // The thread that failed was dropped; a new one parses the next file.
    expect(await collect(parseInWorker, upiFile(10))).toHaveLength(10);
  });
});
