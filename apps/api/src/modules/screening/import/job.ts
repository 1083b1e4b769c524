import { refreshStatistics } from '@xinqiao/db';
import { z } from 'zod';
import { loadAccount, scopeOf } from '../../../auth/scope.ts';
import type { Me } from '../../../auth/session-types.ts';
import { message } from '../../../http/problem.ts';
import { defineJob, type JobContext } from '../../../jobs/kind.ts';
import { schoolJobScope } from '../../../jobs/runner-transaction.ts';
import { importStatus, markImportFailed, personExists } from './queries.ts';
import { IMPORT_BATCH_SIZE, type ImportActor, type ImportProgress, runImport } from './run.ts';
import { readImportFilePart } from './stored-file.ts';

/** What an import job carries: the import, its wave, who started it and why, and the file's name. */
export const ScreeningImportPayload = z.object({
  importId: z.string().uuid(),
  waveId: z.string().uuid(),
  personId: z.string().uuid(),
  fileName: z.string().min(1),
  purpose: z.string(),
});
export type ScreeningImportPayload = z.infer<typeof ScreeningImportPayload>;

/** Capability of the job's own transactions: reading and ending the import, reading its stored file. */
const MANAGE = ['screening.manage'] as const;

/** Variations of the import job (tests run it in small batches and watch its progress). */
export interface ScreeningImportJobOptions {
  batchSize?: number;
  onProgress?: (progress: ImportProgress) => void;
}

/**
 * The background job of a screening import: reads the stored file and runs the import as the person who started
 * it (their roles as they are now, so a person who lost the center role cannot finish it). A job taken over after
 * its process died carries on from the last stored batch; batches are idempotent, so a batch stored twice changes
 * nothing. After its last try the import ends `failed` with the reason: never `running` for ever.
 */
export function defineScreeningImportJob(options: ScreeningImportJobOptions = {}) {
  return defineJob<ScreeningImportPayload>({
    name: 'screening.import',
    payload: ScreeningImportPayload,
    retry: { maxAttempts: 3, backoffMs: (attempt) => attempt * 5_000 },
    capabilities: MANAGE,
    async run(payload, ctx) {
      const manage = schoolJobScope(ctx.job.schoolId!, MANAGE);
      const status = await ctx.inTenant(manage, (tx) => importStatus(tx, payload.importId));
      if (status !== 'running') return; // it ended (its last batch committed just before the process stopped)
      const actor = await importActorOf(ctx, payload);
      if (!actor) {
        await ctx.inTenant(manage, (tx) =>
          markImportFailed(tx, payload.importId, message('screening.import-starter-gone')),
        );
        return;
      }
      await runImport(
        actor,
        payload.importId,
        payload.waveId,
        { stream: storedFile(ctx, payload.importId), filename: payload.fileName },
        { resume: true, onServerError: 'throw', ...options },
      );
      // A wave's results change the distributions the planner relies on (docs/performance.md).
      await refreshStatistics(ctx.deps.db);
    },
    async onGiveUp(tx, payload, reason) {
      await markImportFailed(tx, payload.importId, message('screening.import-gave-up', { reason }));
    },
  });
}

/**
 * The screening import job as the API registers it. XINQIAO_IMPORT_BATCH_SIZE sets the rows per batch
 * (default {@link IMPORT_BATCH_SIZE}); `pnpm test:security` uses small batches to kill a server between them.
 */
export const screeningImportJob = defineScreeningImportJob(
  Number(process.env.XINQIAO_IMPORT_BATCH_SIZE) > 0
    ? { batchSize: Number(process.env.XINQIAO_IMPORT_BATCH_SIZE) }
    : {},
);

/** The person who started the import, as they are now; undefined if they may no longer import. */
async function importActorOf(
  ctx: JobContext,
  payload: ScreeningImportPayload,
): Promise<ImportActor | undefined> {
  const schoolId = ctx.job.schoolId!;
  const account = await ctx.inTenant(schoolJobScope(schoolId), async (tx) => {
    return (await personExists(tx, payload.personId))
      ? loadAccount(tx, schoolId, payload.personId)
      : undefined;
  });
  if (!account || account.person.disabled) return undefined;
  const scope = scopeOf(schoolId, account.person.id, account.roles);
  if (!scope.capabilities?.includes('screening.manage')) return undefined;
  const { disabled: _disabled, ...person } = account.person;
  const me: Me = { person, school: account.school, roles: account.roles, csrfToken: '' };
  const plugin = ctx.deps.plugins.active(account.school.code)?.compiled;
  if (!plugin) return undefined;
  return { db: ctx.deps.db, scope, me, plugin, clock: ctx.deps.clock, purpose: payload.purpose };
}

/** The stored file, part by part, each read in its own short transaction; stops when the job is aborted. */
async function* storedFile(ctx: JobContext, importId: string): AsyncGenerator<Uint8Array> {
  const manage = schoolJobScope(ctx.job.schoolId!, MANAGE);
  for (let part = 0; ; part++) {
    ctx.signal.throwIfAborted();
    const data = await ctx.inTenant(manage, (tx) => readImportFilePart(tx, importId, part));
    if (!data) return;
    yield data;
  }
}
