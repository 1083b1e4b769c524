import { toChinaDate } from '@xinqiao/calendar';
import { instruments } from '@xinqiao/instruments';
import type { CompiledPlugin } from '@xinqiao/policy';
import type { Caller } from '../../auth/caller.ts';
import { hashPassword, verifyPassword } from '../../auth/password.ts';
import { fieldError, invalidFields, problem } from '../../http/problem.ts';
import { enqueueJob } from '../../jobs/enqueue.ts';
import { recordAccess } from '../audit/record.ts';
import { notify } from '../notifications/notify.ts';
import { loadResponsibleFinder } from '../screening/import/follow-up.ts';
import { isWaveInstrument, scoringIdOf } from '../screening/instruments.ts';
import { requireStudent } from './access.ts';
import { decideOnline } from './decide.ts';
import { onlineResultJob } from './job.ts';
import { consentTextOf, helpLineOf, showsScore } from './policy.ts';
import {
  consentOf,
  type OpenWave,
  openWavesFor,
  passwordHashOf,
  responseForUpdate,
  storeConsent,
  storeNewPassword,
  storeResponse,
} from './queries.ts';

/** The signed-in student: their record, whether they must change the issued password, and the help line. */
export async function myStudent(caller: Caller, plugin: CompiledPlugin | undefined) {
  const student = await requireStudent(caller, { passwordChange: true });
  return { student, helpLine: await helpLineOf(plugin) };
}

/** Changes the signed-in student's password (the issued one first): the current one is checked. */
export async function changeMyPassword(
  caller: Caller,
  input: { currentPassword: string; newPassword: string },
  now: Date,
): Promise<void> {
  await requireStudent(caller, { passwordChange: true });
  const hash = await passwordHashOf(caller.tx, caller.me.person.id);
  if (!hash || !(await verifyPassword(hash, input.currentPassword))) {
    throw invalidFields([fieldError('currentPassword', 'student.wrong-current-password')]);
  }
  if (input.newPassword === input.currentPassword) {
    throw invalidFields([fieldError('newPassword', 'student.same-password')]);
  }
  await storeNewPassword(caller.tx, caller.me.person.id, await hashPassword(input.newPassword), now);
  await recordAccess(caller.tx, caller.me, {
    action: 'student_account.password_changed',
    entity: 'person',
    entityId: caller.me.person.id,
    purpose: caller.purpose,
  });
}

/** The waves open for the student today, each with their consent and progress (no score unless the plugin allows). */
export async function myScreenings(caller: Caller, plugin: CompiledPlugin | undefined, now: Date) {
  const student = await requireStudent(caller);
  const waves = await openWavesFor(caller.tx, student, toChinaDate(now));
  const consent = await consentTextOf(plugin);
  return { waves, consent };
}

/** One wave the student may take: it must be open today and for their cohort, else 404. */
async function openWave(caller: Caller, waveId: string, now: Date) {
  const student = await requireStudent(caller);
  const wave = (await openWavesFor(caller.tx, student, toChinaDate(now))).find((w) => w.id === waveId);
  if (!wave || !isWaveInstrument(wave.instrument)) throw problem('student.wave-not-open');
  return { student, wave: wave as OpenWave & { instrument: Parameters<typeof scoringIdOf>[0] } };
}

/** The student's consent to a wave as recorded (the exact text and version), or null before they decided. */
export async function myConsent(caller: Caller, waveId: string) {
  const student = await requireStudent(caller);
  const row = await consentOf(caller.tx, waveId, student.studentId);
  if (!row) throw problem('student.wave-not-open');
  await recordAccess(caller.tx, caller.me, {
    action: 'screening_consent.read',
    entity: 'screening_consent',
    entityId: row.id,
    studentId: student.studentId,
    purpose: caller.purpose,
  });
  return row;
}

/**
 * Records the student's informed consent or refusal (PIPL art. 29) with the text and version they were shown; the
 * version must be the current one (the text may have changed since the page loaded). A submitted wave's consent
 * cannot be withdrawn here (the result is stored; the center handles such a request).
 */
export async function decideConsent(
  caller: Caller,
  plugin: CompiledPlugin | undefined,
  waveId: string,
  input: { decision: 'consented' | 'declined'; version: string },
  now: Date,
) {
  const { student, wave } = await openWave(caller, waveId, now);
  const text = await consentTextOf(plugin);
  if (input.version !== text.version) {
    throw invalidFields([
      fieldError('version', 'student.consent-version-changed', { version: text.version }),
    ]);
  }
  if (wave.status === 'submitted') throw problem('student.screening-submitted');
  const id = await storeConsent(caller.tx, {
    schoolId: caller.me.school.id,
    waveId,
    studentId: student.studentId,
    decision: input.decision,
    textVersion: text.version,
    text: `${text.zh}\n\n${text.en}`,
    now,
  });
  await recordAccess(caller.tx, caller.me, {
    action: `screening_consent.${input.decision}`,
    entity: 'screening_consent',
    entityId: id,
    studentId: student.studentId,
    purpose: caller.purpose,
  });
  return { id, decision: input.decision, version: text.version, decidedAt: now };
}

