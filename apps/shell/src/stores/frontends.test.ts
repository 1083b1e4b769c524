import type { FrontendModule } from '@xinqiao/web-kit';
import { describe, expect, it } from 'vitest';
import { moduleAtPath } from './frontends.ts';

const module = (id: string, routePath: string): FrontendModule => ({
  id,
  title: { zh: id, en: id },
  remoteName: id,
  manifestUrl: `/modules/${id}/mf-manifest.json`,
  exposes: './App',
  routePath,
  source: 'office',
});

describe('moduleAtPath', () => {
  const modules = [module('student-affairs', '/student-affairs'), module('plugin-hrbmu', '/plugins/hrbmu')];

  it('finds the module at its path and at its sub-paths', () => {
    expect(moduleAtPath(modules, '/student-affairs')?.id).toBe('student-affairs');
    expect(moduleAtPath(modules, '/student-affairs/')?.id).toBe('student-affairs');
    expect(moduleAtPath(modules, '/plugins/hrbmu/calendar')?.id).toBe('plugin-hrbmu');
  });

  it('does not match a path that only starts with the same letters', () => {
    expect(moduleAtPath(modules, '/student-affairs-old')).toBeUndefined();
    expect(moduleAtPath(modules, '/')).toBeUndefined();
  });
});
