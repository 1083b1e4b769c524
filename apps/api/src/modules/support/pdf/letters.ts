import { wrap } from './card.ts';
import { A4, MARGIN } from './document.ts';

const WIDTH = A4.width - 2 * MARGIN - 40;
const LEFT = MARGIN + 20;

function paragraph(doc: PDFKit.PDFDocument, text: string, y: number, indent = true): number {
  doc.font('cjk').fontSize(13);
  const lines = wrap(doc, `${indent ? '　　' : ''}${text}`, WIDTH);
  for (const line of lines) {
    doc.text(line, LEFT, y, { lineBreak: false });
    y += 28;
  }
  return y;
}

function signature(doc: PDFKit.PDFDocument, label: string, name: string, y: number): number {
  doc
    .font('cjk')
    .fontSize(13)
    .text(`${label}${name}`, LEFT + WIDTH / 2, y, { width: WIDTH / 2, lineBreak: false });
  return y + 32;
}

function dateLine(doc: PDFKit.PDFDocument, year: string, y: number) {
  doc
    .font('cjk')
    .fontSize(13)
    .text(`${year}年　　月　　日`, LEFT + WIDTH / 2, y, { lineBreak: false });
}

function title(doc: PDFKit.PDFDocument, text: string): number {
  doc
    .font('cjk-bold')
    .fontSize(18)
    .text(text, MARGIN, MARGIN + 30, { width: A4.width - 2 * MARGIN, align: 'center' });
  return MARGIN + 100;
}

/**
 * Seed 004's attachment 1, 学业困难学生帮扶计划责任书（班主任）: the head teacher undertakes to support the class's
 * students in academic difficulty, whose names are filled in.
 */
export function drawResponsibilityLetter(
  doc: PDFKit.PDFDocument,
  input: { className: string; headTeacher: string; names: readonly string[]; year: string; office: string },
) {
  doc.addPage();
  let y = title(doc, '学业困难学生帮扶计划责任书（班主任）');
  y = paragraph(doc, `${input.office}：`, y, false) + 6;
  y = paragraph(
    doc,
    `我将带领本班同学对 ${input.className} 班的学业困难学生进行帮扶，尽自己最大的努力帮助本班学生早日通过考试，顺利完成学业。`,
    y,
  );
  y = paragraph(doc, '学业困难名单：', y + 10, false);
  y = paragraph(doc, input.names.length > 0 ? input.names.join('、') : '（无）', y, true);
  y = Math.max(y + 60, 520);
  y = signature(doc, '班主任：', input.headTeacher, y);
  dateLine(doc, input.year, y + 10);
}

/**
 * Seed 004's attachment 2, 学业困难帮扶志愿书: a helper volunteers to support one student; one page per pair.
 */
export function drawVolunteerLetter(
  doc: PDFKit.PDFDocument,
  input: { helper: string; student: string; year: string; office: string },
) {
  doc.addPage();
  let y = title(doc, '学业困难帮扶志愿书');
  y = paragraph(doc, `${input.office}：`, y, false) + 6;
  y = paragraph(
    doc,
    `我愿意帮助 ${input.student} 同学在学业上进步，帮其树立正确的学习态度，能够不辜负家长与老师的期望，在学校可以有效的成长进步。`,
    y,
  );
  y = Math.max(y + 80, 420);
  y = signature(doc, '帮扶人：', input.helper || '　　　　　　', y);
  y = signature(doc, '被帮扶人：', input.student, y + 8);
  dateLine(doc, input.year, y + 30);
}
