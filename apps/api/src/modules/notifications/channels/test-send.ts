import type { Context } from 'hono';
import { callerFor } from '../../../auth/caller.ts';
import type { BeforeTransactionEnv } from '../../../auth/middleware.ts';
import { statedPurpose } from '../../audit/record.ts';
import { TestChannelBody } from './schemas.ts';
import { deliverTestSend, type PreparedTestSend, prepareTestSend } from './service.ts';

/** The test sends each request made before its transaction opened, for the route's handler to audit. */
const sentBeforeTransaction = new WeakMap<Request, PreparedTestSend>();

/**
 * `POST /api/notifications/channels/test`'s step before the request's transaction (auth/middleware.ts): the
 * permission check and the channel read in a short transaction of its own, then the message sent with no
 * transaction open (an SMTP server may take its 10 s), so no school waits for another school's mail server. A body
 * that does not fit is left to the route's validator (400).
 */
export async function sendTestBeforeTransaction(c: Context<BeforeTransactionEnv>): Promise<void> {
  const parsed = TestChannelBody.safeParse(await c.req.json().catch(() => undefined));
  if (!parsed.success) return;
  const purpose = statedPurpose(c.req.header('x-access-purpose'), '通知 / notifications');
  const prepared = await c.var.inScope((tx) =>
    prepareTestSend(callerFor(tx, c.var.me, c.var.scope, purpose), parsed.data),
  );
  await deliverTestSend(prepared);
  sentBeforeTransaction.set(c.req.raw, prepared);
}

/** What {@link sendTestBeforeTransaction} sent for this request, if it ran. */
export function testSentBefore(request: Request): PreparedTestSend | undefined {
  return sentBeforeTransaction.get(request);
}
