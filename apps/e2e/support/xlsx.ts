import { inflateRawSync } from 'node:zlib';

/**
 * The cells of one sheet of an XLSX file, as text by cell reference (`J4` → `'4'`), shared strings resolved: enough
 * for a browser test to check a figure of a downloaded workbook without a spreadsheet library. Reads the ZIP's
 * central directory (sizes there are right even when the entries use data descriptors).
 *
 * @example
 * const cells = xlsxCells(readFileSync(await download.path()), 1); // { A1: '学院 / College', … }
 */
export function xlsxCells(file: Buffer, sheet = 1): Record<string, string> {
  const entries = zipEntries(file);
  const text = (name: string) => {
    const entry = entries.get(name);
    return entry === undefined ? '' : entry.toString('utf8');
  };
  const strings = [...text('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    [...m[1]!.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((t) => unescapeXml(t[1]!)).join(''),
  );
  const cells: Record<string, string> = {};
  for (const m of text(`xl/worksheets/sheet${sheet}.xml`).matchAll(
    /<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g,
  )) {
    const [, ref, attrs, inner = ''] = m;
    const value = /<v>([^<]*)<\/v>/.exec(inner)?.[1];
    const inline = /<t[^>]*>([^<]*)<\/t>/.exec(inner)?.[1];
    if (/t="s"/.test(attrs!)) cells[ref!] = strings[Number(value)] ?? '';
    else if (value !== undefined) cells[ref!] = unescapeXml(value);
    else if (inline !== undefined) cells[ref!] = unescapeXml(inline);
  }
  return cells;
}

function zipEntries(file: Buffer): Map<string, Buffer> {
  let end = file.length - 22;
  while (end >= 0 && file.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a ZIP file');
  const count = file.readUInt16LE(end + 10);
  let at = file.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const method = file.readUInt16LE(at + 10);
    const size = file.readUInt32LE(at + 20);
    const nameLength = file.readUInt16LE(at + 28);
    const extraLength = file.readUInt16LE(at + 30);
    const commentLength = file.readUInt16LE(at + 32);
    const local = file.readUInt32LE(at + 42);
    const name = file.toString('utf8', at + 46, at + 46 + nameLength);
    const dataAt = local + 30 + file.readUInt16LE(local + 26) + file.readUInt16LE(local + 28);
    const data = file.subarray(dataAt, dataAt + size);
    entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
