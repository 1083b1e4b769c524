import { describe, expect, it } from 'vitest';
import { containsPattern, prefixPattern } from './pagination.ts';

describe('http/pagination LIKE patterns', () => {
  it('escapes LIKE wildcards and the escape character', () => {
    expect(containsPattern('张三')).toBe('%张三%');
    expect(containsPattern('100%_a\\b')).toBe('%100\\%\\_a\\\\b%');
    expect(prefixPattern('/r_1/')).toBe('/r\\_1/%');
  });
});
