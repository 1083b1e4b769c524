import { afterEach, describe, expect, it } from 'vitest';
import { currentLocale, DEFAULT_LOCALE, elementLocale, i18n, localized, setLocale } from './index.ts';

describe('locale', () => {
  afterEach(() => setLocale(DEFAULT_LOCALE));

  it('starts in Chinese', () => {
    expect(currentLocale.value).toBe('zh-CN');
    expect(i18n.global.t('login.submit')).toBe('登录');
  });

  it('switches every text, Element Plus included, and remembers the choice', () => {
    setLocale('en');
    expect(i18n.global.t('login.submit')).toBe('Sign in');
    expect(elementLocale.value.name).toBe('en');
    expect(localized({ zh: '学生处', en: 'Student Affairs' })).toBe('Student Affairs');
    expect(localStorage.getItem('xinqiao.locale')).toBe('en');
  });
});
