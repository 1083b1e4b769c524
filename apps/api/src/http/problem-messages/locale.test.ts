import { describe, expect, it } from 'vitest';
import { negotiateLocale } from './locale.ts';

describe('http/problem-messages/locale', () => {
  it('answers in zh-CN when the request names no language', () => {
    expect(negotiateLocale(undefined)).toBe('zh-CN');
    expect(negotiateLocale('')).toBe('zh-CN');
  });

  it('reads every Chinese tag as zh-CN', () => {
    for (const tag of ['zh', 'zh-CN', 'zh-Hans', 'zh-Hans-CN', 'ZH-cn', 'zh-TW']) {
      expect(negotiateLocale(tag)).toBe('zh-CN');
    }
  });

  it('reads every English tag as en', () => {
    for (const tag of ['en', 'en-US', 'en-GB', 'EN']) expect(negotiateLocale(tag)).toBe('en');
  });

  it('takes the most preferred language it has, by quality then order', () => {
    expect(negotiateLocale('en-GB,en;q=0.9,zh-CN;q=0.8')).toBe('en');
    expect(negotiateLocale('en;q=0.5, zh-CN;q=0.9')).toBe('zh-CN');
    expect(negotiateLocale('fr-FR, de;q=0.9, en;q=0.8, zh;q=0.7')).toBe('en');
    expect(negotiateLocale('en, zh')).toBe('en');
  });

  it('skips languages refused with q=0 and falls back to zh-CN for languages it does not have', () => {
    expect(negotiateLocale('en;q=0, zh;q=0.1')).toBe('zh-CN');
    expect(negotiateLocale('en;q=0')).toBe('zh-CN');
    expect(negotiateLocale('fr-FR, ja')).toBe('zh-CN');
    expect(negotiateLocale('*')).toBe('zh-CN');
  });
});
