import { A4, MARGIN } from './document.ts';

/** What the 学生帮扶教育记录卡 shows, already in words. Empty strings leave the paper's blank. */
export interface CardData {
  schoolName: string;
  termLabel: string;
  studentName: string;
  studentNumber: string;
  className: string;
  classRank: string;
  phone: string;
  guardians: string;
  address: string;
  categories: string;
  responsibleName: string;
  lastTermScore: string;
  responsiblePhone: string;
  responsibleNumber: string;
  contacts: readonly string[];
  plan: readonly string[];
  notes: readonly string[];
  evaluation: string;
  evaluatedOn: string | null;
}

const WIDTH = A4.width - 2 * MARGIN;
const LABEL = 92;
const VALUE = (WIDTH - 2 * LABEL) / 2;
const ROW = 30;
const RULE = 24;
const SIZE = 10.5;

/** Splits text into lines that fit `width` (character by character: Chinese has no spaces to break at). */
export function wrap(doc: PDFKit.PDFDocument, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const char of paragraph) {
      if (doc.widthOfString(line + char) > width && line) {
        lines.push(line);
        line = '';
      }
      line += char;
    }
    lines.push(line);
  }
  return lines;
}

function cell(
  doc: PDFKit.PDFDocument,
  x: number,
  y: number,
  w: number,
  h: number,
  text: string,
  bold = false,
) {
  doc.rect(x, y, w, h).stroke();
  if (!text) return;
  doc.font(bold ? 'cjk-bold' : 'cjk').fontSize(SIZE);
  const lines = wrap(doc, text, w - 8).slice(0, 2);
  const lineHeight = SIZE * 1.3;
  let top = y + (h - lines.length * lineHeight) / 2 + 1;
  for (const line of lines) {
    doc.text(line, x + 4, top, { lineBreak: false });
    top += lineHeight;
  }
}

/** A row of label/value pairs (the values share what is left of the width). */
function row(doc: PDFKit.PDFDocument, y: number, pairs: readonly (readonly [string, string])[]) {
  let x = MARGIN;
  const valueWidth = pairs.length === 1 ? WIDTH - LABEL : VALUE;
  for (const [label, value] of pairs) {
    cell(doc, x, y, LABEL, ROW, label, true);
    cell(doc, x + LABEL, y, valueWidth, ROW, value);
    x += LABEL + valueWidth;
  }
  return y + ROW;
}

/**
 * A tall box of the form: the label on the left, ruled lines on the right (the blank lines of the paper form),
 * the text written on the lines; what does not fit ends with a note that the file has the rest.
 */
function ruledBox(
  doc: PDFKit.PDFDocument,
  y: number,
  label: string,
  lines: readonly string[],
  rules: number,
) {
  const height = rules * RULE + 8;
  cell(doc, MARGIN, y, LABEL, height, label, true);
  doc.rect(MARGIN + LABEL, y, WIDTH - LABEL, height).stroke();
  doc.save().lineWidth(0.4).strokeColor('#888888');
  for (let i = 1; i <= rules; i++) {
    const ruleY = y + 4 + i * RULE;
    if (ruleY < y + height - 2) {
      doc
        .moveTo(MARGIN + LABEL + 8, ruleY)
        .lineTo(MARGIN + WIDTH - 8, ruleY)
        .stroke();
    }
  }
  doc.restore();
  doc.font('cjk').fontSize(SIZE);
  const wrapped = lines.flatMap((line) => wrap(doc, line, WIDTH - LABEL - 20));
  const shown =
    wrapped.length > rules ? [...wrapped.slice(0, rules - 1), '……（其余内容见电子帮扶档案）'] : wrapped;
  shown.forEach((line, i) => {
    doc.text(line, MARGIN + LABEL + 10, y + 4 + i * RULE + RULE - SIZE * 1.45, { lineBreak: false });
  });
  return y + height;
}

function heading(doc: PDFKit.PDFDocument, data: CardData, copy: number, copies: number, side: string) {
  doc.font('cjk-bold').fontSize(17).text(`${data.schoolName}学生帮扶教育记录卡`, MARGIN, MARGIN, {
    width: WIDTH,
    align: 'center',
  });
  doc
    .font('cjk')
    .fontSize(9)
    .text(
      `${data.termLabel}　${data.className}　${side}　${copies > 1 ? `一式两份·第${copy}份` : ''}`,
      MARGIN,
      MARGIN + 26,
      { width: WIDTH, align: 'right' },
    );
  return MARGIN + 42;
}

/** The front: who the student and the helper are, the parent contact record and the plan. */
function front(doc: PDFKit.PDFDocument, data: CardData, copy: number, copies: number) {
  doc.addPage();
  doc.lineWidth(0.8).strokeColor('#000000').fillColor('#000000');
  let y = heading(doc, data, copy, copies, '正面');
  y = row(doc, y, [
    ['学生姓名', data.studentName],
    ['班级排名', data.classRank],
  ]);
  y = row(doc, y, [
    ['联系方式', data.phone],
    ['学号', data.studentNumber],
  ]);
  y = row(doc, y, [
    ['家长联系方式', data.guardians],
    ['家庭住址', data.address],
  ]);
  y = row(doc, y, [['帮扶类型', data.categories]]);
  y = row(doc, y, [
    ['帮扶人责任姓名', data.responsibleName],
    ['上学期班级成绩', data.lastTermScore],
  ]);
  y = row(doc, y, [
    ['联系方式', data.responsiblePhone],
    ['学号', data.responsibleNumber],
  ]);
  y = ruledBox(doc, y, '家长联系记录', data.contacts, 8);
  ruledBox(doc, y, '帮扶方案', data.plan, Math.floor((A4.height - MARGIN - y - 8) / RULE) - 1);
}

/** The back: the process record and the head teacher's evaluation with its date line. */
function back(doc: PDFKit.PDFDocument, data: CardData, copy: number, copies: number) {
  doc.addPage();
  doc.lineWidth(0.8).strokeColor('#000000').fillColor('#000000');
  let y = heading(doc, data, copy, copies, '反面');
  y = ruledBox(doc, y, '帮扶过程记录', data.notes, 19);
  const evaluationTop = y;
  y = ruledBox(doc, y, '班主任效果评价', data.evaluation ? [data.evaluation] : [], 6);
  const [year, month, day] = (data.evaluatedOn ?? '').split('-');
  const date = data.evaluatedOn ? `${year}年${Number(month)}月${Number(day)}日` : '　　　　年　　月　　日';
  doc
    .font('cjk')
    .fontSize(SIZE)
    .text(date, MARGIN + LABEL, y - 18, { width: WIDTH - LABEL - 12, align: 'right', lineBreak: false });
  doc
    .fontSize(9)
    .text('注：该表正反打印，一式两份。', MARGIN, Math.max(y + 8, evaluationTop), { lineBreak: false });
}

/**
 * Draws one student's card laid out like seed 004's attachment 3 (A4, front and back), `copies` times (一式两份).
 */
export function drawCard(doc: PDFKit.PDFDocument, data: CardData, copies = 2) {
  for (let copy = 1; copy <= copies; copy++) {
    front(doc, data, copy, copies);
    back(doc, data, copy, copies);
  }
}
