import { z } from 'zod';
import { paramsOf } from './common';
import { type AreaContract, type FiredRule, NoDecision } from './contract';
import { type FactsOf, type Localized, oneOf } from './facts';

/**
 * What an evaluation asks: how often a key student is talked to (`talk`), or whether taking a student off the roster
 * waits for the station head (`removal`). One area answers both so a school keeps its roster rules in one file.
 */
export const KEY_STUDENT_STEPS = ['talk', 'removal'] as const;
export type KeyStudentStep = (typeof KEY_STUDENT_STEPS)[number];

export const keyStudentFactSpecs = {
  step: {
    type: oneOf(KEY_STUDENT_STEPS),
    label: {
      zh: '环节（talk：谈心谈话间隔；removal：移出名单是否需审批）',
      en: 'Step (talk: the talk interval; removal: whether a removal needs approval)',
    },
  },
} as const;
export type KeyStudentFacts = FactsOf<typeof keyStudentFactSpecs>;

const intervalEvent = z
  .object({
    /** A talk is due this many days after the last one (or after the student came on the roster). */
    days: z.number().int().min(1).max(90),
    zh: z.string().min(1),
    en: z.string().min(1),
  })
  .strict();
type IntervalEvent = z.infer<typeof intervalEvent>;

const removalEvent = z
  .object({
    /** true: a removal asked for with a reason waits for the station head; false: it takes effect at once. */
    stationHeadApproves: z.boolean(),
    zh: z.string().min(1),
    en: z.string().min(1),
  })
  .strict();
type RemovalEvent = z.infer<typeof removalEvent>;

/** How often a key student is talked to, and the rule that says so. */
export interface KeyStudentTalk extends Localized {
  readonly ruleName: string;
  readonly days: number;
}

/** Whether a removal waits for the station head's approval, and the rule that says so. */
export interface KeyStudentRemoval extends Localized {
  readonly ruleName: string;
  readonly stationHeadApproves: boolean;
}

/** `step: talk` gives `talk` (removal null); `step: removal` gives `removal` (talk null). */
export interface KeyStudentResult {
  readonly talk: KeyStudentTalk | null;
  readonly removal: KeyStudentRemoval | null;
}

function talkOf(fired: readonly FiredRule[]): KeyStudentTalk {
  const intervals = fired.map((rule) => ({ ruleName: rule.name, ...paramsOf<IntervalEvent>(rule) }));
  if (intervals.length === 0) throw new NoDecision('no talk interval');
  return intervals.reduce((best, i) => (i.days < best.days ? i : best));
}

function removalOf(fired: readonly FiredRule[]): KeyStudentRemoval {
  const rules = fired.map((rule) => ({ ruleName: rule.name, ...paramsOf<RemovalEvent>(rule) }));
  if (rules.length === 0) throw new NoDecision('no rule on removals');
  return rules.find((r) => r.stationHeadApproves) ?? rules[0]!;
}

/**
 * `key-students`: the roster of key students (重点关注学生). How many days after the last talk the next one is due
 * (seed 003 work plan 5: 辅导员每周必须与重点学生谈话一次 → 7), and whether a counsellor's removal with a reason
 * waits for the station head's approval or takes effect at once. The shortest fired interval wins; a removal waits
 * for approval when any fired rule says so.
 */
export const keyStudents: AreaContract<KeyStudentResult> = {
  id: 'key-students',
  title: { zh: '重点关注学生：谈话间隔与移出审批', en: 'Key students: talk interval and removal approval' },
  subject: { one: 'question', many: 'questions' },
  facts: keyStudentFactSpecs,
  partitionBy: 'step',
  events: { 'talk-interval': intervalEvent, 'removal-approval': removalEvent },
  decisions: ['strictest'],
  decisionHelp: {
    strictest:
      'talk: the shortest interval of the fired rules wins; removal: the station head approves when any fired ' +
      'rule says so',
  },
  decide({ fired, facts }) {
    if (facts.step === 'talk') {
      return { talk: talkOf(fired.filter((rule) => rule.event.type === 'talk-interval')), removal: null };
    }
    return { talk: null, removal: removalOf(fired.filter((rule) => rule.event.type === 'removal-approval')) };
  },
  contradiction(a, b) {
    if (a.type !== b.type) return undefined;
    if (a.type === 'talk-interval') {
      if (a.params.days === b.params.days) return undefined;
      return { settledBy: 'strategy', why: 'two talk intervals: the shortest wins' };
    }
    if (a.params.stationHeadApproves === b.params.stationHeadApproves) return undefined;
    return {
      settledBy: 'strategy',
      why: 'approval asked by one rule and not the other: the station head approves',
    };
  },
  outcome: (result) =>
    result.talk
      ? `every ${result.talk.days} days`
      : result.removal?.stationHeadApproves
        ? 'station head approves'
        : 'at once',
  populationSize: 10,
  generate: (random) => ({ step: random.pick(KEY_STUDENT_STEPS) }),
};
