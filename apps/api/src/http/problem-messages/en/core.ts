import type { Permission } from '../../../auth/permissions.ts';
import type { CataloguePart } from '../catalogue.ts';
import { refusals } from './permissions.ts';

const constraintNote = (constraint: string | undefined) => (constraint ? ` (constraint ${constraint})` : '');

const typeNames: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'yes or no',
  array: 'a list',
  object: 'an object',
  date: 'a date',
  file: 'a file',
};

const unitOf: Record<string, string> = { string: 'character', array: 'item', set: 'item', file: 'byte' };

const formatNames: Record<string, string> = {
  email: 'an email address',
  url: 'a URL',
  uuid: 'a UUID',
  datetime: 'an ISO 8601 date and time',
  date: 'a date (YYYY-MM-DD)',
  time: 'a time',
};

const counted = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** The texts of the HTTP layer, sessions, the database's refusals and schema checks, in English. */
export const core = {
  problems: {
    'validation.invalid-field': {
      title: 'Invalid request',
      detail: ({ fields }) => `Check: ${fields.join(', ')}`,
    },
    'http.bad-request': { title: 'Bad request', detail: 'The server cannot read this request.' },
    'http.not-found': { title: 'Not found', detail: 'Nothing was found here.' },
    'http.no-route': {
      title: 'No such route',
      detail: ({ method, path }) => `There is no route ${method} ${path}.`,
    },
    'http.method-not-allowed': {
      title: 'Method not allowed',
      detail: 'This path does not take this method.',
    },
    'http.payload-too-large': {
      title: 'Request too large',
      detail: ({ maxMiB }) =>
        maxMiB === undefined
          ? 'The request body is too large.'
          : `The request body is larger than ${maxMiB} MiB.`,
    },
    'http.unsupported-media-type': {
      title: 'Unsupported media type',
      detail: 'The body has a type this path does not take.',
    },
    'http.headers-too-large': {
      title: 'Request headers too large',
      detail: ({ maxKiB }) =>
        `The request headers together exceed ${maxKiB} KiB; clear this site's cookies and try again.`,
    },
    'http.request-timeout': {
      title: 'Request timeout',
      detail: 'The request was not sent in full in time; try again.',
    },
    'http.csrf-token': {
      title: 'Security check failed',
      detail: 'The x-csrf-token header is missing or wrong; reload the page and try again.',
    },
    'http.cross-site': {
      title: 'Cross-site request refused',
      detail: ({ origin }) =>
        origin ? `Requests from ${origin} are not accepted.` : 'Requests from other sites are not accepted.',
    },
    'server.internal': {
      title: 'Internal server error',
      detail: 'The server failed to answer this request; it has been logged.',
    },
    'server.busy': {
      title: 'Server busy',
      detail: ({ retryAfterSeconds }) =>
        `Too many requests are waiting for the database; try again in ${retryAfterSeconds} s.`,
    },

    'auth.sign-in-required': { title: 'Sign in first', detail: 'Sign in to do this.' },
    'auth.session-expired': { title: 'Session expired', detail: 'The session expired; sign in again.' },
    'auth.account-disabled': {
      title: 'Account disabled',
      detail: 'This account is disabled; ask your school administrator.',
    },
    'auth.wrong-credentials': { title: 'Sign-in failed', detail: 'Wrong school, username or password.' },
    'auth.too-many-attempts': {
      title: 'Too many attempts',
      detail: 'Too many failed sign-ins; try again later.',
    },
    'auth.permission-denied': {
      title: 'Not allowed',
      detail: ({ permission }) => refusals[permission as Permission] ?? 'Your roles do not allow this.',
    },

    'database.duplicate-key': {
      title: 'Already exists',
      detail: ({ constraint }) => `A record with the same key already exists${constraintNote(constraint)}.`,
    },
    'database.missing-reference': {
      title: 'Referenced record missing',
      detail: ({ constraint }) =>
        `The record refers to, or is referred to by, a record that does not exist or is not visible to you${constraintNote(constraint)}.`,
    },
    'database.out-of-range': {
      title: 'Value out of range',
      detail: ({ constraint }) => `A value is out of its allowed range${constraintNote(constraint)}.`,
    },
    'database.value-missing': {
      title: 'Value missing',
      detail: ({ constraint }) => `A required value is missing${constraintNote(constraint)}.`,
    },
    'database.bad-format': {
      title: 'Wrong format',
      detail: ({ constraint }) => `A value has the wrong format${constraintNote(constraint)}.`,
    },
    'database.not-permitted': {
      title: 'Not allowed to change',
      detail: ({ constraint }) => `This record is outside what you may change${constraintNote(constraint)}.`,
    },
  },
  messages: {
    'field.required': 'Required',
    'field.wrong-type': ({ expected }) => `Must be ${typeNames[expected] ?? expected}`,
    'field.too-small': ({ origin, minimum, inclusive }) => {
      if (origin === 'string' && minimum === 1 && inclusive) return 'Must not be empty';
      const unit = unitOf[origin];
      if (unit) return `At least ${counted(inclusive ? minimum : minimum + 1, unit)}`;
      return inclusive ? `Must be at least ${minimum}` : `Must be more than ${minimum}`;
    },
    'field.too-big': ({ origin, maximum, inclusive }) => {
      const unit = unitOf[origin];
      if (unit) return `At most ${counted(inclusive ? maximum : maximum - 1, unit)}`;
      return inclusive ? `Must be at most ${maximum}` : `Must be less than ${maximum}`;
    },
    'field.invalid-format': ({ format }) => `Not ${formatNames[format] ?? 'in the right format'}`,
    'field.invalid-option': ({ values }) => `Must be one of: ${values.join(', ')}`,
    'field.unknown-keys': ({ keys }) => `Unknown field(s): ${keys.join(', ')}`,
    'field.not-multiple-of': ({ divisor }) => `Must be a multiple of ${divisor}`,
    'field.invalid': 'Invalid value',
    'field.nul-character': 'Must not contain the NUL character (U+0000)',
    'field.bad-percent-encoding': 'Invalid percent-encoding (send what encodeURIComponent gives)',
    'field.nothing-to-change': 'Nothing to change',
  },
} satisfies CataloguePart;
