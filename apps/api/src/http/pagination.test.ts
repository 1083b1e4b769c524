import { PgDialect, pgTable, text } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import {
  boundedTotal,
  COUNT_LIMIT,
  containsPattern,
  containsText,
  countBound,
  prefixPattern,
} from './pagination.ts';

describe('http/pagination LIKE patterns', () => {
  it('escapes LIKE wildcards and the escape character', () => {
    expect(containsPattern('张三')).toBe('%张三%');
    expect(containsPattern('100%_a\\b')).toBe('%100\\%\\_a\\\\b%');
    expect(prefixPattern('/r_1/')).toBe('/r\\_1/%');
  });
});

describe('http/pagination containsText', () => {
  const people = pgTable('people', { name: text('name') });
  const shown = (condition: Parameters<PgDialect['sqlToQuery']>[0]) =>
    new PgDialect().sqlToQuery(condition).sql;

  it('matches text without letter case with LIKE and text with it with ILIKE', () => {
    expect(shown(containsText(people.name, '张三'))).toBe('"people"."name" like $1');
    expect(shown(containsText(people.name, '2021-07'))).toBe('"people"."name" like $1');
    expect(shown(containsText(people.name, 'Zhang'))).toBe('"people"."name" ilike $1');
    expect(shown(containsText(people.name, 'Straße'))).toBe('"people"."name" ilike $1');
  });
});

describe('http/pagination bounded totals', () => {
  it('counts at least COUNT_LIMIT rows, and ten pages past a page further on', () => {
    expect(countBound({ page: 1, pageSize: 50 })).toBe(COUNT_LIMIT);
    expect(countBound({ page: 100, pageSize: 50 })).toBe(99 * 50 + 11 * 50);
  });

  it('answers the count when it stayed within the bound, and the bound as a lower bound when it did not', () => {
    expect(boundedTotal(1066, 2000)).toEqual({ total: 1066, totalExact: true });
    expect(boundedTotal(2000, 2000)).toEqual({ total: 2000, totalExact: true });
    expect(boundedTotal(2001, 2000)).toEqual({ total: 2000, totalExact: false });
  });
});
