import type { ConsentText } from '@xinqiao/policy';
import type { OpenWave } from './queries.ts';

/** A wave open for the student, with their consent and progress (the tier is never part of it). */
export function presentMyScreening(wave: OpenWave) {
  const status = wave.status === 'submitted' || wave.hasResult ? 'submitted' : (wave.status ?? 'not_started');
  return {
    waveId: wave.id,
    name: wave.name,
    instrument: wave.instrument,
    closesOn: wave.closesOn,
    consent: (wave.consent as 'consented' | 'declined' | null) ?? null,
    consentVersion: wave.consentVersion,
    status: status as 'not_started' | 'in_progress' | 'submitted',
    answers: wave.status === 'in_progress' ? wave.answers : null,
    safety: wave.safety ?? false,
  };
}

/** The consent text without its follow-up setting (the student reads the words and the version). */
export function presentConsentText(text: ConsentText) {
  return { version: text.version, zh: text.zh, en: text.en };
}
