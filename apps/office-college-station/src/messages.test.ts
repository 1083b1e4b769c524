import { messageParityProblems } from '@xinqiao/web-kit/i18n-parity';
import { describe, expect, it } from 'vitest';
import { studentAccountEn, studentAccountZh } from './components/student-account-messages.ts';
import { en, zhCN } from './messages.ts';
import { warningsEn, warningsZh } from './warnings/messages.ts';

describe('college station messages', () => {
  it.each([
    ['the module', zhCN, en],
    ['student accounts', studentAccountZh, studentAccountEn],
    ['warnings', warningsZh, warningsEn],
  ] as const)('%s: the same keys and placeholders in zh-CN and English, none empty', (_, zh, en) => {
    expect(messageParityProblems(zh, en)).toEqual([]);
  });
});
