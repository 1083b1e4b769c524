import type { InstrumentInfo, InstrumentItem, ItemRole, ScoreOptions } from '../core/types';

/** The facts a UPI response gives the school's tier rules. */
export interface UpiScore {
  readonly instrument: 'upi';
  /** Items 1–60 answered yes, lie items excluded: 0–56. */
  readonly total: number;
  /** Item 25 (thoughts of ending one's life): 1 = yes, 0 = no. */
  readonly item25: number;
  /** How many of the key items 8, 16 and 26 are answered yes (item 25 is reported on its own): 0–3. */
  readonly keyItemsYes: number;
  /** How many of the extra items 61–64 are answered yes: 0–4. */
  readonly extraItemsYes: number;
  /** The student asked for counselling (open-ended section, passed in as an option). */
  readonly asksForCounselling: boolean;
}

const MAIN_ITEM_COUNT = 60;
const ITEM_COUNT = 64;
/** Validity (lie) items: answered but never scored. */
export const UPI_LIE_ITEMS = [5, 20, 35, 50] as const;
/** Key items counted in `keyItemsYes`; item 25 is a key item too but is reported as `item25`. */
export const UPI_KEY_ITEMS = [8, 16, 26] as const;
export const UPI_SUICIDAL_THOUGHTS_ITEM = 25;

/** 1 at the zero-based index of each item counted in the total, so the hot loop needs no branching set lookups. */
const COUNTED_IN_TOTAL = new Uint8Array(MAIN_ITEM_COUNT).fill(1);
for (const item of UPI_LIE_ITEMS) COUNTED_IN_TOTAL[item - 1] = 0;

/**
 * Scores a validated UPI response (64 answers, 0 = no, 1 = yes).
 * @example scoreUpi(new Array(64).fill(1)).total // 56
 */
export function scoreUpi(answers: ArrayLike<number>, options?: ScoreOptions): UpiScore {
  let total = 0;
  for (let index = 0; index < MAIN_ITEM_COUNT; index++) total += answers[index]! * COUNTED_IN_TOTAL[index]!;
  let extraItemsYes = 0;
  for (let index = MAIN_ITEM_COUNT; index < ITEM_COUNT; index++) extraItemsYes += answers[index]!;
  return {
    instrument: 'upi',
    total,
    item25: answers[UPI_SUICIDAL_THOUGHTS_ITEM - 1]!,
    keyItemsYes:
      answers[UPI_KEY_ITEMS[0] - 1]! + answers[UPI_KEY_ITEMS[1] - 1]! + answers[UPI_KEY_ITEMS[2] - 1]!,
    extraItemsYes,
    asksForCounselling: options?.asksForCounselling === true,
  };
}

/** Short labels of the key items; the full wording of the other items is not shipped (see README). */
const KEY_ITEM_LABELS: Record<number, { zh: string; en: string }> = {
  8: { zh: '自己的过去和家庭是不幸的', en: 'Own past and family were unhappy' },
  16: { zh: '常常失眠', en: 'Often sleepless' },
  25: { zh: '想轻生', en: "Thoughts of ending one's life" },
  26: { zh: '对任何事都没兴趣', en: 'No interest in anything' },
};

function upiItem(number: number): InstrumentItem {
  const roles: ItemRole[] = [];
  if ((UPI_LIE_ITEMS as readonly number[]).includes(number)) roles.push('lie');
  if (number in KEY_ITEM_LABELS) roles.push('key');
  if (number === UPI_SUICIDAL_THOUGHTS_ITEM) roles.push('flagged');
  if (number > MAIN_ITEM_COUNT) roles.push('extra');
  const label = KEY_ITEM_LABELS[number];
  return label ? { number, label, roles } : { number, roles };
}

/** Catalogue entry of the UPI (common Chinese version, 60 items plus extra items 61–64). */
export const upiInfo: InstrumentInfo<'upi'> = {
  id: 'upi',
  abbreviation: 'UPI',
  name: { zh: '大学生人格问卷', en: 'University Personality Inventory' },
  itemCount: ITEM_COUNT,
  answerRange: { min: 0, max: 1 },
  answerOptions: [
    { value: 0, label: { zh: '否', en: 'No' } },
    { value: 1, label: { zh: '是', en: 'Yes' } },
  ],
  items: Array.from({ length: ITEM_COUNT }, (_, index) => upiItem(index + 1)),
  scoring: {
    zh: '第 1–60 题答“是”计 1 分，测伪题 5、20、35、50 不计分，总分 0–56；第 25 题单独报告；关键题 8、16、26 报告答“是”的题数；附加题 61–64 不计入总分，报告答“是”的题数；主动要求咨询另行填报。',
    en: 'Items 1–60 score 1 for yes; lie items 5, 20, 35, 50 are not scored (total 0–56). Item 25 is reported on its own; key items 8, 16, 26 and extra items 61–64 are reported as counts of yes. A request for counselling is passed separately.',
  },
  reference:
    'UPI, Japanese university health association (1966); Chinese revision by Fan Fumin and Wang Jianzhong (1993).',
};
