import { toChinaDate } from '@xinqiao/calendar';
import { can } from '../../auth/caller.ts';
import type { WorkProvider } from '../work/types.ts';
import { keyStudentPolicyOf } from './policy.ts';
import { rosterOf } from './service.ts';

/**
 * Key-student talks that are overdue (the plugin's interval; work plan 5: a talk every week): the caller's own key
 * students, and for station heads and the center every overdue one they see, so they show in the station's and
 * center's counts.
 */
export const keyStudentTalks: WorkProvider = {
  kind: 'key_student_talk',
  async items(caller, clock) {
    if (!can(caller, 'key-students.manage')) return [];
    const watchesAll = can(caller, 'key-students.approve');
    const rows = await rosterOf(caller, await keyStudentPolicyOf(clock.plugin), clock.now, {
      overdue: true,
      counsellorId: watchesAll ? undefined : caller.me.person.id,
    });
    return rows.map((row) => ({
      kind: 'key_student_talk' as const,
      id: row.id ?? row.studentId,
      title: { zh: '重点关注学生谈心谈话已逾期', en: 'Key-student talk overdue' },
      student: {
        id: row.studentId,
        name: row.studentName,
        studentNumber: row.studentNumber,
        className: row.className,
        collegeName: row.collegeName,
      },
      dueAt: row.talkDueAt,
      dueOn: toChinaDate(row.talkDueAt),
      overdue: true,
      selfHarm: false,
      isNew: false,
      reasons: [],
      decision: null,
      // The talk is recorded as an interview in the student's open case; without one, from their page.
      link: row.caseId
        ? `/college-station/cases/${row.caseId}`
        : `/college-station/students/${row.studentId}`,
    }));
  },
};
