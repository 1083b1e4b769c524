import type { CataloguePart } from '../catalogue.ts';

/** The texts of the key-student roster, in English. */
export const keyStudents = {
  problems: {
    'key-students.not-found': {
      title: 'Key-student entry not found',
      detail: 'This key-student entry does not exist, or you may not see it.',
    },
    'key-students.already-on-roster': {
      title: 'Already a key student',
      detail: 'This student is already on the key-student roster.',
    },
    'key-students.no-removal-requested': {
      title: 'No removal to approve',
      detail: 'Nobody asked to remove this entry, or it was already removed.',
    },
  },
  messages: {},
} satisfies CataloguePart;
