import { addCalendarDays } from '@xinqiao/calendar';
import { queryRows } from '@xinqiao/db';
import { sql } from 'drizzle-orm';
import { type Caller, can } from '../../auth/caller.ts';
import type { WorkClock, WorkItem, WorkProvider } from '../work/types.ts';
import { supportFileLink, supportListLink } from './notify.ts';
import { termEnd } from './terms.ts';

/** Days before the term's end from which the head teacher's evaluation is listed as due. */
const EVALUATION_LEAD_DAYS = 14;

interface DueRow {
  id: string;
  student_id: string;
  student_name: string;
  student_number: string;
  class_name: string;
  college_name: string;
  term: string;
  plan_written: boolean;
  plan_due_on: string;
  parent_contact_due_on: string | null;
  evaluated: boolean;
  guardians: { name: string; relation: string; phone: string }[];
  created_at: Date;
  responsible: boolean;
  heads_class: boolean;
  plugin_id: string;
  plugin_version: string;
}

/**
 * The files of the caller's confirmed lists with something open: the caller is the file's responsible person or
 * holds the head teacher's role on the student's class (RLS shows only files they may read).
 */
function openFiles(caller: Caller) {
  return queryRows<DueRow>(
    caller.tx,
    sql`SELECT f.id, f.student_id, s.name AS student_name, s.student_number, k.name AS class_name, c.name AS college_name,
          l.term, f.plan_written_at IS NOT NULL AS plan_written, f.plan_due_on::text, f.parent_contact_due_on::text,
          f.evaluated_at IS NOT NULL AS evaluated, s.guardians, f.created_at, l.plugin_id, l.plugin_version,
          f.responsible_person_id IS NOT DISTINCT FROM ${caller.me.person.id}::uuid AS responsible,
          EXISTS (SELECT 1 FROM role_assignments ra WHERE ra.person_id = ${caller.me.person.id}::uuid
                    AND ra.role = 'head_teacher' AND ra.unit_id = s.class_unit_id) AS heads_class
        FROM support_files f
        JOIN support_lists l ON l.id = f.list_id
        JOIN support_list_entries e ON e.id = f.entry_id AND e.status = 'confirmed'
        JOIN students s ON s.id = f.student_id
        JOIN units k ON k.id = s.class_unit_id JOIN units c ON c.id = s.college_unit_id
        WHERE (f.plan_written_at IS NULL OR f.parent_contact_due_on IS NOT NULL OR f.evaluated_at IS NULL)
          AND (f.responsible_person_id = ${caller.me.person.id}::uuid OR EXISTS (
            SELECT 1 FROM role_assignments ra WHERE ra.person_id = ${caller.me.person.id}::uuid
              AND ra.role = 'head_teacher' AND ra.unit_id = s.class_unit_id))
        LIMIT 2000`,
  );
}

const dueAt = (day: string) => new Date(`${addCalendarDays(day, 1)}T00:00:00+08:00`);

function item(
  row: DueRow,
  what: 'plan' | 'parents' | 'evaluation',
  dueOn: string,
  clock: WorkClock,
): WorkItem {
  const guardians = row.guardians.map((g) => `${g.relation}${g.name} ${g.phone}`).join('；');
  const title = {
    plan: { zh: '制定帮扶方案', en: 'Write the support plan' },
    parents: {
      zh: `家长联系（不及格三门及以上）：${guardians || '无监护人联系方式'}`,
      en: `Contact the parents (3+ failed courses): ${guardians || 'no guardian contact'}`,
    },
    evaluation: { zh: '学期末帮扶效果评价', en: 'Evaluate the support at term end' },
  }[what];
  return {
    kind: 'support_file',
    id: `${row.id}:${what}`,
    title,
    student: {
      id: row.student_id,
      name: row.student_name,
      studentNumber: row.student_number,
      className: row.class_name,
      collegeName: row.college_name,
    },
    dueAt: dueAt(dueOn),
    dueOn,
    overdue: dueOn < clock.today,
    selfHarm: false,
    isNew: clock.now.getTime() - new Date(row.created_at).getTime() < 3 * 86_400_000,
    reasons: [],
    decision: { pluginId: row.plugin_id, pluginVersion: row.plugin_version },
    link: supportFileLink(row.id),
  };
}

