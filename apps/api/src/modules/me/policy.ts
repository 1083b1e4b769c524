import {
  type BookingRules,
  type CompiledPlugin,
  type ConsentText,
  evaluate,
  type HelpLine,
  type Instrument,
  type SatisfactionTarget,
} from '@xinqiao/policy';

/**
 * What a school whose plugin has no `student-services` area gets, so the student side works before its rules are
 * written: a plain consent text (declines followed up), no score shown, 24 hours' notice, two open bookings, an
 * intake first, priority slots for tier 1 and an open crisis, the seed 003 satisfaction target (KPI 2.2: 85), and
 * the national help line 12356.
 */
export const SEED_STUDENT_SERVICES = {
  consent: {
    version: '0',
    zh: '本次心理测评由学校心理健康教育中心组织，你的作答依法保密，仅用于为你提供关心与帮助。你可以选择不参加。',
    en: "This screening is run by the school's mental-health center; your answers are kept confidential and used only to care for you. You may decline.",
    declineFollowUp: true,
  } satisfies ConsentText,
  booking: {
    noticeHours: 24,
    maxOpenBookings: 2,
    firstVisitIntake: true,
    priorityForTier1: true,
    priorityForOpenCrisis: true,
    zh: '预约、改约、取消须提前24小时',
    en: 'Book, move or cancel 24 hours ahead',
  } satisfies BookingRules,
  satisfaction: {
    target: 85,
    minRatings: 5,
    zh: '咨询服务满意度不低于85分',
    en: 'Satisfaction at least 85',
  } satisfies SatisfactionTarget,
  helpLine: {
    phone: '12356',
    hours: { zh: '24小时', en: '24 hours' },
    contacts: [{ zh: '紧急情况请拨打', en: 'In an emergency call', phone: '120' }],
    zh: '全国心理援助热线',
    en: 'National psychological assistance line',
  } satisfies HelpLine,
};

const has = (plugin: CompiledPlugin | undefined): plugin is CompiledPlugin =>
  Boolean(plugin?.areas.includes('student-services'));

/** The consent text of the school's online waves (plugin area `student-services`, step `consent`). */
export async function consentTextOf(plugin: CompiledPlugin | undefined): Promise<ConsentText> {
  if (!has(plugin)) return SEED_STUDENT_SERVICES.consent;
  const { consent } = await evaluate(plugin, 'student-services', { step: 'consent' });
  const { ruleName: _rule, ...text } = consent!;
  return text;
}

/** Whether a student sees their own score of an instrument. */
export async function showsScore(
  plugin: CompiledPlugin | undefined,
  instrument: Instrument,
): Promise<boolean> {
  if (!has(plugin)) return false;
  const { visibility } = await evaluate(plugin, 'student-services', {
    step: 'result-visibility',
    instrument,
  });
  return visibility!.showScore;
}

/** The booking rules of counselling appointments. */
export async function bookingRulesOf(plugin: CompiledPlugin | undefined): Promise<BookingRules> {
  if (!has(plugin)) return SEED_STUDENT_SERVICES.booking;
  const { booking } = await evaluate(plugin, 'student-services', { step: 'appointments' });
  const { ruleName: _rule, ...rules } = booking!;
  return rules;
}

/** The counselling satisfaction target and the least number of ratings a counsellor's figures are shown over. */
export async function satisfactionTargetOf(plugin: CompiledPlugin | undefined): Promise<SatisfactionTarget> {
  if (!has(plugin)) return SEED_STUDENT_SERVICES.satisfaction;
  const { satisfaction } = await evaluate(plugin, 'student-services', { step: 'satisfaction' });
  const { ruleName: _rule, ...target } = satisfaction!;
  return { ...target, minRatings: Math.max(5, target.minRatings) };
}

/** The help line and crisis contacts the student side always shows. */
export async function helpLineOf(plugin: CompiledPlugin | undefined): Promise<HelpLine> {
  if (!has(plugin)) return SEED_STUDENT_SERVICES.helpLine;
  const { helpLine } = await evaluate(plugin, 'student-services', { step: 'help-line' });
  const { ruleName: _rule, ...line } = helpLine!;
  return line;
}
