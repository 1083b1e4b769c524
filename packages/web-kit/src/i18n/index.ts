import elementEn from 'element-plus/es/locale/lang/en.mjs';
import elementZhCn from 'element-plus/es/locale/lang/zh-cn.mjs';
import { computed, watch } from 'vue';
import { createI18n } from 'vue-i18n';
import type { LocalizedText } from '../contract.ts';
import { en } from './messages/en.ts';
import { type MessageSchema, zhCN } from './messages/zh-CN.ts';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** zh-CN is the platform's first language: used until the user picks another. */
export const DEFAULT_LOCALE: Locale = 'zh-CN';
const STORAGE_KEY = 'xinqiao.locale';

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function storedLocale(): Locale {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLocale(value) ? value : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

/**
 * The one i18n instance of the page. web-kit is a Module Federation singleton, so the shell and every module
 * share it: switching the language in the shell re-renders every module's text.
 */
export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: DEFAULT_LOCALE,
  messages: { 'zh-CN': zhCN, en },
});

/** The current locale as a ref-like computed, writable through {@link setLocale}. */
export const currentLocale = computed<Locale>(() => i18n.global.locale.value);

/**
 * Switches every frontend's language and remembers the choice in localStorage.
 *
 * @example
 * setLocale('en')
 */
export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

/** Element Plus's own texts (pagination, empty table, date pickers) in the current language. */
export const elementLocale = computed(() => (currentLocale.value === 'en' ? elementEn : elementZhCn));

/**
 * Picks the current language's side of a {zh, en} text from the API (module titles, plugin names).
 *
 * @example
 * localized({ zh: '学生处', en: 'Student Affairs' }) // '学生处' while zh-CN is active
 */
export function localized(text: LocalizedText): string {
  return currentLocale.value === 'en' ? text.en : text.zh;
}

/** Keeps `<html lang>` in step with the locale, for screen readers and fonts. */
export function syncDocumentLanguage(): void {
  if (typeof document === 'undefined') return;
  watch(
    currentLocale,
    (locale) => {
      document.documentElement.lang = locale;
    },
    { immediate: true },
  );
}

export type { MessageSchema };
export { en, zhCN };
