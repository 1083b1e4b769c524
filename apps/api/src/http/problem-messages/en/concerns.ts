import type { CataloguePart } from '../catalogue.ts';

/** The texts of concern reports, in English. */
export const concerns = {
  problems: {
    'concerns.not-found': {
      title: 'Concern report not found',
      detail: 'No such concern report, or not visible to you.',
    },
    'concerns.no-signs-policy': {
      title: 'No observation checklist',
      detail: ({ school }) =>
        `The policy plugin of school ${school} has no checklist for concern reports (concern-signs); concerns cannot be reported yet.`,
    },
    'concerns.already-triaged': {
      title: 'Already triaged',
      detail: 'This concern report has been triaged already and cannot be triaged again.',
    },
  },
  messages: {
    'concerns.unknown-sign': ({ code }) => `"${code}" is not on the observation checklist`,
    'concerns.nothing-observed': 'Tick at least one sign you observed, or describe what you saw',
    'concerns.reason-required': 'Give the reason for closing the report',
    'concerns.case-required': 'Choose the case to add the report to',
    'concerns.case-of-another-student': 'No such case, not visible to you, or not a case of this student',
    'concerns.case-closed': 'The case is closed; a report cannot be added to it',
    'concerns.due-date-required': 'A new case needs a due date',
  },
} satisfies CataloguePart;
