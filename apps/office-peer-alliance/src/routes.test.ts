import { describe, expect, it } from 'vitest';
import { pathOf, type View, viewOf } from './routes.ts';

describe('peer alliance routes', () => {
  it('maps every page to a path and back', () => {
    const views: View[] = [
      { name: 'events' },
      { name: 'sheet', id: 'e 1' },
      { name: 'ranking' },
      { name: 'sanctions' },
      { name: 'member', id: 'm1' },
    ];
    for (const view of views) expect(viewOf(pathOf(view, '/peer-alliance'), '/peer-alliance')).toEqual(view);
  });

  it('falls back to the meetings for unknown paths', () => {
    expect(viewOf('/peer-alliance/nowhere/at/all', '/peer-alliance')).toEqual({ name: 'events' });
    expect(viewOf('/elsewhere', '/peer-alliance')).toEqual({ name: 'events' });
  });
});
