import type { CataloguePart } from '../catalogue.ts';

/** The texts of students, their files, imports and cases, in English. */
export const students = {
  problems: {
    'students.not-found': { title: 'Student not found', detail: 'No such student, or not visible to you.' },
  },
  messages: {},
} satisfies CataloguePart;
