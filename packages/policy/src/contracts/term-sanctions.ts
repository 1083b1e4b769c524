import { z } from 'zod';
import { paramsOf, type Reason, reasonOf } from './common';
import type { AreaContract, FiredRule } from './contract';
import { boolean, type FactsOf, integer, oneOf } from './facts';

const member = { fact: 'subject', values: ['member'] } as const;
const department = { fact: 'subject', values: ['department'] } as const;
const either = { fact: 'subject', values: ['member', 'department'] } as const;
const count = (
  scope: typeof member | typeof department | typeof either,
  zh: string,
  en: string,
  optional = true,
) => ({ type: integer(0, 1000), scope, optional, label: { zh, en } }) as const;
const flag = (zh: string, en: string) =>
  ({ type: boolean(), scope: member, optional: true, label: { zh, en } }) as const;

/** A member's (or a department's) counts over one term. Absent optional counts mean zero, absent flags false. */
export const termFactSpecs = {
  subject: {
    type: oneOf(['member', 'department'] as const),
    label: { zh: '对象（成员或部门）', en: 'Subject (member or department)' },
  },
  memberRole: {
    type: oneOf(['cadre', 'staff'] as const),
    scope: member,
    label: { zh: '干部或干事', en: 'Cadre or staff member' },
  },
  lateCount: count(member, '迟到次数（10分钟以内）', 'Times late (within 10 minutes)', false),
  absenceCount: count(
    member,
    '旷会/无故缺席次数（含迟到超过10分钟）',
    'Absences without leave (incl. more than 10 minutes late)',
    false,
  ),
  failedCourseThisTerm: {
    type: boolean(),
    scope: member,
    label: { zh: '本学期有挂科', en: 'Failed a course this term' },
  },
  noMinutesCount: count(member, '开会不做记录次数', 'Meetings without taking minutes'),
  ignoredRectificationCount: count(either, '整改意见下达后未及时改正次数', 'Rectifications not made in time'),
  perfunctoryWorkCount: count(
    either,
    '不按要求完成工作计划、总结敷衍次数',
    'Work plans not done as required, perfunctory summaries',
  ),
  insubordinationCount: count(
    either,
    '不服从领导、自作主张、不及时汇报次数',
    'Insubordination, acting alone, not reporting',
  ),
  noConstructiveInputThisTerm: flag(
    '一学期内没有任何建设性意见或切实可行的工作计划',
    'No constructive idea or workable plan all term',
  ),
  propertyDamage: {
    type: oneOf(['none', 'minor', 'serious'] as const),
    scope: member,
    optional: true,
    label: {
      zh: '私自占有或损害公共财物（情节较轻、严重）',
      en: 'Took or damaged common property (minor, serious)',
    },
  },
  workMistakeCount: count(member, '工作失误影响正常开展次数', 'Mistakes that disrupted the work'),
  majorMistakeCount: count(member, '工作重大失误次数', 'Major mistakes'),
  severeAttitude: flag('工作态度极不端正', 'Extremely poor attitude to the work'),
  harmsReputation: flag(
    '不能起带头作用、影响联盟声誉',
    'Fails to lead by example, harms the alliance’s name',
  ),
  abuseOfPosition: flag('徇私舞弊、以权谋私', 'Favouritism or abuse of position'),
  lateProposalCount: count(department, '不准时交纳提案次数', 'Proposals handed in late'),
  lateRoutineMeetingCount: count(department, '不按时召开部门例会次数', 'Routine meetings not held on time'),
  materialsNotCollectedCount: count(
    department,
    '活动后一周内物品未收回、材料未收集次数',
    'Activities whose items or materials were not collected within a week',
  ),
  failedActivityCount: count(
    department,
    '经批准的活动因工作失误未达预期次数',
    'Approved activities that fell short through mistakes',
  ),
} as const;
export type TermFacts = FactsOf<typeof termFactSpecs>;

const derivedSpecs = {
  effectiveAbsenceCount: {
    type: integer(0, 2000),
    scope: member,
    label: { zh: '折算后的旷会次数（旷会 + 迟到折算）', en: 'Absences including those converted from lates' },
  },
  lateAndAbsenceCount: {
    type: integer(0, 2000),
    scope: member,
    label: { zh: '迟到与旷会合计次数', en: 'Lates and absences together' },
  },
} as const;

export const SANCTION_LEVELS = ['warning', 'demerit', 'dismissal'] as const;
export type SanctionLevel = (typeof SANCTION_LEVELS)[number];

const text = { zh: z.string().min(1), en: z.string().min(1) };
const conversion = z.object({ latesPerAbsence: z.number().int().min(1) }).strict();
const sanction = z.object({ level: z.enum(SANCTION_LEVELS), ...text }).strict();
const reasonOnly = z.object(text).strict();

/** A sanction with the rule that gave it. */
export interface Sanction extends Reason {
  readonly level: SanctionLevel;
}

