import { describe, expect, it } from 'vitest';
import { pathOf, viewOf } from './routes.ts';

describe('support/routes', () => {
  it('reads a list and a file from the shell path, and writes them back', () => {
    expect(viewOf('/support/lists/a1', '/support')).toEqual({ name: 'list', id: 'a1' });
    expect(viewOf('/support/files/f2', '/support')).toEqual({ name: 'file', id: 'f2' });
    expect(viewOf('/support/whatever/x/y', '/support')).toEqual({ name: 'lists' });
    expect(pathOf({ name: 'file', id: 'f2' }, '/support')).toBe('/support/files/f2');
    expect(pathOf({ name: 'lists' }, '/support')).toBe('/support');
  });
});
