import { messageParityProblems } from '@xinqiao/web-kit/i18n-parity';
import { describe, expect, it } from 'vitest';
import { en, zhCN } from './messages.ts';

describe('concern report messages', () => {
  it('has the same keys and placeholders in zh-CN and English, none empty', () => {
    expect(messageParityProblems(zhCN, en)).toEqual([]);
  });

  it('names every status a reporter can see', () => {
    expect(Object.keys(zhCN.status)).toEqual(['received', 'handling', 'closed']);
  });
});
