import { messageParityProblems } from '@xinqiao/web-kit/i18n-parity';
import { describe, expect, it } from 'vitest';
import { channelsEn, channelsZh } from './channel-messages.ts';
import { feedsEn, feedsZh } from './feeds/messages.ts';
import { en, zhCN } from './messages.ts';
import { studentAccountsEn, studentAccountsZh } from './student-accounts/messages.ts';

describe('school administration messages', () => {
  it.each([
    ['the module', zhCN, en],
    ['notification channels', channelsZh, channelsEn],
    ['data feeds', feedsZh, feedsEn],
    ['student accounts', studentAccountsZh, studentAccountsEn],
  ] as const)('%s: the same keys and placeholders in zh-CN and English, none empty', (_, zh, en) => {
    expect(messageParityProblems(zh, en)).toEqual([]);
  });
});
