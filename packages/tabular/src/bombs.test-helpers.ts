import { constants, crc32, createDeflateRaw } from 'node:zlib';

/**
 * ZIP bombs shaped as XLSX files, generated in the test (none is checked in). Written with node:zlib streams, one
 * MiB at a time: a ZIP library such as jszip (exceljs's) would need the gigabyte of content in memory to pack it.
 */
type Part = string | { repeat: string; mebibytes: number } | { text: string; times: number };

interface PackedEntry {
  name: Buffer;
  packed: Buffer;
  crc: number;
  size: number;
}

/**
 * Run-length deflate for an entry that repeats one character: it packs a run as small as level 9 does (~1,000:1)
 * about seven times faster, which on a busy 2-core CI machine is the difference between ~1 s and a minute per
 * 3 GiB bomb. Other entries use level 9, which finds repeated strings longer than one byte.
 */
function deflateFor(parts: readonly Part[]) {
  const oneCharacterRun = parts.some(
    (part) => typeof part === 'object' && 'repeat' in part && part.repeat.length === 1,
  );
  return createDeflateRaw(oneCharacterRun ? { level: 1, strategy: constants.Z_RLE } : { level: 9 });
}

async function packEntry(name: string, parts: readonly Part[]): Promise<PackedEntry> {
  const deflate = deflateFor(parts);
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  let crc = 0;
  let size = 0;
  const write = async (chunk: Buffer) => {
    crc = crc32(chunk, crc);
    size += chunk.byteLength;
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  };
  for (const part of parts) {
    if (typeof part === 'string') await write(Buffer.from(part));
    else if ('text' in part) {
      const perBlock = Math.max(1, Math.floor((1024 * 1024) / Buffer.byteLength(part.text)));
      const block = Buffer.from(part.text.repeat(perBlock));
      for (let left = part.times; left > 0; left -= perBlock) {
        await write(left >= perBlock ? block : Buffer.from(part.text.repeat(left)));
      }
    } else {
      const mebibyte = Buffer.alloc(1024 * 1024, part.repeat);
      for (let i = 0; i < part.mebibytes; i++) await write(mebibyte);
    }
  }
  deflate.end();
  await ended;
  return { name: Buffer.from(name), packed: Buffer.concat(out), crc, size };
}

function zip(entries: readonly PackedEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.packed.byteLength, 18);
    local.writeUInt32LE(e.size >>> 0, 22);
    local.writeUInt16LE(e.name.byteLength, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.packed.byteLength, 20);
    central.writeUInt32LE(e.size >>> 0, 24);
    central.writeUInt16LE(e.name.byteLength, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, e.name, e.packed);
    centrals.push(central, e.name);
    offset += 30 + e.name.byteLength + e.packed.byteLength;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.byteLength, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const skeleton: Record<string, string> = {
  '[Content_Types].xml':
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
    '</Types>',
  '_rels/.rels':
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
    '</Relationships>',
  'xl/workbook.xml':
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
    '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
  'xl/_rels/workbook.xml.rels':
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' +
    '</Relationships>',
};

const sheetStart =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const sheetEnd = '</sheetData></worksheet>';

async function xlsx(
  sheet: readonly Part[],
  sharedStrings: readonly Part[],
  options: { lieAboutSizes?: boolean; hiddenAfterSheet?: Buffer } = {},
): Promise<Uint8Array> {
  const entries = await Promise.all(Object.entries(skeleton).map(([name, text]) => packEntry(name, [text])));
  entries.push(await packEntry('xl/sharedStrings.xml', sharedStrings));
  entries.push(await packEntry('xl/worksheets/sheet1.xml', [sheetStart, ...sheet, sheetEnd]));
  // A ZIP's sizes are only what its writer claims; a streaming unzip inflates to the end of the data regardless.
  if (options.lieAboutSizes) for (const entry of entries) entry.size = 1;
  // Bytes after the end of the sheet's deflate stream, inside its packed size: hidden from a check that stops where
  // the stream ends, read by a streaming unzip of an entry with a data descriptor as whatever follows.
  const sheetEntry = entries.at(-1)!;
  if (options.hiddenAfterSheet)
    sheetEntry.packed = Buffer.concat([sheetEntry.packed, options.hiddenAfterSheet]);
  return zip(entries);
}

/**
 * The shared-strings bomb of issue 16: `count` shared strings of `mebibytes` MiB each (8 × 400 MiB packs to ~3 MB),
 * used by cells A1…H1.
 */
export function sharedStringsBomb(count = 8, mebibytes = 400, lieAboutSizes = false): Promise<Uint8Array> {
  const strings: Part[] = [
    '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
  ];
  for (let i = 0; i < count; i++) strings.push('<si><t>', { repeat: 'A', mebibytes }, '</t></si>');
  strings.push('</sst>');
  const cells = Array.from(
    { length: count },
    (_, i) => `<c r="${String.fromCharCode(65 + i)}1" t="s"><v>${i}</v></c>`,
  );
  return xlsx([`<row r="1">${cells.join('')}</row>`], strings, { lieAboutSizes });
}

/**
 * A file the limits accept at their edge: `count` distinct-looking shared strings of about `length` characters
 * (the header 学号 and one data row use the first two), for the peak memory of an accepted file.
 */
export function manySharedStrings(count: number, length: number): Promise<Uint8Array> {
  const filler = 'x'.repeat(length);
  const strings: Part[] = [
    `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${count}" uniqueCount="${count}">`,
    '<si><t>学号</t></si><si><t>2024000001</t></si>',
    { text: `<si><t>${filler}</t></si>`, times: count - 2 },
    '</sst>',
  ];
  const rows = [
    '<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
    '<row r="2"><c r="A2" t="s"><v>1</v></c></row>',
  ];
  return xlsx(rows, strings);
}

/** A small valid-looking workbook whose sheet entry carries bytes after the end of its compressed data. */
export function hiddenBytesAfterSheet(): Promise<Uint8Array> {
  const header = '<row r="1"><c r="A1" t="inlineStr"><is><t>学号</t></is></c></row>';
  const hidden = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(60, 1)]);
  return xlsx([header], ['<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'], {
    hiddenAfterSheet: hidden,
  });
}

/** The blank-rows bomb of issue 16: a header row, then about `mebibytes` MiB of `<row/>` (1,024 packs to ~1 MB). */
export function blankRowsBomb(mebibytes = 1024): Promise<Uint8Array> {
  const header = '<row r="1"><c r="A1" t="inlineStr"><is><t>学号</t></is></c></row>';
  const empty = '<row/>'.repeat(Math.floor((1024 * 1024) / 6)).padEnd(1024 * 1024, ' ');
  return xlsx(
    [header, { repeat: empty, mebibytes }],
    ['<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'],
  );
}
