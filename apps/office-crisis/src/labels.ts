import { localized } from '@xinqiao/web-kit';
import type { CrisisActor } from './api.ts';

type Translate = (key: string, params?: Record<string, unknown>) => string;

/**
 * Who a step names, in words: "辅导员（学生所在）、学院心理辅导站站长（学生所在）".
 *
 * @example
 * actorsText([{ role: 'counsellor', reach: 'student' }], t) // '辅导员（学生所在）'
 */
export function actorsText(actors: readonly CrisisActor[], t: Translate): string {
  return actors.map((a) => `${t(`roles.${a.role}`)}${t(`crisis.reach.${a.reach}`)}`).join('、');
}

/** A crisis step's or level's own name in the reader's language (the plugin gives both). */
export const nameOf = (named: { zh: string; en: string }): string => localized(named);

/** A time as the reader's locale writes it, to the minute, China time. */
export function timeText(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
}

/** Element Plus's tag colour for a level, from least to most severe. */
export const LEVEL_TAG = {
  general: 'info',
  serious: 'warning',
  major: 'danger',
  extraordinary: 'danger',
} as const;
