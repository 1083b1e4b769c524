import { z } from 'zod';
import { schemaMessage } from '../../../http/zod-issues.ts';

/**
 * The columns of a student import: key → the headers accepted for it, Chinese first (the name shown to users).
 * Contact and guardian columns may be left out of the file.
 */
export const importColumns = {
  studentNumber: ['学号', 'student_number'],
  name: ['姓名', 'name'],
  gender: ['性别', 'gender'],
  enrolmentYear: ['入学年份', 'enrolment_year', 'enrollment_year'],
  college: ['学院', 'college'],
  className: ['班级', 'class'],
  dorm: ['宿舍', 'dorm', '寝室'],
  phone: ['手机', 'phone', '手机号', '电话'],
  email: ['邮箱', 'email', '电子邮箱'],
  guardianName: ['监护人姓名', 'guardian_name'],
  guardianRelation: ['监护人关系', 'guardian_relation'],
  guardianPhone: ['监护人电话', 'guardian_phone'],
} as const satisfies Record<string, readonly string[]>;

export type ImportColumn = keyof typeof importColumns;

export const requiredImportColumns: readonly ImportColumn[] = [
  'studentNumber',
  'name',
  'gender',
  'enrolmentYear',
  'college',
  'className',
];

const genders: Record<string, 'male' | 'female'> = {
  男: 'male',
  女: 'female',
  male: 'male',
  female: 'female',
};

/** An empty cell, or a column the file does not have, is `undefined`. */
const blank = (value: unknown) => (value === '' || value === undefined ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());

const phone = z.string().regex(/^\+?\d[\d-]{4,19}$/, schemaMessage('students.phone-format'));

/**
 * One data row of a student import. Its own messages are message codes, and zod's kinds of issue are worded by
 * the API, so a row error's reason reads in the user's language. A guardian is optional, but a guardian given at
 * all needs a name and a phone.
 */
export const StudentImportRow = z
  .object({
    studentNumber: z
      .string()
      .min(1)
      .max(40)
      .regex(/^[0-9A-Za-z_-]+$/, schemaMessage('students.number-characters')),
    name: z.string().min(1).max(50),
    gender: z.preprocess(
      (value) => (typeof value === 'string' ? (genders[value.toLowerCase()] ?? value) : value),
      z.enum(['male', 'female'], { message: schemaMessage('students.gender') }),
    ),
    enrolmentYear: z
      .string()
      .regex(/^\d{4}$/, schemaMessage('students.enrolment-year-format'))
      .transform(Number)
      .pipe(z.number().min(1950).max(2100)),
    college: z.string().min(1).max(100),
    className: z.string().min(1).max(100),
    dorm: optional(z.string().max(100)),
    phone: optional(phone),
    email: optional(z.email().max(200)),
    guardianName: optional(z.string().max(50)),
    guardianRelation: optional(z.string().max(20)),
    guardianPhone: optional(phone),
  })
  .superRefine((row, ctx) => {
    const anyGuardian = row.guardianName || row.guardianRelation || row.guardianPhone;
    if (!anyGuardian) return;
    if (!row.guardianName) {
      ctx.addIssue({
        code: 'custom',
        path: ['guardianName'],
        message: schemaMessage('students.guardian-name-missing'),
      });
    }
    if (!row.guardianPhone) {
      ctx.addIssue({
        code: 'custom',
        path: ['guardianPhone'],
        message: schemaMessage('students.guardian-phone-missing'),
      });
    }
  });

export type StudentImportRecord = z.infer<typeof StudentImportRow>;
