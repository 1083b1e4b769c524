import { A4, MARGIN, newDocument, toBuffer } from '../support/pdf/document.ts';
import type { IssuedLine } from './service.ts';

/** What every slip of a class says besides the student's own line. */
export interface SlipsHeader {
  schoolName: string;
  className: string;
  /** Where students sign in: the shell's login page with 学生 chosen (`…/login?as=student`). */
  signInUrl: string;
}

const COLUMNS = 2;
const ROWS = 5;
/** Ten slips a page, two across: each about 88 × 53 mm, big enough to read and to cut with scissors. */
export const SLIPS_PER_PAGE = COLUMNS * ROWS;
const SLIP_WIDTH = (A4.width - 2 * MARGIN) / COLUMNS;
const SLIP_HEIGHT = (A4.height - 2 * MARGIN) / ROWS;
const PAD = 12;

/** Cuts `text` to fit `width` at the current font, marking the cut with an ellipsis. */
function fitted(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let out = text;
  while (out.length > 1 && doc.widthOfString(`${out}…`) > width) out = out.slice(0, -1);
  return `${out}…`;
}

function pageHeader(doc: PDFKit.PDFDocument, header: SlipsHeader, page: number, pages: number) {
  doc
    .font('cjk')
    .fontSize(8)
    .fillColor('#666666')
    .text(
      fitted(
        doc,
        `${header.schoolName} ${header.className} 学生端账号（初始密码）· 沿虚线剪开，一人一条 · 第 ${page}/${pages} 页`,
        A4.width - 2 * MARGIN,
      ),
      MARGIN,
      MARGIN - 22,
      { lineBreak: false },
    )
    .fillColor('#000000');
}

function cutLines(doc: PDFKit.PDFDocument, count: number) {
  doc.save().lineWidth(0.5).strokeColor('#999999').dash(4, { space: 3 });
  for (let i = 0; i < count; i++) {
    const x = MARGIN + (i % COLUMNS) * SLIP_WIDTH;
    const y = MARGIN + Math.floor(i / COLUMNS) * SLIP_HEIGHT;
    doc.rect(x, y, SLIP_WIDTH, SLIP_HEIGHT).stroke();
  }
  doc.undash().restore();
}

function slip(
  doc: PDFKit.PDFDocument,
  header: SlipsHeader,
  line: IssuedLine & { password: string },
  index: number,
) {
  const x = MARGIN + (index % COLUMNS) * SLIP_WIDTH + PAD;
  const top = MARGIN + Math.floor(index / COLUMNS) * SLIP_HEIGHT + PAD;
  const width = SLIP_WIDTH - 2 * PAD;
  const text = (s: string, y: number, font: string, size: number) =>
    doc
      .font(font)
      .fontSize(size)
      .text(fitted(doc.font(font).fontSize(size), s, width), x, top + y, { lineBreak: false });

  text(header.schoolName, 0, 'cjk-bold', 11);
  text(`班级：${header.className}`, 18, 'cjk', 9);
  text(`学号：${line.studentNumber}　姓名：${line.name}`, 33, 'cjk', 10);
  text('临时密码：', 54, 'cjk', 9);
  // The password in a fixed-width Latin face, spaced out: read off paper and typed, character by character.
  doc
    .font('Courier-Bold')
    .fontSize(14)
    .text(line.password, x + 48, top + 52, { lineBreak: false, characterSpacing: 1.2 });
  text('登录：打开下面的地址，选择「学生」，填学号和临时密码', 74, 'cjk', 7.5);
  text(header.signInUrl, 86, 'cjk', 7.5);
  text('首次登录须修改密码。请妥善保管，勿告诉他人。', 104, 'cjk-bold', 8.5);
}

/**
 * The class's initial passwords as cut-out slips (A4, ten a page, dashed cut lines): school, class, 学号, name, the
 * temporary password, the sign-in address and that it must be changed at the first sign-in. Only the accounts issued
 * now have a slip (an existing account's password is not known); a class with none issued says so on its one page.
 */
export async function issuedSlips(header: SlipsHeader, lines: readonly IssuedLine[]): Promise<Buffer> {
  const doc = await newDocument(`${header.className} 学生端账号`);
  const issued = lines.filter((l): l is IssuedLine & { password: string } => l.password !== null);
  const pages = Math.max(1, Math.ceil(issued.length / SLIPS_PER_PAGE));
  if (issued.length === 0) {
    doc.addPage();
    pageHeader(doc, header, 1, 1);
    doc
      .font('cjk')
      .fontSize(12)
      .text(
        `本班 ${lines.length} 名学生都已有账号，本次没有发放新账号。忘记密码的学生请辅导员在学生页面重置。`,
        MARGIN,
        MARGIN + 20,
        { width: A4.width - 2 * MARGIN },
      );
    return toBuffer(doc);
  }
  for (let page = 0; page < pages; page++) {
    doc.addPage();
    pageHeader(doc, header, page + 1, pages);
    const onPage = issued.slice(page * SLIPS_PER_PAGE, (page + 1) * SLIPS_PER_PAGE);
    cutLines(doc, onPage.length);
    onPage.forEach((line, i) => {
      slip(doc, header, line, i);
    });
  }
  return toBuffer(doc);
}
