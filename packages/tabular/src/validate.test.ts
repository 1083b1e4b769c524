import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readRows } from './read-rows.ts';
import { collectRows, validateRows } from './validate.ts';

const studentRow = z.object({
  studentNumber: z.string().regex(/^\d{10}$/, '学号应为 10 位数字'),
  name: z.string().min(1, '姓名不能为空'),
  enrolmentYear: z.coerce.number().int('入学年份应为整数').min(2000, '入学年份不早于 2000'),
});
const options = {
  aliases: {
    studentNumber: ['学号', 'student_number'],
    name: ['姓名'],
    enrolmentYear: ['入学年份', 'enrolment_year'],
  },
  required: ['studentNumber', 'name', 'enrolmentYear'],
};
const rowsOf = (text: string) =>
  readRows({ bytes: new TextEncoder().encode(text), filename: 'a.csv' }, options);

describe('validateRows', () => {
  it('yields typed records for good rows', async () => {
    const result = await collectRows(
      validateRows(rowsOf('学号,姓名,入学年份\n2024010001,张三,2024\n'), studentRow),
    );
    expect(result.records).toEqual([
      { rowNumber: 2, record: { studentNumber: '2024010001', name: '张三', enrolmentYear: 2024 } },
    ]);
    expect(result.errorCount).toBe(0);
  });

  it('reports each bad cell with its spreadsheet row, the header the file used and the schema’s reason', async () => {
    const file = 'student_number,姓名,入学年份\n2024010001,张三,2024\n20240102,,1999\n2024010003,王五,2024\n';
    const result = await collectRows(validateRows(rowsOf(file), studentRow));
    expect(result.errors.map(({ row, column, reason }) => ({ row, column, reason }))).toEqual([
      { row: 3, column: 'student_number', reason: '学号应为 10 位数字' },
      { row: 3, column: '姓名', reason: '姓名不能为空' },
      { row: 3, column: '入学年份', reason: '入学年份不早于 2000' },
    ]);
    expect(result.errors.map((e) => e.issue?.code)).toEqual(['invalid_format', 'too_small', 'too_small']);
    expect(result.records.map((r) => r.rowNumber)).toEqual([2, 4]);
    expect(result.rowCount).toBe(3);
  });

  it('lets columnOf rename a field for messages', async () => {
    const result = await collectRows(
      validateRows(rowsOf('学号,姓名,入学年份\nx,张三,2024\n'), studentRow, {
        studentNumber: '学号（10 位）',
      }),
    );
    expect(result.errors[0]!.column).toBe('学号（10 位）');
  });

  it('flags a row whose cells spill past the header, naming the first stray cell', async () => {
    const result = await collectRows(
      validateRows(rowsOf('学号,姓名,入学年份\n2024010001,张,三,2024\n'), studentRow),
    );
    expect(result.errors[0]).toMatchObject({ row: 2, column: null });
    expect(result.errors[0]!.reason).toContain('“2024”');
    expect(result.errors[0]!.strayCells).toEqual(['2024']);
  });

  it('counts every error but keeps only maxErrors of them', async () => {
    const lines = Array.from({ length: 30 }, (_, i) => `bad${i},张三,2024`).join('\n');
    const result = await collectRows(validateRows(rowsOf(`学号,姓名,入学年份\n${lines}\n`), studentRow), {
      maxErrors: 10,
    });
    expect(result.errorCount).toBe(30);
    expect(result.errors).toHaveLength(10);
    expect(result.errors[9]!.row).toBe(11);
  });
});
