import { messageParityProblems } from '@xinqiao/web-kit/i18n-parity';
import { describe, expect, it } from 'vitest';
import { en, zhCN } from './messages.ts';

describe('peer alliance messages', () => {
  it('has the same keys and placeholders in zh-CN and English, none empty', () => {
    expect(messageParityProblems(zhCN, en)).toEqual([]);
  });
});
