import { describe, expect, it } from 'vitest';
import { pathOf, type View, viewOf } from './routes.ts';

describe('the crisis module’s pages', () => {
  const views: View[] = [
    { name: 'board' },
    { name: 'open' },
    { name: 'hospitals' },
    { name: 'crisis', id: '3f1c' },
    { name: 'report', id: '3f1c' },
  ];

  it.each(views)('reads back the path of $name', (view) => {
    expect(viewOf(pathOf(view, '/crisis'), '/crisis')).toEqual(view);
  });

  it('shows the board for an unknown sub-path', () => {
    expect(viewOf('/crisis/a/b/c', '/crisis')).toEqual({ name: 'board' });
  });
});
