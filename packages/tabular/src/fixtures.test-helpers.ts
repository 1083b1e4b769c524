import ExcelJS from 'exceljs';

let gbkTable: Map<string, number[]> | null = null;

/** Encodes text as GBK (what Chinese Excel writes for "CSV"), by inverting Node's GBK decoder over every 2-byte code. */
export function encodeGbk(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const char = decoder.decode(new Uint8Array([lead, trail]));
        if (char.length === 1 && char !== '\ufffd' && !gbkTable.has(char)) gbkTable.set(char, [lead, trail]);
      }
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code < 0x80) bytes.push(code);
    else bytes.push(...(gbkTable.get(char) ?? failOn(char)));
  }
  return new Uint8Array(bytes);
}

function failOn(char: string): never {
  throw new Error(`no GBK code for ${char}`);
}

/** Builds an XLSX workbook in memory: each sheet is a list of rows, a row a list of cell values (null = no row). */
export async function buildXlsx(sheets: Record<string, (ExcelJS.CellValue[] | null)[]>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    rows.forEach((cells, i) => {
      if (cells) sheet.getRow(i + 1).values = cells;
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Yields the bytes in chunks of `size`, cutting multi-byte characters in half on purpose. */
export async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.byteLength; offset += size) yield bytes.subarray(offset, offset + size);
}

/** Collects every row of an async iterable. */
export async function all<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const row of rows) out.push(row);
  return out;
}
