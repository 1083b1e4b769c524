// An API process of its own for the outbox crash test (modules/notifications/delivery/crash.test.ts): it commits an
// event with outbox messages (notify in one tenant transaction) against DATABASE_URL or the PGlite folder
// XQ_DATA_DIR, prints {"committed":true}, and then, by XQ_STOP_AT, stops to be killed:
//   after-commit — before any worker runs;
//   before-send  — its worker claimed a message and is about to hand it to the channel;
//   after-send   — the channel took the message, it is not yet marked sent.
// Each stop prints a JSON line and waits for ever, so the test kills the process exactly there. XQ_JOB_LEASE_MS and
// XQ_OUTBOX_LEASE_MS are the leases of its delivery job and of the messages it claims.
import { openDatabase } from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { tenantScope } from '../../auth/scope.ts';
import { defaultConfig } from '../../context.ts';
import { exponentialBackoff } from '../../modules/notifications/delivery/deliver.ts';
import { defineDeliveryJob } from '../../modules/notifications/delivery/job.ts';
import { notify } from '../../modules/notifications/notify.ts';
import { fixedCatalog } from '../../modules/plugins/catalog.ts';
import { startJobWorker } from '../worker.ts';

const env = (name: string) => process.env[name] ?? '';
const stopAt = env('XQ_STOP_AT');
const jobLeaseMs = Number(env('XQ_JOB_LEASE_MS'));
const outboxLeaseMs = Number(env('XQ_OUTBOX_LEASE_MS'));
const stop = (at: string, id: string) => {
  console.log(JSON.stringify({ at, id }));
  return new Promise<never>(() => {});
};

const db = await openDatabase(
  process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { dataDir: env('XQ_DATA_DIR') },
);
const schoolId = env('XQ_SCHOOL_ID');
const sender = tenantScope({
  schoolId,
  personId: env('XQ_SENDER_ID'),
  fullScopePaths: [],
  reducedScopePaths: [],
});
await withTenant(db, sender, (tx) =>
  notify(tx, {
    schoolId,
    recipients: [env('XQ_RECIPIENT_ID')],
    kind: 'follow-ups.due',
    params: { count: 3, dueOn: '2026-12-09', tier: 1 },
    link: '/college-station/follow-ups',
    outbound: { count: 3, dueOn: '2026-12-09', tier: 1 },
  }),
);
console.log(JSON.stringify({ committed: true }));
if (stopAt === 'after-commit') await stop('after-commit', '');

startJobWorker({
  deps: {
    db,
    plugins: fixedCatalog([]),
    config: defaultConfig,
    clock: () => new Date(),
    log: (m, e) => console.error(m, e ?? ''),
  },
  kinds: [
    defineDeliveryJob({
      maxAttempts: 4,
      backoffMs: exponentialBackoff(200),
      leaseMs: outboxLeaseMs,
      sendTimeoutMs: outboxLeaseMs / 5,
      batchSize: 10,
      beforeSend: (message) => (stopAt === 'before-send' ? stop('before-send', message.id) : undefined),
      afterSend: (message) => (stopAt === 'after-send' ? stop('after-send', message.id) : undefined),
    }),
  ],
  pollMs: 50,
  leaseMs: jobLeaseMs,
});
