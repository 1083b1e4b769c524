import type { CataloguePart } from '../catalogue.ts';

/** The texts of early warning, the data feeds and the integration API, in English. */
export const warnings = {
  problems: {
    'warnings.not-found': { title: 'Warning not found', detail: 'No such warning, or not visible to you.' },
    'warnings.not-open': { title: 'Warning not open', detail: 'This warning is already cleared or closed.' },
    'warnings.not-academic': {
      title: 'Not an academic warning',
      detail: 'An improvement plan belongs to an academic warning (a yellow or red card).',
    },
    'warnings.no-plugin': {
      title: 'No early-warning rules',
      detail: ({ school }) => `The policy plugin of school ${school} has no early-warning area.`,
    },
    'integration.token-required': {
      title: 'Service token required',
      detail: 'Send the service token as "Authorization: Bearer <token>".',
    },
    'integration.token-invalid': {
      title: 'Service token refused',
      detail: 'The service token is unknown or revoked.',
    },
    'integration.feed-not-allowed': {
      title: 'Feed not allowed',
      detail: ({ feed }) => `This service token may not write the ${feed} feed.`,
    },
    'integration.rate-limited': {
      title: 'Too many requests',
      detail: ({ retryAfterSeconds }) =>
        `Too many requests for this token; try again in ${retryAfterSeconds} s.`,
    },
    'integration.token-not-found': {
      title: 'Token not found',
      detail: 'No such service token at this school.',
    },
  },
  messages: {
    'feeds.no-such-student': ({ studentNumber }) =>
      `No student with the number ${studentNumber} at this school`,
    'feeds.grade-outside-scale': ({ grade, allowed }) =>
      `The grade "${grade}" is not on the school's scale (${allowed.join(', ')})`,
    'feeds.score-or-grade': 'Give a score (0–100) or a grade',
    'feeds.future-time': 'The time is in the future',
    'feeds.row-repeated': ({ first }) => `Repeats row ${first}`,
    'feeds.too-many-rows': ({ max }) => `At most ${max} rows per batch`,
  },
} satisfies CataloguePart;
