import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import { TabularError } from './errors.ts';

export type TabularFormat = 'csv' | 'xlsx';

/**
 * Where the rows come from. `filename` alone is a path read from disk; next to `bytes` or `stream` it is only the
 * uploaded file's name, used to tell the format. The content wins over the name: a ZIP is read as XLSX.
 */
export type TabularSource =
  | { filename: string; format?: TabularFormat }
  | { bytes: Uint8Array | ArrayBuffer; filename?: string; format?: TabularFormat }
  | { stream: AsyncIterable<Uint8Array>; filename?: string; format?: TabularFormat };

export interface OpenedSource {
  format: TabularFormat;
  chunks: AsyncIterable<Uint8Array>;
}

const CHUNK = 64 * 1024;

/** Opens a source as a stream of byte chunks and settles its format from its first bytes, name and stated format. */
export async function openSource(source: TabularSource): Promise<OpenedSource> {
  const chunks = rawChunks(source);
  const iterator = chunks[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head = first.done ? new Uint8Array(0) : first.value;
  const format = settleFormat(head, source);
  async function* replay(): AsyncGenerator<Uint8Array> {
    if (first.done) return;
    yield first.value;
    while (true) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { format, chunks: replay() };
}

function rawChunks(source: TabularSource): AsyncIterable<Uint8Array> {
  if ('bytes' in source)
    return sliced(source.bytes instanceof Uint8Array ? source.bytes : new Uint8Array(source.bytes));
  if ('stream' in source) return source.stream;
  return createReadStream(source.filename, { highWaterMark: CHUNK });
}

async function* sliced(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.byteLength; offset += CHUNK)
    yield bytes.subarray(offset, offset + CHUNK);
}

function settleFormat(head: Uint8Array, source: TabularSource): TabularFormat {
  if (head.byteLength === 0) throw new TabularError('empty_file', '文件是空的。', 'The file is empty.');
  const startsWith = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (startsWith(0x50, 0x4b, 0x03, 0x04)) return 'xlsx';
  if (startsWith(0xd0, 0xcf, 0x11, 0xe0)) {
    throw new TabularError(
      'unsupported_format',
      '这是旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 CSV 后重新上传。',
      'This is a legacy Excel (.xls) file; save it as .xlsx or CSV and upload again.',
    );
  }
  const extension = source.filename ? extname(source.filename).toLowerCase() : '';
  const stated = source.format ?? (extension === '.xlsx' ? 'xlsx' : extension === '.csv' ? 'csv' : undefined);
  if (stated === 'xlsx') {
    throw new TabularError(
      'unsupported_format',
      '文件不是有效的 .xlsx 文件，请确认文件未损坏，或另存为 CSV 后上传。',
      'The file is not a valid .xlsx file; check it, or save it as CSV.',
    );
  }
  if (stated === undefined && extension !== '' && extension !== '.txt') {
    throw new TabularError(
      'unsupported_format',
      `不支持 ${extension} 文件，请上传 .xlsx 或 .csv 文件。`,
      `${extension} files are not supported; upload an .xlsx or .csv file.`,
    );
  }
  return stated ?? 'csv';
}
