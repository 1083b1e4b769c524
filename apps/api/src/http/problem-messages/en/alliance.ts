import type { CataloguePart } from '../catalogue.ts';

const attendanceWords: Record<string, string> = {
  present: 'present',
  late: 'late',
  absent: 'absent',
  'on-leave': 'on leave',
};
const attendance = (was: string) => attendanceWords[was] ?? was;
const approvals: Record<string, string> = { pending: 'pending', approved: 'approved', rejected: 'rejected' };

/** The texts of the peer alliance, in English. */
export const alliance = {
  problems: {
    'alliance.no-points-scale': {
      title: 'Your school has no peer alliance rules yet',
      detail: ({ school }) =>
        `The policy plugin of school ${school} has no rules for penalty-points (the points scale) and term-sanctions (the term's sanctions): add both areas to the plugin (plugins/hut is an example).`,
    },
    'alliance.term-not-found': { title: 'Term not found', detail: 'No such term.' },
    'alliance.event-not-found': {
      title: 'Event or task not found',
      detail: 'No such meeting, event or task.',
    },
    'alliance.member-not-found': { title: 'Member not found', detail: 'No such member.' },
    'alliance.record-not-found': { title: 'Record not found', detail: 'No such record.' },
    'alliance.not-a-member': {
      title: 'Not a member',
      detail: 'The person named is not a member of the alliance.',
    },
    'alliance.term-closed': {
      title: 'Term closed',
      detail: ({ term }) => `The term "${term}" is closed: its points can no longer change.`,
    },
    'alliance.no-open-term': { title: 'No open term', detail: 'No term is open: start one first.' },
    'alliance.not-attended': {
      title: 'Not an attended event',
      detail: ({ event }) => `"${event}" is not a meeting, duty shift or activity: it takes no attendance.`,
    },
    'alliance.event-closed': {
      title: 'Event closed',
      detail: ({ event }) => `"${event}" is closed: no more check-ins or leave.`,
    },
    'alliance.not-expected-at-event': {
      title: 'Not expected at this event',
      detail: ({ member, event }) => `${member} is not a member expected at "${event}".`,
    },
    'alliance.attendance-exists': {
      title: 'Attendance already recorded',
      detail: ({ member, was }) => `${member} already has an attendance record here (${attendance(was)}).`,
    },
    'alliance.record-exists': {
      title: 'Record already exists',
      detail: ({ member }) => `${member} already has this kind of record here.`,
    },
    'alliance.not-checked-in': {
      title: 'Not checked in',
      detail: ({ member }) => `${member} did not check in, so cannot leave early.`,
    },
    'alliance.early-leave-exists': {
      title: 'Early leave already recorded',
      detail: ({ member }) => `${member} already left early here.`,
    },
    'alliance.finding-exists': {
      title: 'Already recorded this term',
      detail: ({ member }) => `This is already recorded for ${member} this term.`,
    },
    'alliance.full-attendance-done': {
      title: 'Full attendance already assessed',
      detail: ({ key }) => `The assessment "${key}" was done already.`,
    },
    'alliance.not-a-task': { title: 'Not a task', detail: ({ task }) => `"${task}" is not a task.` },
    'alliance.task-closed': { title: 'Task closed', detail: ({ task }) => `The task "${task}" is closed.` },
    'alliance.not-assigned': {
      title: 'Not assigned the task',
      detail: ({ member, task }) => `${member} is not assigned "${task}".`,
    },
    'alliance.task-acknowledged': {
      title: 'Already acknowledged',
      detail: ({ member }) => `${member} acknowledged already.`,
    },
    'alliance.task-submitted': {
      title: 'Already submitted',
      detail: ({ member }) => `${member} submitted already.`,
    },
    'alliance.member-inactive': {
      title: 'Member no longer active',
      detail: ({ member }) => `${member} is no longer a member of the alliance.`,
    },
    'alliance.record-not-pending': {
      title: 'Record not pending',
      detail: ({ approval }) =>
        `The record is not waiting for approval (${approvals[approval] ?? approval}).`,
    },
    'alliance.record-voided': { title: 'Record voided', detail: 'The record was voided already.' },
    'alliance.record-not-voided': {
      title: 'Record not voided',
      detail: 'Only a voided record can be recorded again.',
    },
    'alliance.unknown-record-kind': {
      title: 'Unknown record kind',
      detail: 'This kind of record is unknown.',
    },
    'alliance.no-base-score': {
      title: 'No base score in the plugin',
      detail: ({ plugin }) => `The school's plugin ${plugin} states no base score (record kind term-start).`,
    },
    'alliance.repricing-stale': {
      title: 'Preview out of date',
      detail: 'The ledger or the plugin changed since the preview: preview again.',
    },
    'alliance.repricing-refused': {
      title: 'Plugin refuses some records',
      detail: ({ count }) => `The current plugin refuses ${count} record(s): correct them first.`,
    },
    'alliance.plugin-refuses-facts': {
      title: 'Plugin refuses these facts',
      detail: ({ detail }) => `The school's plugin refuses the facts of this record: ${detail}`,
    },
    'alliance.plugin-rules-refuse': {
      title: "Plugin's rules do not allow this",
      detail: ({ detail }) => `The rules of the school's plugin do not allow this record: ${detail}`,
    },
  },
  messages: {
    'alliance.no-such-member': 'Not a member of the alliance',
    'alliance.no-such-department': 'No such department',
    'alliance.no-such-account': 'No such account in this school',
    'alliance.no-such-event': 'No such meeting, event or task',
    'alliance.no-such-event-in-term': 'No such meeting, event or task in the member’s term',
    'alliance.member-or-department': 'Name a member or a department',
    'alliance.department-empty': 'The department has no active members this term',
    'alliance.fact-protected': 'This cannot be corrected',
    'alliance.only-check-in': 'Only a check-in can correct this',
    'alliance.event-closed': 'The event is closed',
    'alliance.task-closed': 'The task is closed',
    'alliance.not-expected-at-event': ({ member, event }) =>
      `${member} is not a member expected at "${event}"`,
    'alliance.not-assigned': ({ member, task }) => `${member} is not assigned "${task}"`,
    'alliance.not-checked-in': ({ member, event }) => `${member} did not check in at "${event}"`,
    'alliance.attendance-exists': ({ was }) => `Already recorded as ${attendance(was)}`,
    'alliance.record-exists': 'Already has this kind of record here',
    'alliance.early-leave-exists': 'Early leave already recorded',
    'alliance.finding-exists': 'Already recorded this term',
    'alliance.key-used': 'This assessment name is used already',
    'alliance.task-acknowledged': 'Already acknowledged',
    'alliance.task-submitted': 'Already submitted',
    'alliance.repricing-stale': 'Changed since the preview: preview again',
    'alliance.plugin-refuses': ({ detail }) => `The plugin refuses: ${detail}`,
    'alliance.branch-needs-college': 'A college branch needs its college',
    'alliance.routine-needs-department': 'A department routine meeting needs its department',
    'alliance.plenary-without-department': 'A plenary meeting is alliance-wide: no department',
    'alliance.ends-before-starts': 'Must end after it starts',
    'alliance.deadline-before-assigned': 'The deadline must be after the task is assigned',
    'alliance.correction-empty': 'Say what to correct (arrival time, attendance, facts) or void the record',
  },
} satisfies CataloguePart;
