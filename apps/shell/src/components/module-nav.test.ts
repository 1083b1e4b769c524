import { describe, expect, it } from 'vitest';
import { isWithinModule } from './module-nav.ts';

describe('isWithinModule', () => {
  it('keeps a module highlighted on its own page and on its sub-pages', () => {
    expect(isWithinModule('/peer-alliance', '/peer-alliance')).toBe(true);
    expect(isWithinModule('/peer-alliance/ranking', '/peer-alliance')).toBe(true);
    expect(isWithinModule('/college-station/students/42', '/college-station/')).toBe(true);
  });

  it('does not highlight a module whose path is only a prefix of another word', () => {
    expect(isWithinModule('/peer-alliance-archive', '/peer-alliance')).toBe(false);
    expect(isWithinModule('/', '/peer-alliance')).toBe(false);
  });
});
