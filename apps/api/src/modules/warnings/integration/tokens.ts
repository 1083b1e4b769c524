import { type FeedKind, integrationTokens, people } from '@xinqiao/db';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { type Caller, requirePermission } from '../../../auth/caller.ts';
import { newServiceToken } from '../../../auth/integration-token.ts';
import { problem } from '../../../http/problem.ts';
import { recordAccess } from '../../audit/record.ts';

type TokenRow = typeof integrationTokens.$inferSelect & { createdByName: string | null };

function presentToken(row: TokenRow) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    feeds: row.feeds,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdByName ?? '',
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

async function audit(caller: Caller, action: string, id: string | null) {
  await recordAccess(caller.tx, caller.me, {
    action,
    entity: 'integration_token',
    entityId: id,
    purpose: caller.purpose,
  });
}

/** The school's service tokens, newest first (never the token itself: only its first characters). */
export async function listTokens(caller: Caller) {
  requirePermission(caller, 'integration.manage');
  const rows = await caller.tx
    .select({ token: integrationTokens, createdByName: people.displayName })
    .from(integrationTokens)
    .leftJoin(people, eq(people.id, integrationTokens.createdBy))
    .orderBy(desc(integrationTokens.createdAt));
  return { items: rows.map((row) => presentToken({ ...row.token, createdByName: row.createdByName })) };
}

/**
 * Creates a service token for the school's academic-affairs or campus-card system, allowed to write the given
 * feeds. The token is answered this once; only its SHA-256 is stored.
 */
export async function createToken(caller: Caller, input: { name: string; feeds: FeedKind[] }) {
  requirePermission(caller, 'integration.manage');
  const { token, hash, prefix } = newServiceToken();
  const [row] = await caller.tx
    .insert(integrationTokens)
    .values({
      schoolId: caller.me.school.id,
      name: input.name,
      tokenHash: hash,
      prefix,
      feeds: [...new Set(input.feeds)],
      createdBy: caller.me.person.id,
    })
    .returning();
  await audit(caller, 'integration-token.create', row!.id);
  return { ...presentToken({ ...row!, createdByName: caller.me.person.displayName }), token };
}

/** Revokes a token: its next request is refused (401). */
export async function revokeToken(caller: Caller, id: string, now: Date) {
  requirePermission(caller, 'integration.manage');
  const [row] = await caller.tx
    .update(integrationTokens)
    .set({ revokedAt: now, revokedBy: caller.me.person.id })
    .where(and(eq(integrationTokens.id, id), isNull(integrationTokens.revokedAt)))
    .returning();
  if (!row) {
    const [known] = await caller.tx.select().from(integrationTokens).where(eq(integrationTokens.id, id));
    if (!known) throw problem('integration.token-not-found');
    return presentToken({ ...known, createdByName: null });
  }
  await audit(caller, 'integration-token.revoke', id);
  return presentToken({ ...row, createdByName: null });
}
