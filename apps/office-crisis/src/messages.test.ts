import { describe, expect, it } from 'vitest';
import { en, zhCN } from './messages.ts';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

function lookup(messages: unknown, key: string): string {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages) as string;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('crisis intervention messages', () => {
  it('has the same keys and placeholders in both languages, none empty', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(zhCN).sort());
    for (const key of keysOf(zhCN)) {
      expect(placeholders(lookup(en, key)), key).toEqual(placeholders(lookup(zhCN, key)));
      expect(lookup(en, key).trim(), key).not.toBe('');
    }
  });
});
