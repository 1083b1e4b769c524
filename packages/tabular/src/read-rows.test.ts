import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TabularError } from './errors.ts';
import { all, buildXlsx, chunked, encodeGbk } from './fixtures.test-helpers.ts';
import { type ReadRowsOptions, readRows } from './read-rows.ts';
import type { TabularSource } from './source.ts';

const STUDENT_COLUMNS: ReadRowsOptions = {
  aliases: { studentNumber: ['学号', 'student_number'], name: ['姓名', 'name'] },
  required: ['studentNumber', 'name'],
};
const utf8 = (text: string) => new TextEncoder().encode(text);
const csv = (text: string, options: ReadRowsOptions = STUDENT_COLUMNS) =>
  all(readRows({ bytes: utf8(text), filename: 'students.csv' }, options));

async function failure(
  source: TabularSource,
  options: ReadRowsOptions = STUDENT_COLUMNS,
): Promise<TabularError> {
  try {
    await all(readRows(source, options));
  } catch (error) {
    if (error instanceof TabularError) return error;
    throw error;
  }
  throw new Error('expected a TabularError');
}

describe('readRows (CSV)', () => {
  it('maps 学号 and student_number to the same key and numbers rows as the spreadsheet does', async () => {
    const chinese = await csv('学号,姓名\n2024010001,张三\n2024010002,李四\n');
    const english = await csv('student_number,Name\n2024010001,张三\n2024010002,李四\n');
    expect(chinese.map((r) => [r.rowNumber, r.values])).toEqual([
      [2, { studentNumber: '2024010001', name: '张三' }],
      [3, { studentNumber: '2024010002', name: '李四' }],
    ]);
    expect(english.map((r) => r.values)).toEqual(chinese.map((r) => r.values));
    expect(chinese[0]!.headers).toEqual({ studentNumber: '学号', name: '姓名' });
  });

  it('trims headers and cells, accepts a required-marker star, and keeps unknown columns under their header', async () => {
    const rows = await csv(' 学号* , 姓名 ,备注\n 2024010001 , 张三 , 转专业 \n');
    expect(rows[0]!.values).toEqual({ studentNumber: '2024010001', name: '张三', 备注: '转专业' });
  });

  it('skips blank rows but keeps counting them, and counts a two-line quoted cell as one row', async () => {
    const rows = await csv(
      '学号,姓名,备注\r\n\r\n2024010001,张三,"第一行\n第二行"\r\n,,\r\n2024010002,李四,\r\n',
    );
    expect(rows.map((r) => r.rowNumber)).toEqual([3, 5]);
    expect(rows[0]!.values.备注).toBe('第一行\n第二行');
  });

  it('fills missing trailing cells with empty strings', async () => {
    const rows = await csv('学号,姓名,备注\n2024010001,张三\n');
    expect(rows[0]!.values).toEqual({ studentNumber: '2024010001', name: '张三', 备注: '' });
  });

  it('drops a UTF-8 BOM so the first header still matches', async () => {
    const rows = await all(
      readRows({ bytes: utf8('\uFEFF学号,姓名\n1,张三\n'), filename: 'a.csv' }, STUDENT_COLUMNS),
    );
    expect(rows[0]!.values.studentNumber).toBe('1');
  });

  it('reads a GBK file as Chinese Excel saves it', async () => {
    const bytes = encodeGbk('学号,姓名\r\n2024010001,张三\r\n2024010002,欧阳娜娜\r\n');
    const rows = await all(readRows({ bytes, filename: '学生名单.csv' }, STUDENT_COLUMNS));
    expect(rows.map((r) => r.values.name)).toEqual(['张三', '欧阳娜娜']);
  });

  it('waits for the first non-ASCII bytes before deciding the encoding', async () => {
    const bytes = encodeGbk('student_number,name\n2024010001,Zhang San\n2024010002,李四\n');
    const rows = await all(readRows({ stream: chunked(bytes, 16), format: 'csv' }, STUDENT_COLUMNS));
    expect(rows.map((r) => r.values.name)).toEqual(['Zhang San', '李四']);
  });

  it('reads Excel “Unicode text”: UTF-16LE with a BOM, tab-separated', async () => {
    const text = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('学号\t姓名\r\n1\t张三\r\n', 'utf16le'),
    ]);
    const rows = await all(readRows({ bytes: new Uint8Array(text), filename: 'a.txt' }, STUDENT_COLUMNS));
    expect(rows.map((r) => r.values)).toEqual([{ studentNumber: '1', name: '张三' }]);
  });

  it('decodes UTF-8 split mid-character across chunks', async () => {
    const stream = chunked(utf8('学号,姓名\n2024010001,张三\n2024010002,李四\n'), 5);
    const rows = await all(readRows({ stream, format: 'csv' }, STUDENT_COLUMNS));
    expect(rows.map((r) => r.values.name)).toEqual(['张三', '李四']);
  });

  it('says which encoding it expected when the bytes do not decode', async () => {
    const error = await failure(
      { bytes: encodeGbk('学号,姓名\n1,张三\n'), filename: 'a.csv' },
      {
        ...STUDENT_COLUMNS,
        encoding: 'utf-8',
      },
    );
    expect(error.code).toBe('encoding');
    expect(error.reason).toContain('UTF-8');
    expect(error.reason).toContain('CSV UTF-8');
  });

  it('finds semicolon and tab delimiters from the header line', async () => {
    expect((await csv('学号;姓名\n1;张三\n'))[0]!.values.name).toBe('张三');
    expect((await csv('学号\t姓名\n1\t张 三\n'))[0]!.values.name).toBe('张 三');
  });

  it('names the missing required header, with its other accepted names', async () => {
    const error = await failure({ bytes: utf8('姓名,备注\n张三,\n'), filename: 'a.csv' });
    expect(error).toMatchObject({ code: 'missing_header', column: '学号', row: 1 });
    expect(error.reason).toBe('缺少必需的列“学号”（也可写作 student_number）。');
  });

  it('rejects two columns that mean the same key', async () => {
    const error = await failure({ bytes: utf8('学号,姓名,student_number\n1,张三,1\n'), filename: 'a.csv' });
    expect(error).toMatchObject({ code: 'duplicate_header', column: 'student_number' });
  });

  it('reports an unclosed quote with the row number', async () => {
    const error = await failure({ bytes: utf8('学号,姓名\n1,张三\n2,"李"四\n'), filename: 'a.csv' });
    expect(error).toMatchObject({ code: 'malformed', row: 3 });
  });

  it('hands cells beyond the header over as stray cells', async () => {
    const rows = await csv('学号,姓名\n1,张,三\n');
    expect(rows[0]!.strayCells).toEqual(['三']);
  });

  it('keeps a __proto__ header as an ordinary key', async () => {
    const rows = await csv('__proto__,学号,姓名\nx,1,张三\n');
    expect(Object.hasOwn(rows[0]!.values, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(rows[0]!.values)).toBe(Object.prototype);
  });

  it('stops at maxRows', async () => {
    const error = await failure(
      { bytes: utf8('学号,姓名\n1,a\n2,b\n3,c\n'), filename: 'a.csv' },
      {
        ...STUDENT_COLUMNS,
        maxRows: 2,
      },
    );
    expect(error).toMatchObject({ code: 'too_many_rows', row: 4 });
  });

  it('rejects empty files, header-less files, legacy .xls and unknown extensions', async () => {
    expect((await failure({ bytes: new Uint8Array(0), filename: 'a.csv' })).code).toBe('empty_file');
    expect((await failure({ bytes: utf8('\n , \n'), filename: 'a.csv' })).code).toBe('empty_file');
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await failure({ bytes: xls, filename: 'a.xls' })).reason).toContain('.xls');
    expect((await failure({ bytes: utf8('%PDF-1.7'), filename: 'a.pdf' })).code).toBe('unsupported_format');
  });
});

