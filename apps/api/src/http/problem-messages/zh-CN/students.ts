import type { CataloguePart } from '../catalogue.ts';

/** The texts of students, their files, imports and cases, in simplified Chinese. */
export const students = {
  problems: {
    'students.not-found': { title: '未找到学生', detail: '没有这个学生，或你无权查看。' },
  },
  messages: {},
} satisfies CataloguePart;
