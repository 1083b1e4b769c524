import { describe, expect, it } from 'vitest';
import { en, zhCN } from './messages.ts';

const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );

describe('student/messages', () => {
  it('has every zh-CN text in English too', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });
});
