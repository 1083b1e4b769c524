import { z } from 'zod';
import { paramsOf, type Reason, reasonOf, sameParams } from './common';
import type { AreaContract, FiredRule } from './contract';
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
  // The school's own settings (the plan deadline, the coverage target) answer this question rather than a student's
  // situation: their rules test it, so a rule can be seen to fire and to stay silent like every other.
  schoolSettings: flag(
    '询问学校的帮扶设置（方案期限、资助覆盖目标）',
    "Asking for the school's support settings",
  ),
} as const;
export type SupportFacts = FactsOf<typeof supportFactSpecs>;

const text = { zh: z.string().min(1), en: z.string().min(1) };
const categoryEvent = z.object({ category: z.enum(SUPPORT_CATEGORIES), ...text }).strict();
const parentContact = z
  .object({
    ...text,
    inviteToCampusWhenNeeded: z.boolean(),
    /** Days after the list is confirmed by which the head teacher has contacted the parents (default 14). */
    withinDays: z.number().int().min(1).max(90).optional(),
  })
  .strict();
/** Days after the list is confirmed by which each listed student's plan (帮扶方案) is written. */
const planDeadline = z.object({ ...text, days: z.number().int().min(1).max(90) }).strict();
/** The share of the school's students that financial support (资助) aims to reach, in percent. */
const coverageTarget = z.object({ ...text, percent: z.number().min(1).max(100) }).strict();

/** The support categories a student falls in, and whether parents are to be contacted. */
export interface SupportResult {
  readonly supported: boolean;
  /** One entry per category, in the order of SUPPORT_CATEGORIES. */
  readonly categories: readonly (Reason & { readonly category: SupportCategory })[];
  readonly parentContact:
    | (Reason & { readonly inviteToCampusWhenNeeded: boolean; readonly withinDays: number })
    | null;
  /** When the plan is due (the shortest fired deadline); null when the school sets none. */
  readonly planDeadline: (Reason & { readonly days: number }) | null;
  /** The school's financial-support coverage target; null when it sets none. */
  readonly coverageTarget: (Reason & { readonly percent: number }) | null;
}

/** Parent contact is due this many days after the list is confirmed when the rule names no deadline. */
export const DEFAULT_PARENT_CONTACT_DAYS = 14;

function planDeadlineOf(fired: readonly FiredRule[]): SupportResult['planDeadline'] {
  const deadlines = fired
    .filter((rule) => rule.event.type === 'plan-deadline')
    .map((rule) => ({ ...reasonOf(rule), days: paramsOf<z.infer<typeof planDeadline>>(rule).days }));
  return deadlines.reduce<SupportResult['planDeadline']>(
    (best, d) => (!best || d.days < best.days ? d : best),
    null,
  );
}

function coverageTargetOf(fired: readonly FiredRule[]): SupportResult['coverageTarget'] {
  const rule = fired.find((item) => item.event.type === 'financial-coverage-target');
  return rule ? { ...reasonOf(rule), percent: paramsOf<z.infer<typeof coverageTarget>>(rule).percent } : null;
}

export const supportTargets: AreaContract<SupportResult> = {
  id: 'support-targets',
  title: { zh: '帮扶对象', en: 'Support targets' },
  subject: { one: 'student', many: 'students' },
  facts: supportFactSpecs,
  events: {
    'support-category': categoryEvent,
    'parent-contact': parentContact,
    'plan-deadline': planDeadline,
    'financial-coverage-target': coverageTarget,
  },
  decisions: ['union'],
  decisionHelp: {
    union:
      'a student is in every category whose rule fires; the shortest plan deadline wins; the first coverage ' +
      'target fired is the school’s',
  },
  decide({ fired }) {
    const categories = new Map<SupportCategory, Reason & { category: SupportCategory }>();
    for (const rule of fired.filter((item) => item.event.type === 'support-category')) {
      const { category } = paramsOf<z.infer<typeof categoryEvent>>(rule);
      if (!categories.has(category)) categories.set(category, { ...reasonOf(rule), category });
    }
    const contact = fired.find((item) => item.event.type === 'parent-contact');
    const contactParams = contact ? paramsOf<z.infer<typeof parentContact>>(contact) : null;
    return {
      supported: categories.size > 0,
      categories: SUPPORT_CATEGORIES.flatMap((category) => categories.get(category) ?? []),
      parentContact:
        contact && contactParams
          ? {
              ...reasonOf(contact),
              inviteToCampusWhenNeeded: contactParams.inviteToCampusWhenNeeded,
              withinDays: contactParams.withinDays ?? DEFAULT_PARENT_CONTACT_DAYS,
            }
          : null,
      planDeadline: planDeadlineOf(fired),
      coverageTarget: coverageTargetOf(fired),
    };
  },
  contradiction(a, b) {
    if (a.type !== b.type || a.type === 'support-category') return undefined;
    if (sameParams(a.params, b.params)) return undefined;
    if (a.type === 'plan-deadline')
      return { settledBy: 'strategy', why: 'two plan deadlines: the shortest wins' };
    if (a.type === 'financial-coverage-target')
      return { settledBy: 'unresolved', why: 'two coverage targets: say which one the school aims at' };
    return undefined;
  },
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