describe('readRows (XLSX)', () => {
  const dir = mkdtemp(join(tmpdir(), 'xinqiao-tabular-'));
  afterAll(async () => rm(await dir, { recursive: true, force: true }));

  it('reads the first sheet with real row numbers, numbers, dates, formulas and rich text as text', async () => {
    const bytes = await buildXlsx({
      学生名单: [
        ['学号', '姓名', '入学日期', '绩点'],
        [2024010001, '张三', new Date(Date.UTC(2024, 8, 1)), 3.1],
        null,
        [
          '2024010002',
          { richText: [{ text: '欧阳' }, { text: '娜娜' }] },
          null,
          { formula: 'B1', result: 3.45 },
        ],
      ],
      其他: [['x'], ['y']],
    });
    const rows = await all(readRows({ bytes, filename: 'students.xlsx' }, STUDENT_COLUMNS));
    expect(rows.map((r) => [r.rowNumber, r.values])).toEqual([
      [2, { studentNumber: '2024010001', name: '张三', 入学日期: '2024-09-01', 绩点: '3.1' }],
      [4, { studentNumber: '2024010002', name: '欧阳娜娜', 入学日期: '', 绩点: '3.45' }],
    ]);
  });

  it('reads a named sheet, from a file on disk', async () => {
    const bytes = await buildXlsx({
      说明: [['请勿修改']],
      学生: [
        ['student_number', 'name'],
        ['1', '张三'],
      ],
    });
    const path = join(await dir, 'students.xlsx');
    await writeFile(path, bytes);
    const rows = await all(readRows({ filename: path }, { ...STUDENT_COLUMNS, sheet: '学生' }));
    expect(rows.map((r) => r.values)).toEqual([{ studentNumber: '1', name: '张三' }]);
  });

  it('recognises XLSX by its content even when the name says CSV', async () => {
    const bytes = await buildXlsx({
      学生: [
        ['学号', '姓名'],
        ['1', '张三'],
      ],
    });
    const rows = await all(
      readRows({ stream: chunked(bytes, 1000), filename: 'students.csv' }, STUDENT_COLUMNS),
    );
    expect(rows).toHaveLength(1);
  });

  it('names the missing header in an XLSX file too', async () => {
    const bytes = await buildXlsx({ 学生: [['姓名'], ['张三']] });
    expect(await failure({ bytes, filename: 'a.xlsx' })).toMatchObject({
      code: 'missing_header',
      column: '学号',
    });
  });

  it('reports a damaged workbook and a missing sheet', async () => {
    const bytes = await buildXlsx({
      学生: [
        ['学号', '姓名'],
        ['1', '张三'],
      ],
    });
    expect((await failure({ bytes: bytes.subarray(0, 200), filename: 'a.xlsx' })).code).toBe('unreadable');
    const missing = await failure({ bytes, filename: 'a.xlsx' }, { ...STUDENT_COLUMNS, sheet: '教师' });
    expect(missing.reason).toContain('教师');
    expect(missing.reason).toContain('学生');
  });
});
