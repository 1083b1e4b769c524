import { z } from '@hono/zod-openapi';
import { caseKinds, caseStatuses } from '@xinqiao/db';
import { StudentDetailSchema } from '../schemas.ts';

const Person = z.object({ id: z.uuid(), displayName: z.string() }).openapi('PersonRef');

export const FileVisibility = z.enum(['restricted', 'network']).openapi({
  description:
    "'restricted': the full view only (counselling records, screening answers); 'network': also class psych " +
    'committee members and dorm liaisons',
});

/** One entry of a student's file: something recorded about the student, or one of the student's cases. */
export const FileEntrySchema = z
  .object({
    id: z.uuid(),
    source: z.enum(['file', 'case']),
    kind: z.string().openapi({ description: "The entry's kind; 'case' for a case" }),
    title: z.string(),
    body: z.string(),
    visibility: FileVisibility,
    recordedAt: z.iso.datetime(),
    recordedBy: Person.nullable(),
    case: z
      .object({
        id: z.uuid(),
        kind: z.enum(caseKinds),
        status: z.enum(caseStatuses),
        dueDate: z.iso.date().nullable(),
        closedAt: z.iso.datetime().nullable(),
      })
      .nullable()
      .openapi({ description: 'Set when the entry is a case' }),
  })
  .openapi('FileEntry');

export const StudentFileSchema = z
  .object({
    student: StudentDetailSchema,
    entries: z.array(FileEntrySchema).openapi({ description: 'Newest first' }),
  })
  .openapi('StudentFile');

export const NewFileEntryBody = z
  .object({
    kind: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{0,39}$/, '类型只能是小写字母、数字和下划线 / lower-case letters, digits and _')
      .openapi({ example: 'interview' }),
    title: z.string().trim().min(1).max(200).openapi({ example: '期中谈心谈话' }),
    body: z.string().max(20_000).default(''),
    visibility: FileVisibility.default('restricted'),
  })
  .openapi('NewFileEntry');
export type NewFileEntry = z.infer<typeof NewFileEntryBody>;
