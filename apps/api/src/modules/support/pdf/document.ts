import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Noto Sans SC (Noto Sans Hans, SIL Open Font License 1.1) from the npm package `@embedpdf/fonts-sc`: installed with
 * the API's dependencies, so Chinese renders on a fresh machine without system fonts. pdfkit embeds only the glyphs
 * a document uses (a card is ~60 KB, not the font's 8 MB). Read once per process.
 */
let regular: Buffer | undefined;
let bold: Buffer | undefined;

function fontFile(name: string): Buffer {
  const entry = createRequire(import.meta.url).resolve('@embedpdf/fonts-sc');
  return readFileSync(join(dirname(entry), '..', 'fonts', name));
}

export const A4 = { width: 595.28, height: 841.89 };
export const MARGIN = 48;

/**
 * A new A4 document with the Chinese font registered as `cjk` and `cjk-bold`. pdfkit is imported on the first print,
 * not when the server starts: loading it took ~0.19 s of a 3 s start.
 */
export async function newDocument(title: string): Promise<PDFKit.PDFDocument> {
  const { default: PDFDocument } = await import('pdfkit');
  regular ??= fontFile('NotoSansHans-Regular.otf');
  bold ??= fontFile('NotoSansHans-Bold.otf');
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    autoFirstPage: false,
    info: { Title: title, Creator: 'Xinqiao 心桥', Producer: 'Xinqiao 心桥' },
  });
  doc.registerFont('cjk', regular);
  doc.registerFont('cjk-bold', bold);
  return doc;
}

/** Ends the document and collects its bytes. */
export function toBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
