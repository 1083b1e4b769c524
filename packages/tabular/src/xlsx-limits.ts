import { createInflateRaw } from 'node:zlib';
import { TabularError } from './errors.ts';

/**
 * What one XLSX file may unpack to before the streaming reader (exceljs) sees it. exceljs has no limits of its own:
 * it inflates every entry to its end and keeps every shared string in memory, so a 3 MB file whose shared strings
 * unpack to gigabytes aborts the process, and one of blank rows keeps it busy for minutes. The defaults hold a
 * whole school's roster or a 50,000-row SCL-90 wave with room to spare (docs/security.md, "Uploads").
 */
export interface XlsxLimits {
  /** The packed file (default 64 MiB; the API's body limit is lower). */
  maxPackedBytes: number;
  /** All entries unpacked together (default 256 MiB). */
  maxUnpackedBytes: number;
  /** `xl/sharedStrings.xml` unpacked: every shared string is held in memory while the sheet is read (32 MiB). */
  maxSharedStringsBytes: number;
  /** Shared strings (`<si>` elements) in the file (default 1,000,000). */
  maxSharedStrings: number;
  /** The characters of one cell or shared string (Excel's own limit, 32,767); a shared string by its XML bytes. */
  maxCellChars: number;
}

export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  maxPackedBytes: 64 * 1024 * 1024,
  maxUnpackedBytes: 256 * 1024 * 1024,
  maxSharedStringsBytes: 32 * 1024 * 1024,
  maxSharedStrings: 1_000_000,
  maxCellChars: 32_767,
};

/** Which limit a file went over: the `limit` of the TabularError `over_limit`, stable for clients. */
export type TabularLimit =
  | 'packed-bytes'
  | 'unpacked-bytes'
  | 'shared-strings-bytes'
  | 'shared-strings'
  | 'cell-chars'
  | 'rows-read';

const limitNames: Record<TabularLimit, { zh: string; en: string; unit: [string, string] }> = {
  'packed-bytes': { zh: '文件大小', en: 'file size', unit: ['字节', 'bytes'] },
  'unpacked-bytes': { zh: '解压后的大小', en: 'unpacked size', unit: ['字节', 'bytes'] },
  'shared-strings-bytes': { zh: '共享字符串表的大小', en: 'shared-strings size', unit: ['字节', 'bytes'] },
  'shared-strings': { zh: '共享字符串的个数', en: 'number of shared strings', unit: ['个', 'strings'] },
  'cell-chars': { zh: '单元格的长度', en: 'length of one cell', unit: ['个字符', 'characters'] },
  'rows-read': { zh: '读取的行数（含空行）', en: 'rows read (blank rows included)', unit: ['行', 'rows'] },
};

/** The TabularError of a file over one of its limits; `limit` and `max` name it. */
export function overLimit(limit: TabularLimit, max: number, row?: number): TabularError {
  const name = limitNames[limit];
  const error = new TabularError(
    'over_limit',
    `文件超出上限：${name.zh}最多 ${max.toLocaleString('en')} ${name.unit[0]}。请删去多余的内容（包括空行）后重新保存，或拆分文件。`,
    `The file is over a limit: its ${name.en} may be at most ${max.toLocaleString('en')} ${name.unit[1]}. Remove what is not needed (blank rows too), or split the file.`,
    row,
  );
  error.limit = { name: limit, max };
  return error;
}

interface Entry {
  name: string;
  method: number;
  flags: number;
  packedSize: number;
  declaredSize: number;
  localOffset: number;
}

/**
 * Checks an XLSX file against {@link XlsxLimits} before it is parsed: reads the ZIP's central directory, requires
 * its entries to tile the file as the local headers say (so a streaming unzip sees exactly these entries), and
 * inflates each entry counting the bytes, without keeping them, stopping at the first limit passed. In
 * `xl/sharedStrings.xml` it counts the `<si>` elements and measures each. Throws `over_limit` or `unreadable`.
 * Costs one pass of inflation, bounded by `maxUnpackedBytes`, and memory of one chunk.
 */
export async function checkXlsxLimits(bytes: Uint8Array, limits: XlsxLimits): Promise<void> {
  if (bytes.byteLength > limits.maxPackedBytes) throw overLimit('packed-bytes', limits.maxPackedBytes);
  const entries = centralDirectory(bytes);
  let unpacked = 0;
  for (const entry of entries) {
    if (entry.declaredSize > limits.maxUnpackedBytes)
      throw overLimit('unpacked-bytes', limits.maxUnpackedBytes);
  }
  for (const entry of entries) {
    const data = entryData(bytes, entry);
    const sharedStrings = entry.name === 'xl/sharedStrings.xml' ? new SharedStringCounter(limits) : undefined;
    const entryLimit =
      sharedStrings !== undefined
        ? Math.min(limits.maxSharedStringsBytes, limits.maxUnpackedBytes - unpacked)
        : limits.maxUnpackedBytes - unpacked;
    const size = await unpackedSize(data, entry.method, entryLimit, sharedStrings);
    if (size === undefined) {
      throw sharedStrings && unpacked + limits.maxSharedStringsBytes <= limits.maxUnpackedBytes
        ? overLimit('shared-strings-bytes', limits.maxSharedStringsBytes)
        : overLimit('unpacked-bytes', limits.maxUnpackedBytes);
    }
    unpacked += size;
  }
}

