import { type InstrumentId, instruments } from '@xinqiao/instruments';
import { INSTRUMENTS, type Instrument } from '@xinqiao/policy';

/** The instrument names waves use (the policy's names, as plugins and people write them) and their scoring ids. */
const scoringIds: Record<Instrument, InstrumentId> = {
  UPI: 'upi',
  'PHQ-9': 'phq9',
  'GAD-7': 'gad7',
  'SCL-90': 'scl90',
};

/** Whether a wave's instrument name is one the platform scores. */
export function isWaveInstrument(name: string): name is Instrument {
  return (INSTRUMENTS as readonly string[]).includes(name);
}

/**
 * The scoring id of a wave's instrument ('PHQ-9' → 'phq9').
 *
 * @example
 * scoringIdOf('UPI'); // 'upi'
 */
export function scoringIdOf(name: Instrument): InstrumentId {
  return scoringIds[name];
}

/** Item count and answer range of a wave's instrument. */
export function instrumentShape(name: Instrument): { itemCount: number; min: number; max: number } {
  const info = instruments[scoringIds[name]];
  return { itemCount: info.itemCount, min: info.answerRange.min, max: info.answerRange.max };
}
