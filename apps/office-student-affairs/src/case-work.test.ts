import { describe, expect, it } from 'vitest';
import { caseWorkEn, caseWorkZh, formatShare } from './case-work.ts';

describe('case-work KPIs in the KPI table', () => {
  it('has the same keys in zh-CN and English', () => {
    expect(Object.keys(caseWorkEn).sort()).toEqual(Object.keys(caseWorkZh).sort());
  });

  it('shows a share as done of due with the percentage, and a dash when nothing is due', () => {
    expect(formatShare({ done: 1, total: 3, share: 1 / 3 })).toBe('1 / 3（33.3%）');
    expect(formatShare({ done: 0, total: 0, share: null })).toBe('—');
  });
});
