import { activitySources, cardPlaces, type FeedKind } from '@xinqiao/db';
import { z } from 'zod';
import { schemaMessage } from '../../../http/zod-issues.ts';

/** An empty cell, or a column the file does not have, is `undefined`. */
const blank = (value: unknown) => (value === '' || value === null || value === undefined ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());
/** A number from a spreadsheet cell ("85.5") or JSON (85.5). */
const decimal = (min: number, max: number) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value),
    z.number().min(min).max(max),
  );
const yesNo = z.preprocess((value) => {
  if (typeof value === 'boolean') return value;
  const text = String(value).trim().toLowerCase();
  if (['是', 'y', 'yes', 'true', '1', '通过', 'pass'].includes(text)) return true;
  if (['否', 'n', 'no', 'false', '0', '不通过', 'fail'].includes(text)) return false;
  return value;
}, z.boolean());

const studentNumber = z.preprocess(
  (value) => (typeof value === 'number' ? String(value) : value),
  z
    .string()
    .min(1)
    .max(40)
    .regex(/^[0-9A-Za-z_-]+$/, schemaMessage('students.number-characters')),
);

/**
 * A time as the feeds send it: ISO 8601 with an offset, or `YYYY-MM-DD HH:mm[:ss]` in China time (UTC+8, what the
 * campus systems export). Parsed to an instant.
 */
export const feedTime = z.preprocess(
  (value) => {
    if (value instanceof Date) return value;
    if (typeof value !== 'string') return value;
    const text = value.trim();
    const local = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(:\d{2})?)$/.exec(text);
    const date = new Date(local ? `${local[1]}T${local[2]}${local[3] ? '' : ':00'}+08:00` : text);
    return Number.isNaN(date.getTime()) ? value : date;
  },
  z.date({ message: schemaMessage('field.invalid') }),
);

/** 教务 term grades: one row per student, term, course and attempt. */
export const GradeRow = z
  .object({
    studentNumber,
    term: z.string().regex(/^\d{4}-\d{4}-[12]$/, schemaMessage('field.invalid')),
    courseCode: z.string().min(1).max(40),
    courseName: z.string().min(1).max(100),
    credit: decimal(0, 30),
    score: optional(decimal(0, 100)),
    grade: optional(z.string().min(1).max(8)),
    passed: optional(yesNo),
    resit: optional(yesNo),
  })
  .refine((row) => row.score !== undefined || row.grade !== undefined, {
    message: schemaMessage('feeds.score-or-grade'),
    path: ['score'],
  });
export type GradeRow = z.infer<typeof GradeRow>;

/** 一卡通 spending: a transaction with the card system's number, the amount in yuan and the kind of place. */
export const CardRow = z.object({
  studentNumber,
  occurredAt: feedTime,
  ref: z.preprocess(
    (value) => (typeof value === 'number' ? String(value) : value),
    z
      .string()
      .min(1)
      .max(64)
      .regex(/^[0-9A-Za-z_.:-]+$/, schemaMessage('field.invalid')),
  ),
  amount: decimal(0, 100_000),
  place: z.preprocess(
    (value) => (typeof value === 'string' ? (PLACE_NAMES[value.trim()] ?? value.trim()) : value),
    z.enum(cardPlaces),
  ),
});
export type CardRow = z.infer<typeof CardRow>;

/** A last-seen event: a door, the library, Wi-Fi or a class roll call, with its source. */
export const ActivityRow = z.object({
  studentNumber,
  occurredAt: feedTime,
  source: z.preprocess(
    (value) => (typeof value === 'string' ? (SOURCE_NAMES[value.trim()] ?? value.trim()) : value),
    z.enum(activitySources),
  ),
});
export type ActivityRow = z.infer<typeof ActivityRow>;

const PLACE_NAMES: Record<string, string> = {
  食堂: 'canteen',
  超市: 'shop',
  商店: 'shop',
  图书馆: 'library',
  浴室: 'bath',
  交通: 'transport',
  其他: 'other',
};
const SOURCE_NAMES: Record<string, string> = {
  门禁: 'door',
  图书馆: 'library',
  上网: 'wifi',
  无线网: 'wifi',
  考勤: 'attendance',
  消费: 'card',
};

/** The row schema of each feed. */
export const FEED_ROWS = { grades: GradeRow, card: CardRow, activity: ActivityRow } as const;
export type FeedRow<F extends FeedKind> = z.infer<(typeof FEED_ROWS)[F]>;

/** The columns of each feed's file: key → accepted headers, Chinese first. */
export const FEED_COLUMNS = {
  grades: {
    studentNumber: ['学号', 'student_number', 'studentNumber'],
    term: ['学期', 'term'],
    courseCode: ['课程代码', 'course_code', 'courseCode'],
    courseName: ['课程名称', 'course_name', 'courseName'],
    credit: ['学分', 'credit'],
    score: ['成绩', 'score', '分数'],
    grade: ['等级', 'grade', '等级成绩'],
    passed: ['是否通过', 'passed'],
    resit: ['补考重修', 'resit', '补考'],
  },
  card: {
    studentNumber: ['学号', 'student_number', 'studentNumber'],
    occurredAt: ['交易时间', 'occurred_at', 'occurredAt', '时间'],
    ref: ['流水号', 'ref', '交易号'],
    amount: ['金额', 'amount', '金额（元）'],
    place: ['场所', 'place', '消费场所'],
  },
  activity: {
    studentNumber: ['学号', 'student_number', 'studentNumber'],
    occurredAt: ['时间', 'occurred_at', 'occurredAt'],
    source: ['来源', 'source'],
  },
} as const satisfies Record<FeedKind, Record<string, readonly string[]>>;

/** Columns a file must have. */
export const REQUIRED_FEED_COLUMNS: Record<FeedKind, readonly string[]> = {
  grades: ['studentNumber', 'term', 'courseCode', 'courseName', 'credit'],
  card: ['studentNumber', 'occurredAt', 'ref', 'amount', 'place'],
  activity: ['studentNumber', 'occurredAt', 'source'],
};
