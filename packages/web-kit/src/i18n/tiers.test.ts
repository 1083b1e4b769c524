import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, i18n, setLocale } from './index.ts';
import { ATTENTION_TIERS, TIER_NAMES } from './tiers.ts';

describe('i18n/tiers', () => {
  afterEach(() => setLocale(DEFAULT_LOCALE));

  it('lists the tiers most attention first, the most serious in red', () => {
    expect(ATTENTION_TIERS).toEqual([1, 2, 3]);
    expect(ATTENTION_TIERS.map((tier) => TIER_NAMES[tier].tag)).toEqual(['danger', 'warning', 'success']);
  });

  it('names each tier through the messages in both languages, Chinese first', () => {
    expect(i18n.global.t('tiers.1')).toBe('一级关注');
    setLocale('en');
    expect(i18n.global.t('tiers.3')).toBe('Tier 3');
  });
});
