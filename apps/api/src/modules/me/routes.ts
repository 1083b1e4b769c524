import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { callerOf } from '../../auth/caller.ts';
import type { AuthedEnv } from '../../context.ts';
import { problemResponses } from '../../http/problem.ts';
import { createRouter } from '../../http/router.ts';
import { markDeclineFollowedUp } from './declines.ts';
import { presentConsentText, presentMyScreening } from './present.ts';
import { remindNonTakers } from './remind.ts';
import {
  ConsentBody,
  ConsentRecordSchema,
  MyScreeningsSchema,
  MyStudentSchema,
  PasswordChangeBody,
  ResponseBody,
  ResponseOutcomeSchema,
  WaveParams,
} from './schemas.ts';
import {
  changeMyPassword,
  decideConsent,
  myConsent,
  myScreenings,
  myStudent,
  saveResponse,
} from './service.ts';

const tags = ['me'];
const json = <T>(schema: T) => ({ 'application/json': { schema } });
const PURPOSE = '学生本人 / the student';

const studentRoute = createRoute({
  method: 'get',
  path: '/me/student',
  tags,
  summary: 'The signed-in student: who they are, whether they must change the issued password, the help line',
  responses: {
    200: { description: 'The student', content: json(MyStudentSchema) },
    ...problemResponses(401, 403),
  },
});

const passwordRoute = createRoute({
  method: 'post',
  path: '/me/password',
  tags,
  summary: 'Change the signed-in student’s password (the issued one must be changed at first sign-in)',
  request: { body: { required: true, content: json(PasswordChangeBody) } },
  responses: { 204: { description: 'Changed' }, ...problemResponses(400, 401, 403) },
});

const screeningsRoute = createRoute({
  method: 'get',
  path: '/me/screenings',
  tags,
  summary:
    'The screening waves open for the signed-in student, with their consent and progress, and the consent text',
  responses: {
    200: { description: 'Open waves', content: json(MyScreeningsSchema) },
    ...problemResponses(401, 403),
  },
});

const consentRoute = createRoute({
  method: 'post',
  path: '/me/screenings/{waveId}/consent',
  tags,
  summary: 'Consent to a wave or decline it (知情同意, PIPL art. 29), for the text version shown',
  request: { params: WaveParams, body: { required: true, content: json(ConsentBody) } },
  responses: {
    200: { description: 'Recorded', content: json(ConsentRecordSchema) },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const readConsentRoute = createRoute({
  method: 'get',
  path: '/me/screenings/{waveId}/consent',
  tags,
  summary: 'What the student agreed to (or declined): the text, its version and when',
  request: { params: WaveParams },
  responses: {
    200: { description: 'The consent record', content: json(ConsentRecordSchema) },
    ...problemResponses(401, 403, 404),
  },
});

const responsesRoute = createRoute({
  method: 'post',
  path: '/me/screenings/{waveId}/responses',
  tags,
  summary: 'Save answers (progress) or submit them once; a safety answer returns the help line at once',
  request: { params: WaveParams, body: { required: true, content: json(ResponseBody) } },
  responses: {
    200: { description: 'Saved or submitted', content: json(ResponseOutcomeSchema) },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const declineRoute = createRoute({
  method: 'post',
  path: '/screening/consents/{id}/followed-up',
  tags: ['screening'],
  summary:
    'Mark a student’s declined consent followed up (their counsellor talked to them): it leaves My work',
  request: { params: z.object({ id: z.uuid() }) },
  responses: { 204: { description: 'Marked' }, ...problemResponses(401, 403, 404) },
});

const remindRoute = createRoute({
  method: 'post',
  path: '/screening/waves/{id}/remind',
  tags: ['screening'],
  summary:
    'Remind the students of an open wave who have not taken it (the center): in the app, and by e-mail where the school’s channel is on',
  request: { params: z.object({ id: z.uuid() }) },
  responses: {
    200: {
      description: 'How many were reminded',
      content: {
        'application/json': {
          schema: z
            .object({
              reminded: z.number().int().openapi({ description: 'Reminded in the student side (in-app)' }),
              emailed: z.number().int().openapi({
                description:
                  'Of them, sent an e-mail too (an address on their record, the e-mail channel on)',
              }),
              emailChannel: z.boolean().openapi({ description: 'Whether the school’s e-mail channel is on' }),
            })
            .openapi('WaveReminded'),
        },
      },
    },
    ...problemResponses(401, 403, 404),
  },
});

const pluginOf = (c: Context<AuthedEnv>) => c.var.plugins.active(c.var.me.school.code)?.compiled;

/** `/api/me/…`: the student side's own things (the student role; RLS on the student's own id). */
export const meRoutes = createRouter()
  .openapi(studentRoute, async (c) => {
    const { student, helpLine } = await myStudent(callerOf(c, PURPOSE), pluginOf(c));
    const { name, studentNumber, className, collegeName, mustChangePassword } = student;
    return c.json(
      { student: { name, studentNumber, className, collegeName }, mustChangePassword, helpLine },
      200,
    );
  })
  .openapi(passwordRoute, async (c) => {
    await changeMyPassword(callerOf(c, PURPOSE), c.req.valid('json'), c.var.clock());
    return c.body(null, 204);
  })
  .openapi(screeningsRoute, async (c) => {
    const { waves, consent } = await myScreenings(callerOf(c, PURPOSE), pluginOf(c), c.var.clock());
    return c.json(
      { screenings: waves.map(presentMyScreening), consentText: presentConsentText(consent) },
      200,
    );
  })
  .openapi(consentRoute, async (c) => {
    const { waveId } = c.req.valid('param');
    const done = await decideConsent(
      callerOf(c, PURPOSE),
      pluginOf(c),
      waveId,
      c.req.valid('json'),
      c.var.clock(),
    );
    return c.json({ ...done, decidedAt: done.decidedAt.toISOString() }, 200);
  })
  .openapi(readConsentRoute, async (c) => {
    const row = await myConsent(callerOf(c, PURPOSE), c.req.valid('param').waveId);
    return c.json(
      {
        id: row.id,
        decision: row.decision,
        version: row.textVersion,
        text: row.text,
        decidedAt: row.decidedAt.toISOString(),
      },
      200,
    );
  })
  .openapi(remindRoute, async (c) => {
    const done = await remindNonTakers(
      callerOf(c, '提醒未参加测评的学生 / remind non-takers'),
      c.req.valid('param').id,
    );
    return c.json(done, 200);
  })
  .openapi(declineRoute, async (c) => {
    await markDeclineFollowedUp(
      callerOf(c, '拒绝测评随访 / declined screening follow-up'),
      c.req.valid('param').id,
      c.var.clock(),
    );
    return c.body(null, 204);
  })
  .openapi(responsesRoute, async (c) => {
    const { waveId } = c.req.valid('param');
    const done = await saveResponse(
      callerOf(c, PURPOSE),
      pluginOf(c),
      waveId,
      c.req.valid('json'),
      c.var.clock(),
    );
    return c.json(done, 200);
  });
