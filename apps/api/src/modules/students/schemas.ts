import { z } from '@hono/zod-openapi';
import { orNull } from '../../http/or-null.ts';
import { pageOf } from '../../http/pagination.ts';
import { schemaMessage } from '../../http/zod-issues.ts';
import { AttentionTierQuery, AttentionTierSchema } from '../screening/schemas.ts';

const StudentId = z.uuid().openapi({ example: '0d6f3c1e-5b7a-4c4e-9a43-6f1e2b8a9c10' });
const UnitId = z.uuid();

/** A mobile or landline number: digits with optional dashes and a leading +, 5–20 characters. */
export const PhoneNumber = z
  .string()
  .trim()
  .regex(/^\+?\d[\d-]{4,19}$/, schemaMessage('students.phone-format'))
  .openapi({ example: '13800138000' });

export const Gender = z.enum(['male', 'female']);

export const GuardianSchema = z
  .object({
    name: z.string().trim().min(1).max(50),
    relation: z.string().trim().max(20).default(''),
    phone: PhoneNumber,
  })
  .openapi('GuardianContact');

export const StudentParams = z.object({ id: StudentId.openapi({ param: { name: 'id', in: 'path' } }) });

/** What a class psych committee member or dorm liaison sees of a student: who they are and where they live. */
export const ReducedStudentSchema = z
  .object({
    id: StudentId,
    view: z.literal('reduced'),
    studentNumber: z.string(),
    name: z.string(),
    gender: Gender,
    className: z.string(),
    dormName: z.string().nullable(),
  })
  .openapi('ReducedStudent');

/** A student as a full-view list shows it: identity and placement, no contacts. */
export const StudentSummarySchema = z
  .object({
    id: StudentId,
    view: z.literal('full'),
    studentNumber: z.string(),
    name: z.string(),
    gender: Gender,
    enrolmentYear: z.number().int(),
    collegeUnitId: UnitId,
    collegeName: z.string(),
    classUnitId: UnitId,
    className: z.string(),
    dormUnitId: UnitId.nullable(),
    dormName: z.string().nullable(),
    attention: z
      .object({
        tier: orNull(AttentionTierSchema).openapi({
          description: 'Latest screening tier (screening readers)',
        }),
        keyStudent: z.boolean(),
        openItems: z.number().int().openapi({ description: 'Open cases and concern reports' }),
      })
      .optional()
      .openapi({ description: 'Where the student stands, in lists for roles that work on cases' }),
  })
  .openapi('StudentSummary');

/** The whole student record, for the full view only. */
export const StudentSchema = StudentSummarySchema.extend({
  phone: z.string().nullable(),
  email: z.string().nullable(),
  guardians: z.array(GuardianSchema),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
}).openapi('Student');

export const StudentListItemSchema = z.discriminatedUnion('view', [
  StudentSummarySchema,
  ReducedStudentSchema,
]);
export const StudentDetailSchema = z
  .discriminatedUnion('view', [StudentSchema, ReducedStudentSchema])
  .openapi('StudentDetail');
export const StudentPageSchema = pageOf(StudentListItemSchema, 'StudentPage');

export const StudentListQuery = z.object({
  unitId: UnitId.optional().openapi({ description: 'Only students placed in this unit’s subtree' }),
  q: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .openapi({ description: 'Part of the name or the student number' }),
  tier: AttentionTierQuery.optional().openapi({
    description: 'The tier of the latest screening result (roles that read screening)',
  }),
  keyStudent: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ description: 'On the key-student roster or not (roles that work on cases)' }),
  openItems: z
    .enum(['true'])
    .optional()
    .openapi({ description: 'With an open case or concern report (roles that work on cases)' }),
  withTotal: z
    .enum(['true', 'false'])
    .optional()
    .openapi({
      description:
        'true: count the matching students (exactly up to a bound) for `total`. Otherwise only this page is read: ' +
        '`total` is exact on the last page and a lower bound (`totalExact: false`) while more pages follow',
    }),
});

const studentFields = {
  studentNumber: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[0-9A-Za-z_-]+$/, schemaMessage('students.number-characters'))
    .openapi({ example: '2024030127' }),
  name: z.string().trim().min(1).max(50).openapi({ example: '张三' }),
  gender: Gender,
  enrolmentYear: z.number().int().min(1950).max(2100).openapi({ example: 2024 }),
  collegeUnitId: UnitId,
  classUnitId: UnitId,
  dormUnitId: UnitId.nullable().optional(),
  phone: PhoneNumber.nullable().optional(),
  email: z.email().max(200).nullable().optional(),
  guardians: z.array(GuardianSchema).max(5).optional(),
};

export const CreateStudentBody = z.object(studentFields).openapi('CreateStudent');
export type CreateStudentInput = z.infer<typeof CreateStudentBody>;

export const UpdateStudentBody = z
  .object(studentFields)
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: schemaMessage('field.nothing-to-change') })
  .openapi('UpdateStudent');
export type UpdateStudentInput = z.infer<typeof UpdateStudentBody>;
