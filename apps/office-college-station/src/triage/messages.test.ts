import { describe, expect, it } from 'vitest';
import { triageEn, triageZh } from './messages.ts';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}
const lookup = (messages: unknown, key: string) =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages) as string;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('triage messages', () => {
  it('has the same keys and placeholders in zh-CN and English', () => {
    expect(keysOf(triageEn).sort()).toEqual(keysOf(triageZh).sort());
    for (const key of keysOf(triageZh)) {
      expect(placeholders(lookup(triageEn, key)), key).toEqual(placeholders(lookup(triageZh, key)));
    }
  });
});