export interface ResponseInput {
  answers: (number | null)[];
  askedForCounselling?: boolean | undefined;
  submit: boolean;
}

/** 400 naming `answers`, `answers.<i>` for each answer out of range, or each missing one on submission. */
function checkAnswers(instrument: Parameters<typeof scoringIdOf>[0], input: ResponseInput): number[] | null {
  const info = instruments[scoringIdOf(instrument)];
  if (input.answers.length !== info.itemCount) {
    throw invalidFields([fieldError('answers', 'student.answer-count', { expected: info.itemCount })]);
  }
  const { min, max } = info.answerRange;
  const bad = input.answers.flatMap((a, i) =>
    (a === null && input.submit) || (a !== null && (!Number.isInteger(a) || a < min || a > max))
      ? [
          fieldError(`answers.${i}`, a === null ? 'student.answer-missing' : 'student.answer-out-of-range', {
            item: i + 1,
            min,
            max,
          }),
        ]
      : [],
  );
  if (bad.length > 0) throw invalidFields(bad);
  return input.submit ? (input.answers as number[]) : null;
}

const sameAnswers = (a: readonly (number | null)[], b: readonly (number | null)[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Saves the student's answers (progress, resumable) or submits them once. A submission is scored and tiered now by
 * the import's own code and the school's rules, stored as the wave's result by a job committed with it (the same
 * follow-up for tier 1), and on a safety answer the student's counsellor is told at once (`screening.safety`).
 * Sending the same submission again answers the same outcome (idempotent); different answers after submission are
 * refused (409). Nothing is stored when the answers are refused.
 */
export async function saveResponse(
  caller: Caller,
  plugin: CompiledPlugin | undefined,
  waveId: string,
  input: ResponseInput,
  now: Date,
) {
  const { student, wave } = await openWave(caller, waveId, now);
  if (wave.consent !== 'consented') throw problem('student.consent-required');
  const complete = checkAnswers(wave.instrument, input);
  const asked = input.askedForCounselling ?? false;
  const existing = await responseForUpdate(caller.tx, waveId, student.studentId);
  if (existing?.status === 'submitted') {
    if (input.submit && sameAnswers(existing.answers, input.answers)) {
      return outcome(plugin, wave.instrument, existing.safety, true);
    }
    throw problem('student.screening-submitted').naming([fieldError('answers', 'student.answers-differ')]);
  }
  if (!complete) {
    await storeResponse(caller.tx, {
      schoolId: caller.me.school.id,
      waveId,
      studentId: student.studentId,
      instrument: wave.instrument,
      answers: input.answers,
      askedForCounselling: asked,
      submitted: false,
      safety: false,
      now,
    });
    return outcome(plugin, wave.instrument, false, false);
  }
  if (!plugin) throw problem('student.no-rules');
  const online = await decideOnline(plugin, wave.instrument, complete, asked);
  const responseId = await storeResponse(caller.tx, {
    schoolId: caller.me.school.id,
    waveId,
    studentId: student.studentId,
    instrument: wave.instrument,
    answers: complete,
    askedForCounselling: asked,
    submitted: true,
    safety: online.safety,
    now,
  });
  await enqueueJob(caller.tx, caller.me.school.id, onlineResultJob, { responseId });
  await recordAccess(caller.tx, caller.me, {
    action: 'screening_response.submitted',
    entity: 'screening_response',
    entityId: responseId,
    studentId: student.studentId,
    purpose: caller.purpose,
  });
  if (online.safety) await tellCounsellor(caller, student.placementPath);
  return outcome(plugin, wave.instrument, online.safety, true, online.score.total);
}

/** The student's counsellor (else the station head) is told in the app and by the school's channels, now. */
async function tellCounsellor(caller: Caller, placementPath: string): Promise<void> {
  const responsible = (await loadResponsibleFinder(caller.tx)).responsibleFor(placementPath);
  if (!responsible) return;
  await notify(caller.tx, {
    schoolId: caller.me.school.id,
    recipients: [responsible],
    kind: 'screening.safety',
    params: { count: 1 },
    link: '/',
    outbound: { count: 1 },
  });
}

async function outcome(
  plugin: CompiledPlugin | undefined,
  instrument: Parameters<typeof scoringIdOf>[0],
  safety: boolean,
  submitted: boolean,
  total?: number,
) {
  const show = submitted && total !== undefined && (await showsScore(plugin, instrument));
  return {
    status: submitted ? ('submitted' as const) : ('in_progress' as const),
    safety,
    helpLine: safety ? await helpLineOf(plugin) : null,
    score: show ? total : null,
  };
}
