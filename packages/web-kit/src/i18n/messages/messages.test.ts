import { describe, expect, it } from 'vitest';
import { messageParityProblems } from '../parity.ts';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';

describe('i18n messages', () => {
  it('has the same keys and placeholders in zh-CN and English, none empty', () => {
    expect(messageParityProblems(zhCN, en)).toEqual([]);
  });
});
