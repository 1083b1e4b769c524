import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

function lookup(messages: unknown, key: string): string {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages) as string;
}

describe('i18n messages', () => {
  it('has every zh-CN key in English and no extra ones', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(zhCN).sort());
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of keysOf(zhCN)) {
      expect(placeholders(lookup(en, key)), key).toEqual(placeholders(lookup(zhCN, key)));
    }
  });

  it('has no empty text', () => {
    for (const key of keysOf(zhCN)) {
      expect(lookup(zhCN, key).trim(), key).not.toBe('');
      expect(lookup(en, key).trim(), key).not.toBe('');
    }
  });
});
