import { z } from 'zod';
import { paramsOf } from './common';
import type { AreaContract, FiredRule } from './contract';
import { type FactIssue, type FactsOf, integer, number, oneOf } from './facts';

export const RECORD_KINDS = [
  /** The start of a term: prices the base score every member starts with (seed 002: 起評分為70分). */
  'term-start',
  'meeting-attendance',
  'full-attendance',
  'task-submission',
  'task-quality',
  'activity-contribution',
  'activity-rating',
  'minutes',
  'meeting-discipline',
  'reward',
  'mistake',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Term counters a record can add to (the facts of the term-sanctions area with the same names). */
export const TERM_COUNTERS = ['lateCount', 'absenceCount', 'noMinutesCount'] as const;
export type TermCounter = (typeof TERM_COUNTERS)[number];

const kinds = <K extends RecordKind[]>(...values: K) => ({ fact: 'recordKind', values }) as const;
const RATINGS = ['excellent', 'good', 'fair', 'poor'] as const;

/** Facts of one record of a member: what happened, with the details of that kind of record. */
export const pointsFactSpecs = {
  recordKind: { type: oneOf(RECORD_KINDS), label: { zh: '记录类型', en: 'Kind of record' } },
  memberRole: {
    type: oneOf(['cadre', 'staff'] as const),
    label: { zh: '干部或干事', en: 'Cadre or staff member' },
  },
  meetingType: {
    type: oneOf(['department-routine', 'plenary', 'other'] as const),
    scope: kinds('meeting-attendance'),
    label: {
      zh: '会议类型（部门例会、全体会议、其他）',
      en: 'Meeting type (department routine, plenary, other)',
    },
  },
  meetingStars: {
    type: integer(0, 5),
    scope: kinds('meeting-attendance'),
    label: { zh: '会议星级（0 为未评星）', en: 'Meeting star level (0 = not rated)' },
  },
  attendance: {
    type: oneOf(['present', 'late', 'absent', 'early-leave', 'on-leave'] as const),
    scope: kinds('meeting-attendance'),
    label: {
      zh: '出勤（准时、迟到、无故缺席、早退、请假）',
      en: 'Attendance (present, late, absent without leave, left early, on leave)',
    },
  },
  minutesLate: {
    type: number(0, 1440),
    scope: kinds('meeting-attendance'),
    optional: true,
    label: { zh: '迟到分钟数', en: 'Minutes late' },
  },
  taskKind: {
    type: oneOf(['daily', 'assigned'] as const),
    scope: kinds('task-submission'),
    label: { zh: '任务类型（日常任务、规定任务）', en: 'Task kind (daily task, assigned task)' },
  },
  taskSubmission: {
    type: oneOf([
      'first',
      'on-time',
      'overdue',
      'acknowledged-not-submitted',
      'not-acknowledged-not-submitted',
    ] as const),
    scope: kinds('task-submission'),
    label: { zh: '提交情况', en: 'Submission' },
  },
  rating: {
    type: oneOf(RATINGS),
    scope: kinds('task-quality', 'activity-rating'),
    label: { zh: '评价（优、良、一般、差）', en: 'Rating' },
  },
  minutesRating: {
    type: oneOf([...RATINGS, 'not-taken'] as const),
    scope: kinds('minutes'),
    label: {
      zh: '会议记录评价（未做记录为 not-taken）',
      en: 'Minutes rating (not-taken when none were taken)',
    },
  },
  activityContribution: {
    type: oneOf([
      'outstanding-work',
      'proposed-plan',
      'novel-plan',
      'sharp-summary',
      'idea-adopted',
      'took-part',
      'coordinated-well',
      'coordinated-chaotically',
    ] as const),
    scope: kinds('activity-contribution'),
    label: { zh: '活动表现', en: 'Activity contribution' },
  },
  participationPointsSoFar: {
    type: integer(0, 1000),
    scope: kinds('activity-contribution'),
    optional: true,
    label: {
      zh: '本学期已得的参加活动分',
      en: 'Points already earned this term for taking part in activities',
    },
  },
  discipline: {
    type: oneOf(['department-orderly', 'department-chaotic', 'disruptive-in-meeting'] as const),
    scope: kinds('meeting-discipline'),
    label: { zh: '会场纪律', en: 'Meeting discipline' },
  },
  rewardKind: {
    type: oneOf([
      'department-outstanding',
      'helped-another-department',
      'outstanding-in-activity',
      'suggestion-adopted',
    ] as const),
    scope: kinds('reward'),
    label: { zh: '奖励类型', en: 'Reward' },
  },
  mistakeKind: {
    type: oneOf(['serious-mistake', 'careless-work'] as const),
    scope: kinds('mistake'),
    label: {
      zh: '失误类型（重大失误失职、工作不认真）',
      en: 'Mistake (serious mistake or neglect, careless work)',
    },
  },
  requestedPoints: {
    type: integer(-100, 100),
    scope: kinds('reward', 'mistake', 'task-submission'),
    optional: true,
    label: {
      zh: '酌情给定的分数（须在规则给出的范围内）',
      en: 'Points chosen by the officer, within the rule’s range',
    },
  },
} as const;
export type PointsFacts = FactsOf<typeof pointsFactSpecs>;

const text = { zh: z.string().min(1), en: z.string().min(1) };
const counts = z.array(z.enum(TERM_COUNTERS)).optional();
const pointsEvent = z.object({ points: z.number().int(), ...text, counts }).strict();
const rangeEvent = z
  .object({
    min: z.number().int(),
    max: z.number().int(),
    ...text,
    requiresApproval: z.boolean().default(false),
    sanction: z.literal('warning').optional(),
    counts,
  })
  .strict()
  .refine((value) => value.min <= value.max, { message: 'min must not exceed max', path: ['max'] });

/** One line of the ledger a record produces. */
export interface PointEntry {
  readonly ruleName: string;
  readonly points: number;
  readonly zh: string;
  readonly en: string;
}

/** What one record is worth: the point delta, its ledger lines, and what it adds to the member's term counters. */
export interface PointsResult {
  readonly delta: number;
  readonly entries: readonly PointEntry[];
  /** Increments of the term counters (facts of the term-sanctions area). */
  readonly counts: Readonly<Partial<Record<TermCounter, number>>>;
  /** A reward that needs everyone's recognition before it is booked (seed 002, article 6 note). */
  readonly requiresApproval: boolean;
  /** Sanctions the record itself carries (article 7.8: careless work is a warning). */
  readonly sanctions: readonly 'warning'[];
}

type Range = z.infer<typeof rangeEvent>;

function entryOf(rule: FiredRule, requested: number | undefined): PointEntry {
  if (rule.event.type === 'points') {
    const params = paramsOf<z.infer<typeof pointsEvent>>(rule);
    return { ruleName: rule.name, points: params.points, zh: params.zh, en: params.en };
  }
  const params = paramsOf<Range>(rule);
  const range = `${params.min}..${params.max}`;
  if (requested === undefined) {
    throw new Error(`requestedPoints is required: rule "${rule.name}" prices this record within ${range}`);
  }
  if (requested < params.min || requested > params.max) {
    throw new Error(`requestedPoints ${requested} is outside ${range} allowed by rule "${rule.name}"`);
  }
  return { ruleName: rule.name, points: requested, zh: params.zh, en: params.en };
}

export const penaltyPoints: AreaContract<PointsResult> = {
  id: 'penalty-points',
  title: { zh: '考核加减分', en: 'Points scale' },
  subject: { one: 'record', many: 'records' },
  partitionBy: 'recordKind',
  facts: pointsFactSpecs,
  checkFacts(facts): FactIssue[] {
    const issues: FactIssue[] = [];
    if (facts.attendance === 'late' && facts.minutesLate === undefined) {
      issues.push({
        fact: 'minutesLate',
        message: 'is required when attendance is "late" (the 10-minute rule needs it)',
      });
    }
    if (facts.activityContribution === 'took-part' && facts.participationPointsSoFar === undefined) {
      issues.push({
        fact: 'participationPointsSoFar',
        message: 'is required for "took-part" (participation points are capped)',
      });
    }
    return issues;
  },
  events: { points: pointsEvent, 'points-range': rangeEvent },
  decisions: ['sum'],
  decisionHelp: {
    sum: 'the points of every fired rule are added; a record priced by two rules is a conflict unless one overrides the other',
  },
  decide({ facts, fired }) {
    const entries = fired.map((rule) => entryOf(rule, facts.requestedPoints as number | undefined));
    const counted: Partial<Record<TermCounter, number>> = {};
    let requiresApproval = false;
    const sanctions: 'warning'[] = [];
    for (const rule of fired) {
      const params = rule.event.params as {
        counts?: TermCounter[];
        requiresApproval?: boolean;
        sanction?: 'warning';
      };
      for (const counter of params.counts ?? []) counted[counter] = (counted[counter] ?? 0) + 1;
      requiresApproval ||= params.requiresApproval === true;
      if (params.sanction) sanctions.push(params.sanction);
    }
    return {
      delta: entries.reduce((sum, entry) => sum + entry.points, 0),
      entries,
      counts: counted,
      requiresApproval,
      sanctions,
    };
  },
  contradiction(a, b) {
    const describe = (event: FiredRule['event']) =>
      event.type === 'points'
        ? `${String(event.params.points)}`
        : `${String(event.params.min)}..${String(event.params.max)}`;
    return {
      settledBy: 'unresolved',
      why: `both price the same record: ${describe(a)} and ${describe(b)} would be added`,
    };
  },
  outcome: (result) => {
    const counted = Object.entries(result.counts).map(([counter, value]) => `${counter}+${value}`);
    return `${result.delta >= 0 ? '+' : ''}${result.delta} points${counted.length ? ` (${counted.join(', ')})` : ''}`;
  },
  generate(random) {
    const recordKind = random.pick(RECORD_KINDS.filter((kind) => kind !== 'reward' && kind !== 'mistake'));
    const base = { recordKind, memberRole: random.pick(['cadre', 'staff'] as const) };
    switch (recordKind) {
      case 'meeting-attendance': {
        const attendance = random.pick([
          'present',
          'present',
          'late',
          'absent',
          'early-leave',
          'on-leave',
        ] as const);
        return {
          ...base,
          meetingType: random.pick(['department-routine', 'plenary', 'other'] as const),
          meetingStars: random.int(0, 5),
          attendance,
          ...(attendance === 'late' ? { minutesLate: random.int(1, 30) } : {}),
        };
      }
      case 'task-submission': {
        const taskSubmission = random.pick(pointsFactSpecs.taskSubmission.type.values);
        const taskKind = random.pick(['daily', 'assigned'] as const);
        const ranged = taskKind === 'assigned' && !['first', 'on-time'].includes(taskSubmission);
        return {
          ...base,
          taskKind,
          taskSubmission,
          ...(ranged ? { requestedPoints: -random.int(2, 5) } : {}),
        };
      }
      case 'task-quality':
      case 'activity-rating':
        return { ...base, rating: random.pick(RATINGS) };
      case 'minutes':
        return { ...base, minutesRating: random.pick(pointsFactSpecs.minutesRating.type.values) };
      case 'activity-contribution': {
        const activityContribution = random.pick(pointsFactSpecs.activityContribution.type.values);
        return { ...base, activityContribution, participationPointsSoFar: random.int(0, 7) };
      }
      case 'meeting-discipline':
        return { ...base, discipline: random.pick(pointsFactSpecs.discipline.type.values) };
      default:
        return base;
    }
  },
};
