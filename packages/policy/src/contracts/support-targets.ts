import { z } from 'zod';
import { paramsOf, type Reason, reasonOf } from './common';
import type { AreaContract } from './contract';
import { boolean, type FactsOf, integer } from './facts';

export const SUPPORT_CATEGORIES = [
  'academic',
  'disciplinary',
  'psychological',
  'economic',
  'behavioural',
] as const;
export type SupportCategory = (typeof SUPPORT_CATEGORIES)[number];

const flag = (zh: string, en: string) => ({ type: boolean(), optional: true, label: { zh, en } }) as const;

/** A student's situation at term start. Absent flags mean "not known to apply". */
export const supportFactSpecs = {
  failedCourseCount: { type: integer(0, 200), label: { zh: '不及格课程门次', en: 'Failed course attempts' } },
  disciplinarySanction: flag('违反校规校纪受到行政处分', 'Received a disciplinary sanction'),
  requestedPsychologicalHelp: flag('主动提出心理帮扶需求', 'Asked for psychological help'),
  identifiedByCrisisPrevention: flag(
    '心理危机预防体系认定需进一步帮扶',
    'Identified by the crisis-prevention system',
  ),
  economicHardshipCertified: flag(
    '经学校认定的家庭经济特殊困难',
    'Family in special economic hardship, certified by the school',
  ),
  extremeThinkingOrAbnormalBehaviour: flag(
    '思想偏激、行为表现异常',
    'Extreme thinking or abnormal behaviour',
  ),
} as const;
export type SupportFacts = FactsOf<typeof supportFactSpecs>;

const text = { zh: z.string().min(1), en: z.string().min(1) };
const categoryEvent = z.object({ category: z.enum(SUPPORT_CATEGORIES), ...text }).strict();
const parentContact = z.object({ ...text, inviteToCampusWhenNeeded: z.boolean() }).strict();

/** The support categories a student falls in, and whether parents are to be contacted. */
export interface SupportResult {
  readonly supported: boolean;
  /** One entry per category, in the order of SUPPORT_CATEGORIES. */
  readonly categories: readonly (Reason & { readonly category: SupportCategory })[];
  readonly parentContact: (Reason & { readonly inviteToCampusWhenNeeded: boolean }) | null;
}

export const supportTargets: AreaContract<SupportResult> = {
  id: 'support-targets',
  title: { zh: '帮扶对象', en: 'Support targets' },
  subject: { one: 'student', many: 'students' },
  facts: supportFactSpecs,
  events: { 'support-category': categoryEvent, 'parent-contact': parentContact },
  decisions: ['union'],
  decisionHelp: { union: 'a student is in every category whose rule fires' },
  decide({ fired }) {
    const categories = new Map<SupportCategory, Reason & { category: SupportCategory }>();
    for (const rule of fired.filter((item) => item.event.type === 'support-category')) {
      const { category } = paramsOf<z.infer<typeof categoryEvent>>(rule);
      if (!categories.has(category)) categories.set(category, { ...reasonOf(rule), category });
    }
    const contact = fired.find((item) => item.event.type === 'parent-contact');
    return {
      supported: categories.size > 0,
      categories: SUPPORT_CATEGORIES.flatMap((category) => categories.get(category) ?? []),
      parentContact: contact
        ? {
            ...reasonOf(contact),
            inviteToCampusWhenNeeded:
              paramsOf<z.infer<typeof parentContact>>(contact).inviteToCampusWhenNeeded,
          }
        : null,
    };
  },
  contradiction: () => undefined,
  outcome: (result) =>
    result.supported
      ? result.categories.map((item) => item.category).join('+') + (result.parentContact ? ' +parents' : '')
      : 'not supported',
  generate: (random) => ({
    failedCourseCount: random.chance(0.8) ? 0 : random.int(1, 6),
    disciplinarySanction: random.chance(0.03),
    requestedPsychologicalHelp: random.chance(0.05),
    identifiedByCrisisPrevention: random.chance(0.03),
    economicHardshipCertified: random.chance(0.1),
    extremeThinkingOrAbnormalBehaviour: random.chance(0.01),
  }),
};