interface ProposalRow {
  entry_id: string;
  list_id: string;
  student_id: string;
  student_name: string;
  student_number: string;
  class_name: string;
  college_name: string;
  categories: { zh: string; en: string }[];
  created_at: Date;
  plugin_id: string;
  plugin_version: string;
}

/**
 * Students the rules proposed after the list was confirmed (a record made during the term, mid-term.ts), on the
 * lists of the classes the caller heads: they wait for the head teacher to confirm or remove them.
 */
function proposalsAfterConfirmation(caller: Caller) {
  return queryRows<ProposalRow>(
    caller.tx,
    sql`SELECT e.id AS entry_id, l.id AS list_id, s.id AS student_id, s.name AS student_name, s.student_number,
          k.name AS class_name, c.name AS college_name, e.categories,
          e.created_at, l.plugin_id, l.plugin_version
        FROM support_list_entries e
        JOIN support_lists l ON l.id = e.list_id AND l.status = 'confirmed'
        JOIN students s ON s.id = e.student_id
        JOIN units k ON k.id = s.class_unit_id JOIN units c ON c.id = s.college_unit_id
        WHERE e.status = 'proposed' AND EXISTS (
          SELECT 1 FROM role_assignments ra WHERE ra.person_id = ${caller.me.person.id}::uuid
            AND ra.role = 'head_teacher' AND ra.unit_id = l.class_unit_id)
        LIMIT 500`,
  );
}

function proposalItem(row: ProposalRow, clock: WorkClock): WorkItem {
  const why = (lang: 'zh' | 'en') =>
    row.categories.map((category) => category[lang]).join(lang === 'zh' ? '；' : '; ');
  return {
    kind: 'support_file',
    id: `${row.entry_id}:confirm`,
    title: {
      zh: `确认新增帮扶对象：${why('zh')}`,
      en: `Confirm a newly proposed student: ${why('en')}`,
    },
    student: {
      id: row.student_id,
      name: row.student_name,
      studentNumber: row.student_number,
      className: row.class_name,
      collegeName: row.college_name,
    },
    // Decided as soon as it is seen: no deadline of its own (the plan's clock starts at confirmation).
    dueAt: null,
    dueOn: null,
    overdue: false,
    selfHarm: false,
    isNew: clock.now.getTime() - new Date(row.created_at).getTime() < 3 * 86_400_000,
    reasons: [],
    decision: { pluginId: row.plugin_id, pluginVersion: row.plugin_version },
    link: supportListLink(row.list_id),
  };
}

/**
 * My work's support items (seed 004): a plan not written (due by the school's deadline) for the responsible person
 * and the head teacher; parent contact for 3+ failed courses, with the guardians' contacts, for the head teacher;
 * the evaluation from two weeks before the term's end, for the head teacher; a student proposed after the list was
 * confirmed, for the head teacher to confirm.
 */
export const supportFileItems: WorkProvider = {
  kind: 'support_file',
  async items(caller: Caller, clock: WorkClock) {
    if (!can(caller, 'support.read')) return [];
    const items: WorkItem[] = [];
    for (const row of await openFiles(caller)) {
      if (!row.plan_written) items.push(item(row, 'plan', row.plan_due_on, clock));
      if (row.parent_contact_due_on && row.heads_class) {
        items.push(item(row, 'parents', row.parent_contact_due_on, clock));
      }
      const end = termEnd(row.term);
      if (!row.evaluated && row.heads_class && addCalendarDays(end, -EVALUATION_LEAD_DAYS) <= clock.today) {
        items.push(item(row, 'evaluation', end, clock));
      }
    }
    if (can(caller, 'support.manage')) {
      for (const row of await proposalsAfterConfirmation(caller)) items.push(proposalItem(row, clock));
    }
    return items;
  },
};
