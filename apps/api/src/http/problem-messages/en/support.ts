import type { CataloguePart } from '../catalogue.ts';

/** Support files, in English. */
export const support = {
  problems: {
    'support.no-rules': {
      title: 'No support-target rules',
      detail: ({ school }) => `The policy plugin of ${school} has no support-targets rules.`,
    },
    'support.list-not-found': {
      title: 'Support list not found',
      detail: 'The support list does not exist, or you may not see it.',
    },
    'support.entry-not-found': { title: 'Not on the list', detail: 'The support list has no such entry.' },
    'support.file-not-found': {
      title: 'Support file not found',
      detail: 'The support file does not exist, or you may not see it.',
    },
    'support.class-not-found': {
      title: 'Class not found',
      detail: 'The class does not exist, or you do not run support for it.',
    },
    'support.record-not-found': {
      title: 'Support record not found',
      detail: 'The record does not exist, or you may not see it.',
    },
  },
  messages: {
    'support.not-a-class': 'Choose a class',
    'support.not-in-class': 'The student is not in this class',
    'support.already-listed': 'The student is already on the list',
    'support.removed-entry': 'The student was removed from the list',
    'support.not-on-list': "The student is not on the term's confirmed support list",
    'support.helper-outside-network': "The responsible person is outside the student's network",
    'support.helper-kind': ({ kind }) =>
      kind === 'staff'
        ? 'A staff helper is a person (personId)'
        : 'A student helper is a student (studentId)',
    'support.plan-empty': 'Write at least one part of the plan',
    'support.before-term-end': ({ termEnd }) => `The evaluation is written once the term ends (${termEnd})`,
    'support.in-future': 'Cannot be later than today',
    'support.revoked-before': 'Revoked before the sanction was given',
    'support.already-revoked': 'The sanction is already revoked',
    'support.already-certified': 'The student already has a certification this term',
  },
} satisfies CataloguePart;
