import { describe, expect, it } from 'vitest';
import { PERMISSIONS, type Permission } from '../../auth/permissions.ts';
import { type ProblemCode, problemKinds } from './codes.ts';
import type { Params } from './kind.ts';
import { MESSAGE_LOCALES } from './locale.ts';
import { type MessageCode, messageKinds } from './message-codes.ts';
import { catalogues, renderMessage, renderProblemTexts } from './render.ts';

/** Parameters that answer any name, as text, number or list, so every text can be filled in without knowing them. */
const anyParams = new Proxy({} as Params, {
  get: (_target, name) => Object.assign([`«${String(name)}»`], { toString: () => `«${String(name)}»` }),
});

const han = /\p{Script=Han}/u;
/** A text that is one of its parameters as is (texts another package words in both languages). */
const passedThrough = /^«\w+»$/;
const problemCodes = Object.keys(problemKinds) as ProblemCode[];
const messageCodes = Object.keys(messageKinds) as MessageCode[];

describe('http/problem-messages: the catalogues', () => {
  it('give every problem code a title and a detail in every language', () => {
    for (const locale of MESSAGE_LOCALES) {
      expect(Object.keys(catalogues[locale].problems).sort()).toEqual([...problemCodes].sort());
      for (const code of problemCodes) {
        const { title, detail } = renderProblemTexts(code, anyParams, locale);
        expect(title, `${locale} ${code}`).not.toBe('');
        expect(detail, `${locale} ${code}`).not.toBe('');
      }
    }
  });

  it('give every message code a text in every language', () => {
    for (const locale of MESSAGE_LOCALES) {
      expect(Object.keys(catalogues[locale].messages).sort()).toEqual([...messageCodes].sort());
      for (const code of messageCodes) {
        expect(renderMessage({ code, params: anyParams } as never, locale), `${locale} ${code}`).not.toBe('');
      }
    }
  });

  it('write zh-CN in Chinese and en without Chinese, never both in one text', () => {
    for (const code of problemCodes) {
      const zh = renderProblemTexts(code, anyParams, 'zh-CN');
      const en = renderProblemTexts(code, anyParams, 'en');
      expect(zh.title, code).toMatch(han);
      if (!passedThrough.test(String(zh.detail))) expect(String(zh.detail), code).toMatch(han);
      expect(`${en.title} ${en.detail}`, code).not.toMatch(han);
      expect(`${zh.title} ${zh.detail} ${en.title} ${en.detail}`, code).not.toContain(' / ');
    }
    for (const code of messageCodes) {
      const zh = String(renderMessage({ code, params: anyParams } as never, 'zh-CN'));
      const en = String(renderMessage({ code, params: anyParams } as never, 'en'));
      if (!passedThrough.test(zh)) expect(zh, code).toMatch(han);
      expect(en, code).not.toMatch(han);
      expect(`${zh} ${en}`, code).not.toContain(' / ');
    }
  });

  it('say in both languages why each permission is refused', () => {
    for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
      const zh = renderProblemTexts('auth.permission-denied', { permission }, 'zh-CN').detail;
      const en = renderProblemTexts('auth.permission-denied', { permission }, 'en').detail;
      expect(zh, permission).toMatch(han);
      expect(en, permission).not.toMatch(han);
      expect(en, permission).not.toBe('Your roles do not allow this.');
    }
  });

  it('give each problem code its own title in each language', () => {
    for (const locale of MESSAGE_LOCALES) {
      const byTitle = new Map<string, ProblemCode[]>();
      for (const code of problemCodes) {
        const { title } = renderProblemTexts(code, anyParams, locale);
        byTitle.set(title, [...(byTitle.get(title) ?? []), code]);
      }
      const shared = [...byTitle].filter(([, codes]) => codes.length > 1);
      expect(shared, locale).toEqual([]);
    }
  });
});
