import { describe, expect, it } from 'vitest';
import { nearestOnPath } from './follow-up.ts';

describe('the person responsible for a follow-up', () => {
  const counsellors = new Map([
    ['/r/c1/', 'counsellor of college 1'],
    ['/r/c1/k2/', 'counsellor of class 2'],
  ]);

  it('is found on the student’s own unit first, then on each unit above it', () => {
    expect(nearestOnPath(counsellors, '/r/c1/k2/d9/')).toBe('counsellor of class 2');
    expect(nearestOnPath(counsellors, '/r/c1/k1/')).toBe('counsellor of college 1');
  });

  it('is nobody when no unit on the path has one (and the search ends)', () => {
    expect(nearestOnPath(counsellors, '/r/c2/k1/d1/')).toBeNull();
    expect(nearestOnPath(new Map([['/r/', 'school-wide']]), '/r/c2/')).toBe('school-wide');
    expect(nearestOnPath(new Map(), '/')).toBeNull();
  });
});
