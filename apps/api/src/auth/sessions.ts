import { createHash, randomBytes } from 'node:crypto';
import { queryRows, sessions, sqlInstant, type TenantTx, type UnscopedTx } from '@xinqiao/db';
import { and, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { AppConfig } from '../context.ts';
import { type Account, type AccountRow, accountFromRows } from './scope.ts';
import type { SessionInfo } from './session-types.ts';

/** A new session id: 128 random bits, base64url (22 characters). Only the cookie ever holds it. */
export function newSessionToken(): string {
  return randomBytes(16).toString('base64url');
}

/** A new CSRF synchronizer token: 256 random bits, base64url. */
export function newCsrfToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The SHA-256 (hex) of a session id: the only form in which it is stored. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Why a stored session no longer counts, or undefined while it is alive. */
export function sessionExpiry(
  session: Pick<SessionInfo, 'createdAt' | 'lastSeenAt'> & { expiresAt: Date },
  now: Date,
  config: Pick<AppConfig, 'sessionIdleMs' | 'sessionAbsoluteMs'>,
): 'idle' | 'absolute' | undefined {
  const absoluteEnd = Math.min(
    session.expiresAt.getTime(),
    session.createdAt.getTime() + config.sessionAbsoluteMs,
  );
  if (now.getTime() >= absoluteEnd) return 'absolute';
  if (now.getTime() >= session.lastSeenAt.getTime() + config.sessionIdleMs) return 'idle';
  return undefined;
}

/**
 * Store a new session for a person who just proved who they are; returns the token for the cookie.
 * The transaction must already be scoped to the person's school.
 */
export async function createSession(
  tx: TenantTx,
  input: { schoolId: string; personId: string; now: Date; absoluteMs: number },
): Promise<{ token: string; session: SessionInfo }> {
  const token = newSessionToken();
  const session: SessionInfo = {
    tokenHash: hashSessionToken(token),
    schoolId: input.schoolId,
    personId: input.personId,
    csrfToken: newCsrfToken(),
    createdAt: input.now,
    lastSeenAt: input.now,
  };
  await tx
    .insert(sessions)
    .values({ ...session, expiresAt: new Date(input.now.getTime() + input.absoluteMs) });
  return { token, session };
}

/** The stored session with this token hash; the transaction must have called `lookUpSessionToken` first. */
export async function findSession(
  tx: UnscopedTx,
  tokenHash: string,
): Promise<(SessionInfo & { expiresAt: Date }) | undefined> {
  const [row] = await tx
    .select({
      tokenHash: sessions.tokenHash,
      schoolId: sessions.schoolId,
      personId: sessions.personId,
      csrfToken: sessions.csrfToken,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .where(eq(sessions.tokenHash, tokenHash));
  return row;
}

/** Delete one session (logout, expiry). */
export async function deleteSession(tx: UnscopedTx | TenantTx, tokenHash: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/**
 * End every session of a person: call it when an account is disabled or its password changes. (The session
 * middleware also refuses a disabled account's session on its next request, so this only frees the rows early.)
 *
 * @example
 * ```ts
 * await tx.update(people).set({ disabled: true }).where(eq(people.id, id));
 * await endSessionsOf(tx, id);
 * ```
 */
export async function endSessionsOf(tx: TenantTx, personId: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.personId, personId));
}

/**
 * Deletes the school's sessions that {@link sessionExpiry} would refuse now (the daily clean-up: a session nobody
 * comes back to is otherwise deleted only when its cookie is next sent). Answers how many.
 *
 * @example
 * ```ts
 * const removed = await deleteExpiredSessions(tx, new Date(), config);
 * ```
 */
export async function deleteExpiredSessions(
  tx: TenantTx,
  now: Date,
  config: Pick<AppConfig, 'sessionIdleMs' | 'sessionAbsoluteMs'>,
): Promise<number> {
  const removed = await tx
    .delete(sessions)
    .where(
      or(
        lte(sessions.expiresAt, now),
        lte(sessions.createdAt, new Date(now.getTime() - config.sessionAbsoluteMs)),
        lte(sessions.lastSeenAt, new Date(now.getTime() - config.sessionIdleMs)),
      ),
    )
    .returning({ tokenHash: sessions.tokenHash });
  return removed.length;
}

/**
 * Mark the session used now, on every request, so the idle timeout counts from the last request. The request's
 * transaction is open anyway and the row is found by its primary key. The row stays locked until the request
 * commits, so a request whose session row another request of the same browser is touching at this moment skips
 * (`SKIP LOCKED`): that one records the same moment, and parallel requests do not queue behind each other.
 */
export async function touchSession(tx: TenantTx, session: SessionInfo, now: Date): Promise<void> {
  if (now.getTime() <= session.lastSeenAt.getTime()) return;
  const locked = tx
    .select({ tokenHash: sessions.tokenHash })
    .from(sessions)
    .where(and(eq(sessions.tokenHash, session.tokenHash), lt(sessions.lastSeenAt, now)))
    .for('update', { skipLocked: true });
  await tx.update(sessions).set({ lastSeenAt: now }).where(inArray(sessions.tokenHash, locked));
}

interface OpenedSessionRow extends AccountRow {
  schoolId: string;
  personId: string;
  csrfToken: string;
  createdAt: Date | string;
  lastSeenAt: Date | string;
  expiresAt: Date | string;
}

/**
 * What every request does before its handler, in ONE round trip (`xq_open_session`, migration 0015): set the
 * session token, read the session, set its school and person (no units yet), mark it used now (as
 * {@link touchSession}: skipped while another request of the session holds the row), and read the person, the
 * school and the roles as {@link findSession} and `loadAccount` would. A plpgsql function of the invoker, so the
 * same RLS applies as to the statements it replaces, and their plans are cached for the connection. Answers
 * undefined for an unknown token; `account` is undefined when the person is gone. The session's `lastSeenAt` is
 * the one before this request, for {@link sessionExpiry}; the caller deletes an expired or disabled one.
 */
export async function openSession(
  tx: UnscopedTx,
  tokenHash: string,
  now: Date,
): Promise<{ session: SessionInfo & { expiresAt: Date }; account: Account | undefined } | undefined> {
  const rows = await queryRows<OpenedSessionRow>(
    tx,
    sql`SELECT school_id AS "schoolId", person_id AS "personId", csrf_token AS "csrfToken",
          created_at AS "createdAt", last_seen_at AS "lastSeenAt", expires_at AS "expiresAt",
          p_id AS "id", username, display_name AS "displayName", disabled, school_code AS "schoolCode",
          school_name AS "schoolName", school_name_en AS "schoolNameEn", role, unit_id AS "unitId",
          unit_name AS "unitName", level_key AS "levelKey", unit_path AS "unitPath"
        FROM xq_open_session(${tokenHash}, ${sqlInstant(now)})`,
  );
  const first = rows[0];
  if (!first) return undefined;
  const session = {
    tokenHash,
    schoolId: first.schoolId,
    personId: first.personId,
    csrfToken: first.csrfToken,
    createdAt: new Date(first.createdAt),
    lastSeenAt: new Date(first.lastSeenAt),
    expiresAt: new Date(first.expiresAt),
  };
  return { session, account: accountFromRows(first.schoolId, rows) };
}
