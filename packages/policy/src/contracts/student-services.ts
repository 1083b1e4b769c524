import { z } from 'zod';
import { paramsOf } from './common';
import { type AreaContract, type FiredRule, NoDecision } from './contract';
import { type FactsOf, type Localized, oneOf } from './facts';
import { INSTRUMENTS } from './tier-thresholds';

/**
 * What an evaluation asks of the student side (学生端): the consent text of an online wave, whether a student sees
 * their score for an instrument, the booking rules of counselling appointments, the satisfaction target, and the
 * help line the student page always shows.
 */
export const STUDENT_SERVICE_STEPS = [
  'consent',
  'result-visibility',
  'appointments',
  'satisfaction',
  'help-line',
] as const;
export type StudentServiceStep = (typeof STUDENT_SERVICE_STEPS)[number];

export const studentServiceFactSpecs = {
  step: {
    type: oneOf(STUDENT_SERVICE_STEPS),
    label: { zh: '环节', en: 'Step' },
  },
  instrument: {
    type: oneOf(INSTRUMENTS),
    label: { zh: '量表（仅 result-visibility）', en: 'Instrument (result-visibility only)' },
    scope: { fact: 'step', values: ['result-visibility'] },
  },
} as const;
export type StudentServiceFacts = FactsOf<typeof studentServiceFactSpecs>;

const text = z.string().min(1).max(4000);

const consentEvent = z
  .object({
    /** Changes whenever the text changes: a consent records the version it was given to. */
    version: z.string().min(1).max(32),
    zh: text,
    en: text,
    /** A student who declines becomes a follow-up in their counsellor's My work. */
    declineFollowUp: z.boolean(),
  })
  .strict();
export type ConsentText = z.infer<typeof consentEvent>;

const visibilityEvent = z
  .object({ showScore: z.boolean(), zh: z.string().min(1), en: z.string().min(1) })
  .strict();
export type ResultVisibility = z.infer<typeof visibilityEvent>;

const bookingEvent = z
  .object({
    /** A booking, reschedule or cancellation must be this many hours before the slot starts. */
    noticeHours: z.number().int().min(0).max(168),
    /** How many booked, not yet held appointments a student may have at once. */
    maxOpenBookings: z.number().int().min(1).max(10),
    /** A student's first appointment is an intake (初访评估). */
    firstVisitIntake: z.boolean(),
    /** Students in tier 1 may book the slots the center keeps as priority slots. */
    priorityForTier1: z.boolean(),
    /**
     * Students with an open crisis may book priority slots too. The student is told only that the slot is a
     * priority slot (优先时段), never why.
     */
    priorityForOpenCrisis: z.boolean(),
    zh: z.string().min(1),
    en: z.string().min(1),
  })
  .strict();
export type BookingRules = z.infer<typeof bookingEvent>;

const satisfactionEvent = z
  .object({
    /** KPI target on the 0–100 overall rating. */
    target: z.number().min(0).max(100),
    /** A counsellor's figures are shown only over at least this many ratings (never fewer than five). */
    minRatings: z.number().int().min(5).max(100),
    zh: z.string().min(1),
    en: z.string().min(1),
  })
  .strict();
export type SatisfactionTarget = z.infer<typeof satisfactionEvent>;

const contact = z
  .object({ zh: z.string().min(1), en: z.string().min(1), phone: z.string().min(3).max(40) })
  .strict();
const helpLineEvent = z
  .object({
    /** The 24-hour help line (24小时心理援助热线). */
    phone: z.string().min(3).max(40),
    hours: z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict(),
    /** Further crisis contacts: the center, the school hospital, the national line. */
    contacts: z.array(contact).max(10),
    zh: z.string().min(1),
    en: z.string().min(1),
  })
  .strict();
export type HelpLine = z.infer<typeof helpLineEvent>;

