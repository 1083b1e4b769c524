import type { Context } from 'hono';

/** The languages the API answers its messages in; the first is the default. */
export const MESSAGE_LOCALES = ['zh-CN', 'en'] as const;
export type MessageLocale = (typeof MESSAGE_LOCALES)[number];

/** The language of a request that asks for none we have: the users are in China. */
export const DEFAULT_LOCALE: MessageLocale = 'zh-CN';

interface Preference {
  tag: string;
  q: number;
  order: number;
}

function preferencesOf(header: string): Preference[] {
  return header
    .split(',')
    .map((part, order) => {
      const [tag = '', ...attributes] = part.trim().split(';');
      const quality = attributes.map((a) => a.trim()).find((a) => a.startsWith('q='));
      const q = quality === undefined ? 1 : Number(quality.slice(2));
      return { tag: tag.trim().toLowerCase(), q: Number.isFinite(q) ? q : 0, order };
    })
    .filter((p) => p.tag !== '' && p.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
}

function localeOfTag(tag: string): MessageLocale | undefined {
  if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
  if (tag === 'en' || tag.startsWith('en-')) return 'en';
  if (tag === '*') return DEFAULT_LOCALE;
  return undefined;
}

/**
 * The language to answer in, from an `Accept-Language` header (RFC 9110 §12.5.4): the most preferred language we
 * have, by quality then order. Every Chinese tag (zh, zh-CN, zh-Hans…) reads the simplified Chinese texts, every
 * English tag the English ones; anything else, or no header, gets zh-CN.
 *
 * @example
 * negotiateLocale('en-GB,en;q=0.9,zh-CN;q=0.8'); // 'en'
 * negotiateLocale('fr-FR'); // 'zh-CN'
 */
export function negotiateLocale(header: string | null | undefined): MessageLocale {
  if (!header) return DEFAULT_LOCALE;
  for (const { tag } of preferencesOf(header)) {
    const locale = localeOfTag(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

/**
 * The language a request's messages are answered in (its `Accept-Language`).
 *
 * @example
 * renderMessage(message, requestLocale(c));
 */
export function requestLocale(c: Context): MessageLocale {
  return negotiateLocale(c.req.header('accept-language'));
}
