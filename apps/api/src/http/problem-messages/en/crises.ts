import type { CataloguePart } from '../catalogue.ts';

/** The texts of crisis intervention, in English. */
export const crises = {
  problems: {
    'crises.not-found': {
      title: 'Crisis not found',
      detail: 'No such crisis, or not visible to you.',
    },
    'crises.no-protocol': {
      title: 'No crisis protocol',
      detail: ({ school }) =>
        `The policy plugin of school ${school} has no crisis protocol (crisis-protocol); crises cannot be opened yet.`,
    },
    'crises.closed': {
      title: 'Crisis closed',
      detail: 'This crisis is closed; reopen it with a reason to change it.',
    },
    'crises.not-closed': {
      title: 'Crisis still open',
      detail: 'This crisis is still open.',
    },
    'crises.step-not-found': {
      title: 'No such step',
      detail: ({ step }) => `The protocol of this crisis has no step "${step}".`,
    },
    'crises.step-finished': {
      title: 'Step already finished',
      detail: ({ step }) => `The step "${step}" is already done or waived.`,
    },
    'crises.not-named': {
      title: 'Not yours to do',
      detail: ({ step }) => `The school's crisis protocol does not name you for the step "${step}".`,
    },
    'crises.referral-not-found': {
      title: 'Referral not found',
      detail: 'This crisis has no such referral.',
    },
    'crises.no-review-due': {
      title: 'No review due',
      detail: 'This crisis has no review meeting waiting to be recorded.',
    },
    'crises.hospital-not-found': {
      title: 'Hospital not found',
      detail: "No such hospital on the school's list.",
    },
    'crises.hospital-in-use': {
      title: 'Hospital in use',
      detail: 'Referrals name this hospital; it stays on the list.',
    },
  },
  messages: {
    'crises.unknown-level': ({ level }) => `The school's crisis protocol has no level "${level}"`,
    'crises.one-source': 'Give exactly one of studentId, concernReportId, caseId and screeningResultId',
    'crises.source-not-found': 'No such record, or not visible to you in full',
    'crises.source-not-self-harm': 'This screening result has no self-harm finding',
    'crises.step-open': ({ step }) => `The required step "${step}" is neither done nor waived`,
    'crises.return-assessment-missing': 'The referral has no return-to-school assessment yet',
    'crises.before-opening': 'This is before the crisis was opened',
    'crises.in-future': 'This is in the future',
    'crises.hospital-not-listed': "The hospital is not on the school's list of contracted hospitals",
    'crises.record-missing': ({ record }) => `The step needs a ${record} record on the crisis first`,
    'crises.guardian-not-found': 'The student has no guardian at this position',
    'crises.contact-required': 'Choose one of the student’s guardians or type the name and relation',
    'crises.affected-is-the-student': 'The student of the crisis is not one of the people affected',
    'crises.already-affected': 'This student is already on the list',
    'crises.held-before-closing': 'The review cannot be held before the crisis closed',
    'crises.agreement-order': 'The agreement ends before it starts',
  },
} satisfies CataloguePart;