/** Sanctions and evaluation eligibility of a member (or warnings of a department) for one term. */
export interface TermResult {
  readonly subject: 'member' | 'department';
  /** The most severe sanction, or null. */
  readonly sanction: SanctionLevel | null;
  /** Every sanction rule that fired and was not overridden, most severe first. */
  readonly sanctions: readonly Sanction[];
  /** null for departments. */
  readonly eligibleForEvaluation: boolean | null;
  readonly ineligibility: readonly Reason[];
  readonly departmentWarnings: readonly Reason[];
  readonly lateConversion: {
    readonly ruleName: string;
    readonly latesPerAbsence: number;
    readonly convertedAbsences: number;
    readonly effectiveAbsenceCount: number;
  } | null;
}

const severity = (level: SanctionLevel) => SANCTION_LEVELS.indexOf(level);

function conversionOf(firstStage: readonly FiredRule[]): FiredRule | undefined {
  const rules = firstStage.filter((rule) => rule.event.type === 'late-conversion');
  const distinct = new Set(rules.map((rule) => paramsOf<z.infer<typeof conversion>>(rule).latesPerAbsence));
  if (distinct.size > 1)
    throw new Error(`rules ${rules.map((rule) => `"${rule.name}"`).join(', ')} convert lates differently`);
  return rules[0];
}

export const termSanctions: AreaContract<TermResult> = {
  id: 'term-sanctions',
  title: { zh: '学期处分与评优资格', en: 'Term sanctions and evaluation eligibility' },
  subject: { one: 'member', many: 'members' },
  partitionBy: 'subject',
  facts: termFactSpecs,
  derived: {
    firstStageEvents: ['late-conversion'],
    facts: derivedSpecs,
    inputs: {
      effectiveAbsenceCount: ['absenceCount', 'lateCount'],
      lateAndAbsenceCount: ['lateCount', 'absenceCount'],
    },
    derive(facts, firstStage) {
      if (facts.subject !== 'member') return {};
      const late = facts.lateCount as number;
      const absent = facts.absenceCount as number;
      const rule = conversionOf(firstStage);
      const converted = rule
        ? Math.floor(late / paramsOf<z.infer<typeof conversion>>(rule).latesPerAbsence)
        : 0;
      return { effectiveAbsenceCount: absent + converted, lateAndAbsenceCount: late + absent };
    },
  },
  events: {
    'late-conversion': conversion,
    sanction,
    'evaluation-ineligible': reasonOnly,
    'department-warning': reasonOnly,
  },
  decisions: ['most-severe'],
  decisionHelp: {
    'most-severe':
      'all fired sanctions are listed; the most severe (dismissal > demerit > warning) is the sanction',
  },
  decide({ facts, fired }) {
    const isMember = facts.subject === 'member';
    const sanctions = fired
      .filter((rule) => rule.event.type === 'sanction')
      .map((rule): Sanction => ({ ...reasonOf(rule), level: paramsOf<z.infer<typeof sanction>>(rule).level }))
      .sort((a, b) => severity(b.level) - severity(a.level));
    const ineligibility = fired.filter((rule) => rule.event.type === 'evaluation-ineligible').map(reasonOf);
    const conversionRule = isMember ? conversionOf(fired) : undefined;
    const latesPerAbsence = conversionRule
      ? paramsOf<z.infer<typeof conversion>>(conversionRule).latesPerAbsence
      : 0;
    return {
      subject: isMember ? 'member' : 'department',
      sanction: sanctions[0]?.level ?? null,
      sanctions,
      eligibleForEvaluation: isMember ? ineligibility.length === 0 : null,
      ineligibility,
      departmentWarnings: fired.filter((rule) => rule.event.type === 'department-warning').map(reasonOf),
      lateConversion: conversionRule
        ? {
            ruleName: conversionRule.name,
            latesPerAbsence,
            convertedAbsences: Math.floor((facts.lateCount as number) / latesPerAbsence),
            effectiveAbsenceCount: facts.effectiveAbsenceCount as number,
          }
        : null,
    };
  },
  contradiction(a, b, decision) {
    if (
      a.type === 'late-conversion' &&
      b.type === 'late-conversion' &&
      a.params.latesPerAbsence !== b.params.latesPerAbsence
    ) {
      return {
        settledBy: 'unresolved',
        why: `${String(a.params.latesPerAbsence)} vs ${String(b.params.latesPerAbsence)} lates per absence`,
      };
    }
    if (a.type !== 'sanction' || b.type !== 'sanction' || a.params.level === b.params.level) return undefined;
    return {
      settledBy: 'strategy',
      why: `${String(a.params.level)} vs ${String(b.params.level)}, settled by "${decision}"`,
    };
  },
  outcome: (result) =>
    result.subject === 'department'
      ? `${result.departmentWarnings.length ? 'department warning' : 'no department warning'}`
      : `${result.sanction ?? 'no sanction'}, ${result.eligibleForEvaluation ? 'eligible' : 'not eligible'}`,
  generate(random) {
    if (random.chance(0.15)) {
      return {
        subject: 'department',
        lateProposalCount: random.int(0, 3),
        lateRoutineMeetingCount: random.int(0, 3),
        ignoredRectificationCount: random.int(0, 1),
      };
    }
    const small = () => (random.chance(0.6) ? 0 : random.int(1, 6));
    return {
      subject: 'member',
      memberRole: random.pick(['cadre', 'staff'] as const),
      lateCount: small(),
      absenceCount: small(),
      failedCourseThisTerm: random.chance(0.1),
      noMinutesCount: random.chance(0.8) ? 0 : random.int(1, 6),
    };
  },
};
