import type { PlanPart } from '@xinqiao/db';
import { type Caller, requirePermission } from '../../auth/caller.ts';
import { problem } from '../../http/problem.ts';
import { readFile, type SupportFile } from './files.ts';
import { type CardData, drawCard } from './pdf/card.ts';
import { newDocument, toBuffer } from './pdf/document.ts';
import { drawResponsibilityLetter, drawVolunteerLetter } from './pdf/letters.ts';
import { entriesOf, filesOfList, findClass, findList, peopleByIds, studentsByIds } from './queries.ts';
import { auditSupport } from './service.ts';

export const CATEGORY_ZH: Record<string, string> = {
  academic: '学业困难（不及格课程三门次以上）',
  disciplinary: '违纪处分',
  psychological: '心理帮扶',
  economic: '家庭经济困难',
  behavioural: '思想偏激、行为异常',
};
export const PLAN_ZH: Record<PlanPart, string> = {
  thought: '思想引导',
  psychological: '心理疏导',
  academic: '学业辅导',
  behaviour: '行为养成',
  economic: '经济扶持',
  strengths: '挖掘优势',
};
const METHOD_ZH: Record<string, string> = {
  phone: '电话',
  video: '视频',
  message: '短信/微信',
  meeting: '到校面谈',
  home_visit: '家访',
};
const OFFICE = '学生工作部';
/** The year a letter is signed in: the autumn term's start or the spring term's. */
const letterYear = (term: string) => (term.endsWith('-1') ? term.slice(0, 4) : term.slice(5, 9));

const chinaTime = (iso: string) =>
  new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** The helper's phone and student number, which the file itself does not carry. */
async function helperContact(caller: Caller, file: SupportFile) {
  const r = file.responsible;
  if (!r) return { phone: '', number: '' };
  if (r.kind === 'party_member' || r.kind === 'student_helper') {
    const [s] = await studentsByIds(caller.tx, [r.id]);
    return { phone: s?.phone ?? '', number: s?.studentNumber ?? '' };
  }
  const [p] = await peopleByIds(caller.tx, [r.id]);
  return { phone: p?.phone ?? '', number: '' };
}

/** The card's words from a support file. */
async function cardOf(caller: Caller, file: SupportFile): Promise<CardData> {
  const helper = await helperContact(caller, file);
  return {
    schoolName: caller.me.school.name,
    termLabel: file.termLabel,
    studentName: file.student.name,
    studentNumber: file.student.studentNumber,
    className: file.student.className,
    classRank: '',
    phone: file.student.phone ?? '',
    guardians: file.student.guardians.map((g) => `${g.relation}${g.name} ${g.phone}`).join('；'),
    address: '',
    categories: file.categories.map((c) => CATEGORY_ZH[c.category] ?? c.zh).join('、'),
    responsibleName: file.responsible ? `${file.responsible.name}（${file.responsible.detail}）` : '',
    lastTermScore: file.facts.find((f) => f.fact === 'failedCourseCount')?.detail ?? '',
    responsiblePhone: helper.phone,
    responsibleNumber: helper.number,
    contacts: file.contacts.map(
      (c) =>
        `${chinaTime(c.contactedAt)} ${METHOD_ZH[c.method] ?? c.method}，联系人：${c.contactedPerson}；商定：${c.agreed}；` +
        `邀请到校：${c.invitedToCampus ? '是' : '否'}`,
    ),
    plan: (Object.keys(PLAN_ZH) as PlanPart[]).flatMap((part) =>
      file.plan[part] ? [`${PLAN_ZH[part]}：${file.plan[part]}`] : [],
    ),
    notes: file.notes.map((n) => `${n.occurredOn}　${n.note}（${n.author}）`),
    evaluation: file.evaluation ?? '',
    evaluatedOn: file.evaluatedAt ? chinaTime(file.evaluatedAt).slice(0, 10) : null,
  };
}

/** One student's record card (two copies, front and back), as a PDF; the read is audited as a print. */
export async function cardPdf(caller: Caller, fileId: string): Promise<Buffer> {
  const file = await readFile(caller, fileId, 'support_file.print');
  const doc = await newDocument(`学生帮扶教育记录卡 ${file.student.name}`);
  drawCard(doc, await cardOf(caller, file));
  return toBuffer(doc);
}

async function listOf(caller: Caller, listId: string) {
  requirePermission(caller, 'support.read');
  const list = await findList(caller.tx, listId);
  if (!list) throw problem('support.list-not-found');
  return list;
}

/** The cards of every confirmed student of a class's list in one PDF, by student number. */
export async function listCardsPdf(caller: Caller, listId: string): Promise<Buffer> {
  await listOf(caller, listId);
  const files = await filesOfList(caller.tx, listId);
  const doc = await newDocument('学生帮扶教育记录卡');
  const cards = [];
  for (const { id } of files) cards.push(await readFile(caller, id, 'support_file.print'));
  cards.sort((a, b) => a.student.studentNumber.localeCompare(b.student.studentNumber));
  for (const file of cards) drawCard(doc, await cardOf(caller, file));
  if (cards.length === 0) doc.addPage();
  return toBuffer(doc);
}

/** The confirmed students in the academic category, with their files' helpers. */
async function academicOf(caller: Caller, listId: string) {
  const rows = (await entriesOf(caller.tx, listId)).filter(
    (r) => r.entry.status === 'confirmed' && r.entry.categories.some((c) => c.category === 'academic'),
  );
  const [staff, helpers] = await Promise.all([
    peopleByIds(
      caller.tx,
      rows.flatMap((r) => (r.responsiblePersonId ? [r.responsiblePersonId] : [])),
    ),
    studentsByIds(
      caller.tx,
      rows.flatMap((r) => (r.responsibleStudentId ? [r.responsibleStudentId] : [])),
    ),
  ]);
  const names = new Map([
    ...staff.map((p) => [p.id, p.name] as const),
    ...helpers.map((s) => [s.id, s.name] as const),
  ]);
  return rows.map((r) => ({
    student: r.studentName,
    helper: names.get(r.responsiblePersonId ?? r.responsibleStudentId ?? '') ?? '',
  }));
}

/** Attachment 1 (the head teacher's responsibility letter) with the class's students in academic difficulty. */
export async function responsibilityPdf(caller: Caller, listId: string): Promise<Buffer> {
  const list = await listOf(caller, listId);
  const klass = await findClass(caller.tx, list.classUnitId);
  const students = await academicOf(caller, listId);
  await auditSupport(caller, 'support_list.print_letters', 'support_list', listId);
  const doc = await newDocument('学业困难学生帮扶计划责任书');
  drawResponsibilityLetter(doc, {
    className: klass?.name ?? '',
    headTeacher: caller.me.person.displayName,
    names: students.map((s) => s.student),
    year: letterYear(list.term),
    office: OFFICE,
  });
  return toBuffer(doc);
}

/** Attachment 2 (the helper's volunteer letter), one page per student in academic difficulty. */
export async function volunteerPdf(caller: Caller, listId: string): Promise<Buffer> {
  const list = await listOf(caller, listId);
  const students = await academicOf(caller, listId);
  await auditSupport(caller, 'support_list.print_letters', 'support_list', listId);
  const doc = await newDocument('学业困难帮扶志愿书');
  for (const s of students) {
    drawVolunteerLetter(doc, {
      helper: s.helper,
      student: s.student,
      year: letterYear(list.term),
      office: OFFICE,
    });
  }
  if (students.length === 0) doc.addPage();
  return toBuffer(doc);
}
