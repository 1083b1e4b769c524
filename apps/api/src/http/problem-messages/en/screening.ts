import type { CataloguePart } from '../catalogue.ts';

const waveStatuses: Record<string, string> = {
  planned: 'planned',
  open: 'open',
  closed: 'closed',
  cancelled: 'cancelled',
};
const status = (s: string) => waveStatuses[s] ?? s;

/** The texts of screening waves, imports, results and the working calendar, in English. */
export const screening = {
  problems: {
    'screening.wave-not-found': { title: 'Screening wave not found', detail: 'No such screening wave.' },
    'screening.wave-exists': {
      title: 'Screening wave exists',
      detail: ({ name }) => `This academic year already has a wave "${name}" of this instrument.`,
    },
    'screening.wave-status-transition': {
      title: 'Wave status cannot change so',
      detail: ({ from, to }) => `A ${status(from)} wave cannot become ${status(to)}.`,
    },
    'screening.wave-not-open': {
      title: 'Screening wave not open',
      detail: ({ wave }) => `The wave "${wave}" is not open: open it before importing.`,
    },
    'screening.wave-cancelled': {
      title: 'Screening wave cancelled',
      detail: ({ wave }) => `The wave "${wave}" was cancelled: it takes no imports and no changes.`,
    },
    'screening.wave-has-results': {
      title: 'Screening wave has results',
      detail: ({ wave, results }) =>
        `The wave "${wave}" holds ${results} results: it cannot be cancelled nor its dates changed (close it, or only rename it).`,
    },
    'screening.wave-import-running': {
      title: 'Screening wave is importing',
      detail: ({ wave }) =>
        `An import into the wave "${wave}" is still running: cancel the wave once it has ended.`,
    },
    'screening.no-tier-rules': {
      title: 'No attention tier rules',
      detail: 'Your school has no active plugin with attention tier rules, so results cannot be imported.',
    },
    'screening.import-not-found': { title: 'Import not found', detail: 'No such import.' },
    'screening.result-not-found': {
      title: 'Screening result not found',
      detail: 'No such result, or not visible to you.',
    },
    'screening.calendar-edit-not-found': {
      title: 'Calendar edit not found',
      detail: ({ date }) => `The school has no edit of ${date}.`,
    },
  },
  messages: {
    'screening.instrument': 'The instrument must be UPI, PHQ-9, GAD-7 or SCL-90',
    'screening.cohort': 'The cohort must be all, freshmen, graduating or a year of enrolment',
    'screening.date-format': 'Dates are written YYYY-MM-DD',
    'screening.closes-before-opens': 'The closing date cannot be before the opening date',
    'screening.calendar-year-range': 'The year must be 2000–2100',
    'screening.calendar-date': 'Must be a real date YYYY-MM-DD in 2000–2100',
    'screening.calendar-working': 'Choose working or rest',
    'screening.no-such-wave': 'No such screening wave',
    'screening.wave-not-open': ({ wave }) => `The wave "${wave}" is not open; nothing was imported`,
    'screening.wave-cancelled': ({ wave }) => `The wave "${wave}" was cancelled; nothing was imported`,
    'screening.unsupported-instrument': ({ instrument }) => `Unsupported instrument ${instrument}`,
    'screening.no-tier-rules': 'The school plugin has no attention tier rules (tier-thresholds)',
    'screening.tier-rules-miss-instrument': ({ plugin, version, instrument }) =>
      `The tier rules of your school's plugin (${plugin} ${version}) do not cover ${instrument}`,
    'screening.import-server-error':
      'The import stopped on a server error; stored batches are kept, import the same file again to complete it',
    'screening.import-starter-gone':
      'The person who started the import can no longer import; it did not finish',
    'screening.import-gave-up': ({ reason }) =>
      `The import stopped after repeated interruptions (${reason}); stored batches are kept, import the same file again to complete it`,
    'screening.import-orphaned':
      'The import was interrupted (the server stopped) and nothing carries it on; stored batches are kept, import the same file again to complete it',
    'screening.stored-reason': ({ text }) => text,
    'screening.student-number-missing': 'The student number is missing',
    'screening.yes-or-no': ({ value }) => `"${value}" is not yes or no`,
    'screening.submission-time': ({ value }) =>
      `"${value}" is not a time (write 2025-03-01 or 2025-03-01 14:30)`,
    'screening.answers-invalid': ({ en }) => en,
    'screening.number-repeated': ({ studentNumber, first }) =>
      `Student number ${studentNumber} is already on row ${first}; only a student's first row is imported`,
    'screening.no-tier-for-result': ({ error }) =>
      `Your school's rules give this result no attention tier (${error})`,
    'screening.no-such-student-number': ({ studentNumber }) =>
      `No student with number ${studentNumber} (or not in the units you manage)`,
    'screening.name-mismatch': ({ name, studentNumber }) =>
      `The name "${name}" is not that of student ${studentNumber}`,
  },
} satisfies CataloguePart;
