import { createHash, randomBytes } from 'node:crypto';
import {
  type FeedKind,
  integrationTokens,
  queryRows,
  schools,
  sqlInstant,
  type TenantTx,
  type UnscopedTx,
} from '@xinqiao/db';
import { runInTransaction, scopeTransaction } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { eq, sql } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import type { AppVariables } from '../context.ts';
import { problem } from '../http/problem.ts';
import { tenantScope } from './scope.ts';

/** Requests one service token may make per minute. */
export const INTEGRATION_REQUESTS_PER_MINUTE = 60;
/** The capability an integration request runs with: the import role, nothing else (no person, no cases). */
export const INTEGRATION_CAPABILITIES = ['feeds.raw'] as const;

/** The token a request presented, once verified. */
export interface IntegrationToken {
  id: string;
  name: string;
  schoolId: string;
  schoolCode: string;
  feeds: readonly FeedKind[];
}

/** The env of the integration routes: no session, the token and its school's tenant transaction. */
export interface IntegrationEnv {
  Variables: AppVariables & { token: IntegrationToken; tx: TenantTx };
}

/** A new token (shown once) and what is stored of it: its SHA-256 and first characters. */
export function newServiceToken(): { token: string; hash: string; prefix: string } {
  const token = `xqit_${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashServiceToken(token), prefix: token.slice(0, 12) };
}

export const hashServiceToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Reads the one token whose hash was presented (RLS `integration_tokens_present`), counting the request. */
async function admitToken(tx: UnscopedTx, hash: string, now: Date) {
  await tx.execute(sql`SELECT set_config('xq.integration_token', ${hash}, true)`);
  const at = sqlInstant(now);
  const [row] = await queryRows<{
    id: string;
    name: string;
    school_id: string;
    feeds: FeedKind[];
    revoked_at: Date | null;
    window_count: number;
    window_start: Date | string;
  }>(
    tx,
    sql`UPDATE integration_tokens SET last_used_at = ${at},
          window_start = CASE WHEN window_start IS NULL OR window_start <= ${at} - interval '1 minute'
                              THEN ${at} ELSE window_start END,
          window_count = CASE WHEN window_start IS NULL OR window_start <= ${at} - interval '1 minute'
                              THEN 1 ELSE window_count + 1 END
        WHERE token_hash = ${hash} AND revoked_at IS NULL
        RETURNING id, name, school_id, feeds, revoked_at, window_count, window_start`,
  );
  return row;
}

/**
 * Authenticates `Authorization: Bearer <service token>` for the integration API. The token is looked up by its hash
 * in a short transaction of its own that also counts the request (a refused request counts too); a missing, unknown
 * or revoked token is 401 (revoking takes effect on the next request), more than
 * {@link INTEGRATION_REQUESTS_PER_MINUTE} a minute is 429 with Retry-After. Then the route runs in a tenant
 * transaction of the token's school with the import role only, committed only when it answers below 400.
 */
export function integrationTokenMiddleware(): MiddlewareHandler<IntegrationEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw problem('integration.token-required').withHeaders({ 'www-authenticate': 'Bearer' });
    const now = c.var.clock();
    const hash = hashServiceToken(match[1]!);
    const admitted = await runInTransaction(c.var.db, (tx) => admitToken(tx, hash, now));
    if (!admitted) throw problem('integration.token-invalid').withHeaders({ 'www-authenticate': 'Bearer' });
    if (admitted.window_count > INTEGRATION_REQUESTS_PER_MINUTE) {
      const resetAt = new Date(admitted.window_start).getTime() + 60_000;
      const retryAfterSeconds = Math.max(1, Math.ceil((resetAt - now.getTime()) / 1000));
      throw problem('integration.rate-limited', { retryAfterSeconds }).withHeaders({
        'retry-after': String(retryAfterSeconds),
      });
    }
    const scope = tenantScope({
      schoolId: admitted.school_id,
      personId: null,
      fullScopePaths: ['/'],
      reducedScopePaths: [],
      capabilities: [...INTEGRATION_CAPABILITIES],
    });
    class RollBack extends Error {}
    try {
      await runInTransaction(c.var.db, async (unscoped) => {
        const tx = await scopeTransaction(unscoped, scope);
        await tx.execute(sql`SELECT set_config('xq.integration_token', ${hash}, true)`);
        const [school] = await tx
          .select({ code: schools.code })
          .from(schools)
          .where(eq(schools.id, admitted.school_id));
        // Revoked between the two transactions: refused all the same.
        const [live] = await tx
          .select({ revokedAt: integrationTokens.revokedAt })
          .from(integrationTokens)
          .where(eq(integrationTokens.id, admitted.id));
        if (!school || !live || live.revokedAt) throw problem('integration.token-invalid');
        c.set('token', {
          id: admitted.id,
          name: admitted.name,
          schoolId: admitted.school_id,
          schoolCode: school.code,
          feeds: admitted.feeds,
        });
        c.set('tx', tx);
        await next();
        if (c.error || c.res.status >= 400) throw new RollBack();
      });
    } catch (error) {
      if (!(error instanceof RollBack)) throw error;
    }
  };
}

/** Whether a path is the integration API's (answered without a session). */
export const isIntegrationPath = (path: string) => path.startsWith('/api/integration/feeds/');
