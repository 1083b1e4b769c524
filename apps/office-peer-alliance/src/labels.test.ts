import { describe, expect, it } from 'vitest';
import { ATTENDED_KINDS, MEMBER_FINDINGS, MISTAKE_KINDS, REWARD_KINDS } from './labels.ts';

describe('peer alliance: the choices of the forms', () => {
  it('offers what an officer schedules, without the tasks given with a deadline', () => {
    expect(ATTENDED_KINDS).toEqual(['routine_meeting', 'plenary_meeting', 'duty_shift', 'activity']);
  });

  it('offers every reward, mistake and member finding the API takes', () => {
    expect(REWARD_KINDS).toContain('suggestion-adopted');
    expect(MISTAKE_KINDS).toEqual(['serious-mistake', 'careless-work']);
    expect(MEMBER_FINDINGS).toHaveLength(11);
    expect(MEMBER_FINDINGS).toContain('failedCourseThisTerm');
    expect(MEMBER_FINDINGS.every((f) => !f.includes(':'))).toBe(true);
  });
});