/** One answer per step; the other fields are null. */
export interface StudentServicesResult {
  readonly consent: (ConsentText & { readonly ruleName: string }) | null;
  readonly visibility: (ResultVisibility & { readonly ruleName: string }) | null;
  readonly booking: (BookingRules & { readonly ruleName: string }) | null;
  readonly satisfaction: (SatisfactionTarget & { readonly ruleName: string }) | null;
  readonly helpLine: (HelpLine & { readonly ruleName: string }) | null;
}

const EVENT_OF_STEP: Record<StudentServiceStep, string> = {
  consent: 'consent-text',
  'result-visibility': 'result-visibility',
  appointments: 'booking-rules',
  satisfaction: 'satisfaction-target',
  'help-line': 'help-line',
};

function firstOf<T>(fired: readonly FiredRule[], type: string): T & { ruleName: string } {
  const rule = fired.find((r) => r.event.type === type);
  if (!rule) throw new NoDecision(`no ${type} rule fired`);
  return { ruleName: rule.name, ...paramsOf<T>(rule) };
}

const EMPTY: StudentServicesResult = {
  consent: null,
  visibility: null,
  booking: null,
  satisfaction: null,
  helpLine: null,
};

/**
 * `student-services`: the student side's settings as rules, so a school's consent text, score visibility, booking
 * rules, satisfaction target (seed 003 KPI 2.2: ≥ 85/100) and help line are reviewed like the rest of its policy.
 * The first fired rule of a step decides (a school states each once; a later rule for one instrument refines).
 */
export const studentServices: AreaContract<StudentServicesResult> = {
  id: 'student-services',
  title: {
    zh: '学生端：知情同意、结果可见、预约规则、满意度、援助热线',
    en: 'Student side: consent, visibility, bookings, satisfaction, help line',
  },
  subject: { one: 'question', many: 'questions' },
  facts: studentServiceFactSpecs,
  partitionBy: 'step',
  events: {
    'consent-text': consentEvent,
    'result-visibility': visibilityEvent,
    'booking-rules': bookingEvent,
    'satisfaction-target': satisfactionEvent,
    'help-line': helpLineEvent,
  },
  decisions: ['first'],
  decisionHelp: { first: 'the first fired rule of the step (in file order) decides' },
  decide({ fired, facts }) {
    const step = facts.step as StudentServiceStep;
    const type = EVENT_OF_STEP[step];
    switch (step) {
      case 'consent':
        return { ...EMPTY, consent: firstOf<ConsentText>(fired, type) };
      case 'result-visibility':
        return { ...EMPTY, visibility: firstOf<ResultVisibility>(fired, type) };
      case 'appointments':
        return { ...EMPTY, booking: firstOf<BookingRules>(fired, type) };
      case 'satisfaction':
        return { ...EMPTY, satisfaction: firstOf<SatisfactionTarget>(fired, type) };
      default:
        return { ...EMPTY, helpLine: firstOf<HelpLine>(fired, type) };
    }
  },
  contradiction(a, b) {
    if (a.type !== b.type) return undefined;
    if (JSON.stringify(a.params) === JSON.stringify(b.params)) return undefined;
    return { settledBy: 'strategy', why: `two ${a.type} rules fire: the first in the file decides` };
  },
  outcome: (r) =>
    r.consent
      ? `consent v${r.consent.version}`
      : r.visibility
        ? r.visibility.showScore
          ? 'score shown'
          : 'score hidden'
        : r.booking
          ? `${r.booking.noticeHours} h notice, ${r.booking.maxOpenBookings} open`
          : r.satisfaction
            ? `target ${r.satisfaction.target}`
            : 'help line',
  populationSize: 10,
  generate: (random) => {
    const step = random.pick(STUDENT_SERVICE_STEPS);
    return step === 'result-visibility' ? { step, instrument: random.pick(INSTRUMENTS) } : { step };
  },
};

/** Localized text of a result's step, for screens that say which rule decided. */
export type StudentServicesText = Localized;
