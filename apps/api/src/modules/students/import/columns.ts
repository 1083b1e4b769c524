import { z } from 'zod';

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

const phone = z.string().regex(/^\+?\d[\d-]{4,19}$/, '电话号码格式不正确（只能有数字和 -）');

/**
 * One data row of a student import, with zh-CN messages (they reach the user as the row error's reason). A
 * guardian is optional, but a guardian given at all needs a name and a phone.
 */
export const StudentImportRow = z
  .object({
    studentNumber: z
      .string()
      .min(1, '学号不能为空')
      .max(40, '学号不能超过 40 个字符')
      .regex(/^[0-9A-Za-z_-]+$/, '学号只能包含字母、数字、- 和 _'),
    name: z.string().min(1, '姓名不能为空').max(50, '姓名不能超过 50 个字符'),
    gender: z.preprocess(
      (value) => (typeof value === 'string' ? (genders[value.toLowerCase()] ?? value) : value),
      z.enum(['male', 'female'], { message: '性别应为“男”或“女”（male / female）' }),
    ),
    enrolmentYear: z
      .string()
      .regex(/^\d{4}$/, '入学年份应为四位数字，如 2024')
      .transform(Number)
      .pipe(z.number().min(1950, '入学年份不能早于 1950').max(2100, '入学年份不能晚于 2100')),
    college: z.string().min(1, '学院不能为空').max(100),
    className: z.string().min(1, '班级不能为空').max(100),
    dorm: optional(z.string().max(100)),
    phone: optional(phone),
    email: optional(z.email('邮箱格式不正确').max(200)),
    guardianName: optional(z.string().max(50, '监护人姓名不能超过 50 个字符')),
    guardianRelation: optional(z.string().max(20, '监护人关系不能超过 20 个字符')),
    guardianPhone: optional(phone),
  })
  .superRefine((row, ctx) => {
    const anyGuardian = row.guardianName || row.guardianRelation || row.guardianPhone;
    if (!anyGuardian) return;
    if (!row.guardianName)
      ctx.addIssue({ code: 'custom', path: ['guardianName'], message: '填写了监护人信息，但缺少监护人姓名' });
    if (!row.guardianPhone)
      ctx.addIssue({
        code: 'custom',
        path: ['guardianPhone'],
        message: '填写了监护人信息，但缺少监护人电话',
      });
  });

export type StudentImportRecord = z.infer<typeof StudentImportRow>;
