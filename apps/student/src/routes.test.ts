import { describe, expect, it } from 'vitest';
import { pathOf, viewOf } from './routes.ts';

describe('student/routes', () => {
  it('reads each view from its path and writes the same path back', () => {
    for (const view of [
      { name: 'home' },
      { name: 'password' },
      { name: 'appointments' },
      { name: 'tree-hole' },
      { name: 'help' },
      { name: 'screening', waveId: 'w1' },
    ] as const) {
      expect(viewOf(pathOf(view, '/student'), '/student')).toEqual(view);
    }
  });

  it('falls back to the home view for an unknown path', () => {
    expect(viewOf('/student/nothing/here', '/student')).toEqual({ name: 'home' });
  });
});
