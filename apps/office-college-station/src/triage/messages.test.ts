import { messageParityProblems } from '@xinqiao/web-kit/i18n-parity';
import { describe, expect, it } from 'vitest';
import { triageEn, triageZh } from './messages.ts';

describe('triage messages', () => {
  it('has the same keys and placeholders in zh-CN and English, none empty', () => {
    expect(messageParityProblems(triageZh, triageEn)).toEqual([]);
  });
});
