import type { AttentionTier, LocalizedText } from '../contract.ts';

/** How a tier is marked on screen: Element Plus's tag types, from most to least attention. */
export type TierTagType = 'danger' | 'warning' | 'success';

/**
 * Every attention tier's name in the platform's two languages and its tag colour, keyed by the API's tier id: the
 * one place a screen names a tier. The ids and their order are the server's (`ATTENTION_TIERS` in @xinqiao/policy,
 * sent in the API's types): a tier the API adds and this table lacks fails the typecheck here.
 */
export const TIER_NAMES = {
  1: { zh: '一级关注', en: 'Tier 1', tag: 'danger' },
  2: { zh: '二级关注', en: 'Tier 2', tag: 'warning' },
  3: { zh: '三级关注', en: 'Tier 3', tag: 'success' },
} as const satisfies Record<AttentionTier, LocalizedText & { tag: TierTagType }>;

/**
 * Every attention tier, most attention first: for filters and count columns.
 *
 * @example
 * ATTENTION_TIERS // [1, 2, 3]
 */
export const ATTENTION_TIERS = (Object.keys(TIER_NAMES).map(Number) as AttentionTier[]).sort((a, b) => a - b);

/**
 * The tier names of one language, as the i18n messages' `tiers` section (`t('tiers.1')`).
 *
 * @example
 * tierMessages('zh')[1] // '一级关注'
 */
export function tierMessages(language: keyof LocalizedText): Record<AttentionTier, string> {
  const names = ATTENTION_TIERS.map((tier) => [tier, TIER_NAMES[tier][language]]);
  return Object.fromEntries(names) as Record<AttentionTier, string>;
}
