import { z } from '@hono/zod-openapi';
import { orNull } from '../../http/or-null.ts';
import { MIN_PASSWORD_LENGTH } from '../people/schemas.ts';

const Localized = z.object({ zh: z.string(), en: z.string() });

export const HelpLineSchema = z
  .object({
    phone: z.string(),
    hours: Localized,
    contacts: z.array(z.object({ zh: z.string(), en: z.string(), phone: z.string() })),
    zh: z.string(),
    en: z.string(),
  })
  .openapi('HelpLine');

export const MyStudentSchema = z
  .object({
    student: z.object({
      name: z.string(),
      studentNumber: z.string(),
      className: z.string(),
      collegeName: z.string(),
    }),
    mustChangePassword: z.boolean(),
    helpLine: HelpLineSchema,
  })
  .openapi('MyStudent');

export const PasswordChangeBody = z
  .object({
    currentPassword: z.string().min(1).max(1024),
    newPassword: z.string().min(MIN_PASSWORD_LENGTH).max(1024),
  })
  .openapi('PasswordChange');

export const ConsentTextSchema = z
  .object({ version: z.string(), zh: z.string(), en: z.string() })
  .openapi('ConsentText');

export const MyScreeningSchema = z
  .object({
    waveId: z.uuid(),
    name: z.string(),
    instrument: z.string(),
    closesOn: z.string(),
    consent: z.enum(['consented', 'declined']).nullable(),
    consentVersion: z.string().nullable(),
    status: z.enum(['not_started', 'in_progress', 'submitted']),
    answers: z.array(z.number().int().nullable()).nullable(),
    safety: z.boolean(),
  })
  .openapi('MyScreening');

export const MyScreeningsSchema = z
  .object({ screenings: z.array(MyScreeningSchema), consentText: ConsentTextSchema })
  .openapi('MyScreenings');

export const WaveParams = z.object({ waveId: z.uuid() });

export const ConsentBody = z
  .object({
    decision: z.enum(['consented', 'declined']),
    version: z
      .string()
      .min(1)
      .max(32)
      .openapi({ description: 'The version of the text the student was shown' }),
  })
  .openapi('ConsentDecision');

export const ConsentRecordSchema = z
  .object({
    id: z.uuid(),
    decision: z.enum(['consented', 'declined']),
    version: z.string(),
    text: z.string().optional(),
    decidedAt: z.string(),
  })
  .openapi('ConsentRecord');

export const ResponseBody = z
  .object({
    answers: z.array(z.number().int().nullable()).max(200).openapi({
      description: 'One per item in order; null for an item not answered yet (only while saving)',
    }),
    askedForCounselling: z.boolean().optional(),
    submit: z.boolean().openapi({ description: 'false: save progress; true: submit (once)' }),
  })
  .openapi('ScreeningResponseInput');

export const ResponseOutcomeSchema = z
  .object({
    status: z.enum(['in_progress', 'submitted']),
    safety: z.boolean().openapi({ description: 'A safety answer: show the help line now' }),
    helpLine: orNull(HelpLineSchema),
    score: z.number().nullable().openapi({ description: 'Only where the plugin lets students see it' }),
  })
  .openapi('ScreeningResponseOutcome');
