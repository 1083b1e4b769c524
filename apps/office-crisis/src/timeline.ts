import type { Crisis } from './api.ts';

type Event = Crisis['timeline'][number];
type Translate = (key: string, params?: Record<string, unknown>) => string;

const KNOWN = new Set([
  'opened',
  'step.done',
  'step.waived',
  'step.escalated',
  'family-contact.added',
  'referral.added',
  'referral.assessed',
  'affected.added',
  'closed',
  'reopened',
  'review.held',
]);

/**
 * A timeline entry in words, with the step's name for step events (the API stores the step's code).
 *
 * @example
 * eventText({ kind: 'step.done', detail: { step: 'verify' }, … }, crisis, t) // '完成步骤“信息核实”'
 */
export function eventText(
  event: Event,
  crisis: Crisis,
  t: Translate,
  localized: (n: { zh: string; en: string }) => string,
): string {
  if (!KNOWN.has(event.kind)) return t('crisis.event.other');
  const step = crisis.steps.find((s) => s.code === event.detail.step);
  return t(`crisis.event.${event.kind.replaceAll('.', '-')}`, {
    step: step ? localized(step) : String(event.detail.step ?? ''),
    reason: String(event.detail.reason ?? ''),
  });
}
