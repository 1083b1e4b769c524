import type { CataloguePart } from '../catalogue.ts';

/** The texts of the student side: accounts, online screening, appointments, feedback, in English. */
export const studentSide = {
  problems: {
    'student.no-account': { title: 'No student account', detail: 'This account is not a student account.' },
    'student.password-change-required': {
      title: 'Change your password first',
      detail: 'After the first sign-in or a reset, change the password before going on.',
    },
    'student.wave-not-open': {
      title: 'Screening not open',
      detail: 'This screening does not exist, is not open, or is not for you.',
    },
    'student.consent-required': {
      title: 'Read and accept the consent first',
      detail: 'You can answer once you consent.',
    },
    'student.screening-submitted': {
      title: 'Screening already submitted',
      detail: 'A screening is submitted once.',
    },
    'student.no-rules': {
      title: 'No tier rules',
      detail: 'The school has no tier rules yet: ask the center.',
    },
    'student-accounts.not-found': {
      title: 'Student account not found',
      detail: 'This student has no account yet, or you may not see it.',
    },
    'student-accounts.class-not-found': {
      title: 'Class for the accounts not found',
      detail: 'This class does not exist, or is not within your reach.',
    },
    'appointments.not-found': {
      title: 'Appointment not found',
      detail: 'It does not exist, or you may not see it.',
    },
    'appointments.slot-not-found': {
      title: 'Slot not found',
      detail: 'This slot does not exist or was cancelled.',
    },
    'appointments.refused': { title: 'The booking cannot be done', detail: 'See the reason given.' },
    'feedback.refused': { title: 'The rating cannot be taken', detail: 'See the reason given.' },
  },
  messages: {
    'student.wrong-current-password': 'The current password is wrong',
    'student.same-password': 'The new password must differ from the current one',
    'student.consent-version-changed': ({ version }) =>
      `The consent text changed to version ${version}: read it again`,
    'student.answer-count': ({ expected }) => `Expected answers to ${expected} items`,
    'student.answer-missing': ({ item }) => `Item ${item} is not answered`,
    'student.answer-out-of-range': ({ item, min, max }) =>
      `Item ${item} takes an answer from ${min} to ${max}`,
    'student.answers-differ': 'The screening was submitted; its answers cannot change',
    'appointments.slot-taken': 'This slot is taken',
    'appointments.slot-past': 'This slot has started or is past',
    'appointments.notice-too-short': ({ hours }) => `This must be done at least ${hours} hours ahead`,
    'appointments.too-many-open': ({ max }) => `At most ${max} open bookings at a time`,
    'appointments.priority-only': 'This is a priority slot, for tier-1 students only',
    'appointments.not-booked': 'This appointment was cancelled or has ended',
    'appointments.not-started': 'The slot has not started yet',
    'feedback.code-unknown': 'Unknown feedback code',
    'feedback.code-used': 'This feedback code was used',
  },
} satisfies CataloguePart;
