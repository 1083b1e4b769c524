import type { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { callerOf } from '../../auth/caller.ts';
import type { AuthedEnv } from '../../context.ts';
import { problemResponses } from '../../http/problem.ts';
import { recordAccess, statedPurpose } from '../audit/record.ts';
import type { AllianceCaller } from './access.ts';
import { alliancePluginOf } from './pricing.ts';

export const tags = ['alliance'];
const DEFAULT_PURPOSE = '朋辈互助联盟考核 / peer alliance assessment';

/** The caller of an alliance request, handed to the service function, which starts with its access check. */
export function allianceCaller(c: Context<AuthedEnv>): AllianceCaller {
  return { ...callerOf(c, DEFAULT_PURPOSE), plugin: () => alliancePluginOf(c), now: c.var.clock() };
}

/** A JSON request body for createRoute. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { body: { content: { 'application/json': { schema } }, required: true } } as const;
}

const errors = () => problemResponses(400, 401, 403, 404, 409);
const answer = <T extends z.ZodType>(description: string, schema: T) =>
  ({ description, content: { 'application/json': { schema } } }) as const;

/** 200 with the JSON answer of `schema`, and the problem+json answers every alliance route may give. */
export function ok<T extends z.ZodType>(description: string, schema: T) {
  return { 200: answer(description, schema), ...errors() };
}

/** 201 with the JSON answer of `schema`, and the problem+json answers every alliance route may give. */
export function created<T extends z.ZodType>(description: string, schema: T) {
  return { 201: answer(description, schema), ...errors() };
}

/** Appends the audit row of an alliance write, in the request's transaction. */
export function auditWrite(
  c: Context<AuthedEnv>,
  action: string,
  entity: string,
  entityId: string,
  studentId?: string | null,
): Promise<void> {
  return recordAccess(c.var.tx, c.var.me, {
    action,
    entity,
    entityId,
    studentId: studentId ?? null,
    purpose: statedPurpose(c.req.header('x-access-purpose'), DEFAULT_PURPOSE),
  });
}
