import { SEED_004 } from './follow-up.ts';

/** The seed 003 file this plugin's rules quote beside seed 004 (the 学生处 work plans). */
export const SEED_003 = '003_6abb870343d5fb7c.txt';

// The titles the seeds give themselves (their first line), so a reader sees a document's name, not its file name.
const SEED_TITLES: Record<string, { zh: string; en: string }> = {
  [SEED_004]: {
    zh: '《中北大学朔州校区本科学生帮扶教育实施指导意见（修订）》',
    en: 'North University of China Shuozhou Campus: guidance on support education for undergraduates (revised)',
  },
  [SEED_003]: { zh: '《学生处工作计划》', en: 'Student affairs office work plans' },
};

/**
 * The title of the seed document a rule quotes, in the reader's language; a seed this screen does not know keeps its
 * file name (better a name than nothing).
 *
 * @example
 * seedTitle('004_c0138a6c091aad53.txt', 'zh-CN') // '《中北大学朔州校区本科学生帮扶教育实施指导意见（修订）》'
 */
export function seedTitle(seed: string | undefined, locale: string): string {
  if (!seed) return '';
  const title = SEED_TITLES[seed];
  if (!title) return seed;
  return locale.startsWith('en') ? title.en : title.zh;
}