function unreadable(why: string): TabularError {
  return new TabularError(
    'unreadable',
    '无法读取这个 .xlsx 文件，它可能已损坏。请在 Excel 中打开后重新保存，或另存为 CSV。',
    `The .xlsx file cannot be read (${why}).`,
  );
}

function centralDirectory(bytes: Uint8Array): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.byteLength - 22; i >= Math.max(0, bytes.byteLength - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw unreadable('no ZIP end of central directory');
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const start = view.getUint32(end + 16, true);
  if (count === 0xffff || start === 0xffffffff) throw unreadable('ZIP64 is not accepted');
  if (start + size > end) throw unreadable('central directory out of bounds');
  const entries: Entry[] = [];
  const decoder = new TextDecoder();
  let at = start;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== 0x02014b50) throw unreadable('bad central directory');
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    entries.push({
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      packedSize: view.getUint32(at + 20, true),
      declaredSize: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  // The entries must follow each other from the start of the file to the central directory, as a streaming unzip
  // reads them: no entry hidden between them, none overlapping.
  let expected = 0;
  for (const entry of [...entries].sort((a, b) => a.localOffset - b.localOffset)) {
    if (entry.localOffset !== expected) throw unreadable('entries do not follow each other');
    const dataEnd = localDataStart(view, entry) + entry.packedSize;
    expected = dataEnd + descriptorLength(view, entry, dataEnd);
  }
  if (expected !== start) throw unreadable('data between the entries and the central directory');
  return entries;
}

function localDataStart(view: DataView, entry: Entry): number {
  const at = entry.localOffset;
  if (at + 30 > view.byteLength || view.getUint32(at, true) !== 0x04034b50)
    throw unreadable('bad local header');
  return at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
}

function descriptorLength(view: DataView, entry: Entry, dataEnd: number): number {
  if ((entry.flags & 0x8) === 0) return 0;
  if (dataEnd + 4 <= view.byteLength && view.getUint32(dataEnd, true) === 0x08074b50) return 16;
  return 12;
}

function entryData(bytes: Uint8Array, entry: Entry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = localDataStart(view, entry);
  if (start + entry.packedSize > bytes.byteLength) throw unreadable('entry out of bounds');
  return bytes.subarray(start, start + entry.packedSize);
}

/** The entry's unpacked size, or undefined as soon as it passes `limit`; `onChunk` sees each unpacked chunk. */
async function unpackedSize(
  data: Uint8Array,
  method: number,
  limit: number,
  counter: SharedStringCounter | undefined,
): Promise<number | undefined> {
  if (method === 0) {
    if (data.byteLength > limit) return undefined;
    counter?.add(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    return data.byteLength;
  }
  if (method !== 8) throw unreadable(`compression method ${method}`);
  const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
  let size = 0;
  let over = false;
  const done = new Promise<void>((resolve, reject) => {
    inflate.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.byteLength;
      if (size > limit) {
        over = true;
        inflate.destroy();
        resolve();
        return;
      }
      try {
        counter?.add(chunk);
      } catch (error) {
        over = true;
        inflate.destroy();
        reject(error);
      }
    });
    inflate.on('end', resolve);
    inflate.on('close', resolve);
    inflate.on('error', (error) => (over ? resolve() : reject(unreadable(error.message))));
  });
  inflate.end(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  await done;
  if (over && size > limit) return undefined;
  // zlib counts the input it consumed: bytes after the end of the deflate stream, inside the entry's packed size,
  // would be read by a streaming unzip as whatever follows (a hidden entry), unchecked.
  if (inflate.bytesWritten !== data.byteLength) throw unreadable('data after the end of a compressed entry');
  return size;
}

/** Counts `<si>` elements in shared-strings XML as it streams by, and measures each one's XML bytes. */
class SharedStringCounter {
  private count = 0;
  private current = -1; // bytes of the open <si>, -1 outside one
  private carry = '';

  constructor(private readonly limits: XlsxLimits) {}

  add(chunk: Buffer): void {
    const text = this.carry + chunk.toString('latin1');
    let at = 0;
    while (at < text.length) {
      if (this.current < 0) {
        const open = text.indexOf('<si', at);
        if (open < 0 || open + 3 >= text.length) {
          this.carry = open >= 0 ? text.slice(open) : text.slice(-3);
          return;
        }
        const next = text[open + 3];
        at = open + 3;
        if (next !== '>' && next !== ' ' && next !== '/') continue; // <sid…: another element
        if (++this.count > this.limits.maxSharedStrings)
          throw overLimit('shared-strings', this.limits.maxSharedStrings);
        if (next === '/') continue; // <si/>
        this.current = 0;
      } else {
        const close = text.indexOf('</si>', at);
        const taken = (close < 0 ? text.length - 4 : close) - at;
        this.current += Math.max(taken, 0);
        // A string's XML holds at most 4 bytes per character of the limit (UTF-8, markup aside).
        if (this.current > this.limits.maxCellChars * 4 + 1024)
          throw overLimit('cell-chars', this.limits.maxCellChars);
        if (close < 0) {
          this.carry = text.slice(Math.max(at, text.length - 4));
          return;
        }
        this.current = -1;
        at = close + 5;
      }
    }
    this.carry = '';
  }
}
