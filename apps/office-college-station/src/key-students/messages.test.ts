import { messageParityProblems } from '@xinqiao/web-kit/i18n-parity';
import { describe, expect, it } from 'vitest';
import { keyStudentsEn, keyStudentsZh, kpisEn, kpisZh } from './messages.ts';

describe('key-student and KPI messages', () => {
  it.each([
    ['key students', keyStudentsZh, keyStudentsEn],
    ['KPIs', kpisZh, kpisEn],
  ] as const)('%s: the same keys and placeholders in zh-CN and English, none empty', (_, zh, en) => {
    expect(messageParityProblems(zh, en)).toEqual([]);
  });
});
