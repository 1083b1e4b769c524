import { describe, expect, it } from 'vitest';
import { keyStudentsEn, keyStudentsZh, kpisEn, kpisZh } from './messages.ts';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}
const lookup = (messages: unknown, key: string) =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages) as string;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('key-student and KPI messages', () => {
  it('has the same keys and placeholders in zh-CN and English', () => {
    for (const [zh, en] of [
      [keyStudentsZh, keyStudentsEn],
      [kpisZh, kpisEn],
    ] as const) {
      expect(keysOf(en).sort()).toEqual(keysOf(zh).sort());
      for (const key of keysOf(zh)) {
        expect(placeholders(lookup(en, key)), key).toEqual(placeholders(lookup(zh, key)));
      }
    }
  });
});
