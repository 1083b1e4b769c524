import type { CataloguePart } from '../catalogue.ts';
import type { StudentAction } from '../codes.ts';

const actions: Record<StudentAction, string> = {
  'open-case': 'open a case',
  'record-in-file': 'record in the file',
  change: 'change the student',
};

const caseStatuses: Record<string, string> = { open: 'open', in_progress: 'in progress', closed: 'closed' };

/** The texts of students, their files, imports and cases, in English. */
export const students = {
  problems: {
    'students.not-found': { title: 'Student not found', detail: 'No such student, or not visible to you.' },
    'students.reduced-view': {
      title: 'Reduced view only',
      detail: ({ action }) =>
        `Your role sees this student in the reduced view and cannot ${actions[action]}.`,
    },
    'students.number-taken': {
      title: 'Student number taken',
      detail: 'A student with this student number already exists.',
    },
    'students.placement-outside-units': {
      title: 'Placement outside your units',
      detail: 'This class or dorm is outside the units you are responsible for.',
    },
    'import.rows-rejected': {
      title: 'Import rejected',
      detail: ({ count }) => `${count} row error(s); nothing was imported.`,
    },
    'import.file-unreadable': { title: 'File cannot be read', detail: ({ en }) => en },
    'import.file-over-limit': { title: 'File over a limit', detail: ({ en }) => en },
    'cases.not-found': { title: 'Case not found', detail: 'No such case, or not visible to you.' },
  },
  messages: {
    'students.no-such-student': 'No such student, or not visible to you',
    'students.phone-format': 'Not a phone number (digits and - only)',
    'students.number-characters': 'Letters, digits, - and _ only',
    'students.number-taken': 'Already taken',
    'students.outside-units': 'Outside your units',
    'students.not-a-college': 'Not a college of your school',
    'students.not-a-class-of-college': 'Not a class of that college',
    'students.not-a-dorm-of-class': 'Not a dorm of that class',
    'students.gender': 'Gender must be male or female',
    'students.enrolment-year-format': 'Enrolment year must be four digits, such as 2024',
    'students.guardian-name-missing': 'Guardian details given without the guardian’s name',
    'students.guardian-phone-missing': 'Guardian details given without the guardian’s phone',
    'import.file-missing': 'Upload the file as the form field "file"',
    'import.body-missing': 'Send the file as the request body',
    'import.file-unreadable': ({ en }) => en,
    'import.stray-cells': ({ count, first }) =>
      `${count} cell(s) are outside any header ("${first}"); the columns of this row may be shifted`,
    'import.number-repeated': ({ first, again }) =>
      `Student number repeats row ${first} (rows ${first} and ${again})`,
    'import.no-college': ({ college }) => `Your school has no college named "${college}"`,
    'import.ambiguous-college': ({ college }) => `Your school has several colleges named "${college}"`,
    'import.no-class': ({ college, className }) => `College "${college}" has no class named "${className}"`,
    'import.ambiguous-class': ({ college, className }) =>
      `College "${college}" has several classes named "${className}"`,
    'import.no-dorm': ({ className, dorm }) => `Class "${className}" has no dorm named "${dorm}"`,
    'import.ambiguous-dorm': ({ className, dorm }) =>
      `Class "${className}" has several dorms named "${dorm}"`,
    'import.placement-outside-units': 'This class or dorm is outside your units; it cannot be imported',
    'import.student-outside-units':
      'The student with this number is outside your units; it cannot be changed',
    'import.number-taken-outside-units':
      'A student of your school outside your units already has this number',

    'cases.responsible-out-of-reach': 'Must be a person of your school whose role reaches the student',
    'cases.date-in-past': ({ today }) => `Cannot be before today (${today})`,
    'cases.closed': 'The case is closed',
    'cases.status-transition': ({ from, to }) =>
      `A case cannot go from ${caseStatuses[from] ?? from} to ${caseStatuses[to] ?? to}`,
    'cases.assignee-out-of-reach':
      'Assign to a counsellor, head teacher, station head or center member within your part of the network who reaches the student',
    'cases.talk-in-future': 'A talk cannot take place in the future',
    'cases.talk-before-case': 'A talk cannot take place before the case was opened',
    'cases.next-step-before-talk': 'The next step cannot be due before the day of the talk',
  },
} satisfies CataloguePart;
