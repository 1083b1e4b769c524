import type { InstrumentId, InstrumentInfo } from './core/types';
import { gad7Info } from './gad7/gad7';
import { phq9Info } from './phq9/phq9';
import { scl90Info } from './scl90/scl90';
import { upiInfo } from './upi/upi';

/** Every supported instrument by id, for UIs (questionnaire forms, labels) and importers (column counts, ranges). */
export const instruments: { readonly [Id in InstrumentId]: InstrumentInfo<Id> } = {
  upi: upiInfo,
  phq9: phq9Info,
  gad7: gad7Info,
  scl90: scl90Info,
};

/** The ids of all supported instruments. */
export const instrumentIds: readonly InstrumentId[] = ['upi', 'phq9', 'gad7', 'scl90'];

/**
 * Whether a string (from an import file or a request) names a supported instrument.
 * @example isInstrumentId('phq9') // true
 */
export function isInstrumentId(value: string): value is InstrumentId {
  return Object.hasOwn(instruments, value);
}
