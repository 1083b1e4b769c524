import { TabularError } from './errors.ts';

/** What the caller may ask for; 'auto' detects a BOM, then tells UTF-8 from GBK by the first non-ASCII bytes. */
export type TextEncodingOption = 'auto' | 'utf-8' | 'gbk' | 'gb18030' | 'utf-16le';

// Chinese Excel saves "CSV (逗号分隔)" in the system code page, GBK (cp936); GB18030 decodes every GBK file.
const SNIFF_AFTER_FIRST_NON_ASCII = 4096;
const SNIFF_LIMIT = 1 << 20;

/**
 * Decodes a byte stream to text, dropping a BOM. In 'auto' mode bytes are held back until the first non-ASCII byte
 * (or 1 MiB) so the choice is made on real evidence; a later undecodable byte is a TabularError naming the encoding.
 *
 * @example
 * for await (const text of decodeText(fs.createReadStream('students.csv'), 'auto')) parser.write(text);
 */
export async function* decodeText(
  chunks: AsyncIterable<Uint8Array>,
  encoding: TextEncodingOption = 'auto',
  onDetected?: (encoding: string) => void,
): AsyncGenerator<string> {
  const iterator = chunks[Symbol.asyncIterator]();
  const held: Uint8Array[] = [];
  let heldBytes = 0;
  let nonAsciiAt = -1;
  let ended = false;
  while (encoding === 'auto' || held.length === 0) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    if (nonAsciiAt < 0) {
      const at = next.value.findIndex((byte) => byte >= 0x80);
      if (at >= 0) nonAsciiAt = heldBytes + at;
    }
    held.push(next.value);
    heldBytes += next.value.byteLength;
    if (encoding !== 'auto') break;
    if (
      heldBytes >= SNIFF_LIMIT ||
      (nonAsciiAt >= 0 && heldBytes - nonAsciiAt >= SNIFF_AFTER_FIRST_NON_ASCII)
    )
      break;
  }
  const head = concat(held, heldBytes);
  const chosen = encoding === 'auto' ? detectEncoding(head) : normalise(encoding);
  onDetected?.(chosen);
  const decoder = new TextDecoder(chosen, { fatal: true, ignoreBOM: false });
  const decode = (bytes: Uint8Array, stream: boolean) => {
    try {
      return decoder.decode(bytes, { stream });
    } catch {
      throw encodingError(chosen);
    }
  };
  const first = decode(head, !ended);
  if (first) yield first;
  if (ended) return;
  while (true) {
    const next = await iterator.next();
    if (next.done) break;
    const text = decode(next.value, true);
    if (text) yield text;
  }
  const tail = decode(new Uint8Array(0), false);
  if (tail) yield tail;
}

/** Picks the encoding of a file from its first bytes: BOM first, then whether they are valid UTF-8. */
export function detectEncoding(head: Uint8Array): 'utf-8' | 'gb18030' | 'utf-16le' {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  try {
    // stream: true tolerates a character cut in half at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

function normalise(encoding: Exclude<TextEncodingOption, 'auto'>): string {
  return encoding === 'gbk' ? 'gb18030' : encoding;
}

function encodingError(encoding: string): TabularError {
  const name = encoding === 'gb18030' ? 'GBK' : encoding.toUpperCase();
  return new TabularError(
    'encoding',
    `文件中有无法按 ${name} 编码读取的字符。请在 Excel 中“另存为”“CSV UTF-8（逗号分隔）”后重新上传，或直接上传 .xlsx 文件。`,
    `The file has bytes that are not valid ${name}. Save it as "CSV UTF-8 (Comma delimited)" or upload the .xlsx file.`,
  );
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}
