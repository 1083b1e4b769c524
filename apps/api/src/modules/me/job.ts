import { toChinaDate } from '@xinqiao/calendar';
import { appendAudit, schools, type TenantTx } from '@xinqiao/db';
import type { CompiledPlugin } from '@xinqiao/policy';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineJob } from '../../jobs/kind.ts';
import { schoolJobScope } from '../../jobs/runner-transaction.ts';
import { schoolCalendar } from '../screening/calendar/service.ts';
import { loadResponsibleFinder } from '../screening/import/follow-up.ts';
import { writeBatch } from '../screening/import/write-batch.ts';
import { isWaveInstrument } from '../screening/instruments.ts';
import { decideOnline } from './decide.ts';
import { submittedResponse } from './job-queries.ts';

/** What the job carries: the submitted response (the answers stay in the database). */
export const OnlineResultPayload = z.object({ responseId: z.uuid() });
export type OnlineResultPayload = z.infer<typeof OnlineResultPayload>;

/** Reads responses and writes results with their answers (`xinqiao_screening`), for every student of the school. */
const CAPABILITIES = ['screening.answers', 'screening.manage'] as const;

/**
 * Stores a submitted online response as the wave's result through the import's own batch statement (`writeBatch`):
 * the same scores, the same tier from the same plugin rules, the same follow-up case for tier 1 (marked self-harm
 * when the decision says so, for the nearest counsellor, due by the school's working-day calendar). Safe to run
 * again: the result is upserted by (wave, student) and the follow-up is unique per result.
 */
export const onlineResultJob = defineJob<OnlineResultPayload>({
  name: 'screening.online-result',
  payload: OnlineResultPayload,
  retry: { maxAttempts: 5, backoffMs: (attempt) => attempt * 2_000 },
  capabilities: CAPABILITIES,
  async run(payload, ctx) {
    const schoolId = ctx.job.schoolId!;
    const scope = schoolJobScope(schoolId, CAPABILITIES, ['/']);
    await ctx.inTenant(scope, async (tx) => {
      const code = await schoolCodeOf(tx, schoolId);
      const plugin = code ? ctx.deps.plugins.active(code)?.compiled : undefined;
      if (!plugin) throw new Error(`school ${schoolId} has no active plugin`);
      await storeOnlineResult(tx, plugin, schoolId, payload.responseId, ctx.deps.clock());
    });
  },
});

async function schoolCodeOf(tx: TenantTx, schoolId: string): Promise<string | undefined> {
  const [row] = await tx.select({ code: schools.code }).from(schools).where(eq(schools.id, schoolId));
  return row?.code;
}

/** The job's work in one transaction (exported for tests, which run it without a worker). */
export async function storeOnlineResult(
  tx: TenantTx,
  plugin: CompiledPlugin,
  schoolId: string,
  responseId: string,
  now: Date,
): Promise<{ followUpsOpened: number }> {
  const response = await submittedResponse(tx, responseId);
  if (!response || !isWaveInstrument(response.instrument)) return { followUpsOpened: 0 };
  const answers = response.answers.map((a) => a ?? 0);
  const online = await decideOnline(plugin, response.instrument, answers, response.askedForCounselling);
  const { instrument: _instrument, ...scores } = online.score as unknown as Record<string, unknown>;
  const tier1 = online.decision.tier === 1;
  const days = online.decision.followUpWorkingDays;
  const due =
    tier1 && days !== undefined ? (await schoolCalendar(tx)).addWorkingDays(toChinaDate(now), days) : null;
  const responsible = tier1 ? (await loadResponsibleFinder(tx)).responsibleFor(response.placementPath) : null;
  const outcome = await writeBatch(
    tx,
    {
      schoolId,
      waveId: response.waveId,
      instrument: response.instrument,
      // An online result belongs to no import batch.
      importId: null as unknown as string,
      pluginId: online.decision.pluginId,
      pluginVersion: online.decision.pluginVersion,
      openedBy: null,
      waveHadResults: true,
      followUpTitle: `心理筛查一级关注随访：${response.waveName}（${response.instrument}，线上测评）`,
    },
    [
      {
        studentId: response.studentId,
        placementPath: response.placementPath,
        scores,
        answers,
        decision: online.decision,
        submittedAt: response.submittedAt,
        ...(tier1 ? { followUp: { responsiblePersonId: responsible, dueDate: due } } : {}),
      },
    ],
  );
  await appendAudit(tx, {
    schoolId,
    actorPersonId: null,
    actorRole: null,
    actorUnitId: null,
    studentId: response.studentId,
    action: 'screening_result.online',
    entity: 'screening_response',
    entityId: responseId,
    purpose: '存储线上测评结果 / store an online screening result',
  });
  return { followUpsOpened: outcome.followUpsOpened.length };
}
