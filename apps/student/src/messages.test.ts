import { messageParityProblems } from '@xinqiao/web-kit/i18n-parity';
import { describe, expect, it } from 'vitest';
import { en, zhCN } from './messages.ts';
import { treeHoleMessages } from './tree-hole-messages.ts';

describe('student messages', () => {
  it.each([
    ['the app', zhCN, en],
    ['tree hole', treeHoleMessages['zh-CN'], treeHoleMessages.en],
  ] as const)('%s: the same keys and placeholders in zh-CN and English, none empty', (_, zh, en) => {
    expect(messageParityProblems(zh, en)).toEqual([]);
  });
});
