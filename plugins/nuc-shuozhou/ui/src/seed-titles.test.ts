import { describe, expect, it } from 'vitest';
import { SEED_004 } from './follow-up.ts';
import { SEED_003, seedTitle } from './seed-titles.ts';

describe('seedTitle', () => {
  it("names the campus's support rules and the work plans by their titles, not their file names", () => {
    expect(seedTitle(SEED_004, 'zh-CN')).toBe('《中北大学朔州校区本科学生帮扶教育实施指导意见（修订）》');
    expect(seedTitle(SEED_003, 'zh-CN')).toBe('《学生处工作计划》');
    expect(seedTitle(SEED_004, 'en')).not.toContain('.txt');
  });

  it('keeps the file name of a seed it does not know', () => {
    expect(seedTitle('009_x.txt', 'zh-CN')).toBe('009_x.txt');
  });
});
