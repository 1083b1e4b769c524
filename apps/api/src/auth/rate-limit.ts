import { createHash } from 'node:crypto';
import { loginAttempts, type UnscopedTx } from '@xinqiao/db';
import { and, count, eq, gt, inArray, lte, max, sql } from 'drizzle-orm';
import type { AppConfig } from '../context.ts';

/**
 * Login throttling (docs/security.md, "Login throttling"). Attempts are rows in PostgreSQL (`login_attempts`), so
 * every API process behind a load balancer counts the same attempts and a restart forgets nothing. Keys are stored
 * hashed, so the table holds no usernames or addresses. Three kinds of key are counted:
 *
 * - the account (school + username), against guessing one account's password;
 * - the client address, against trying many accounts from one place;
 * - instead of both, the account on a known device (a browser holding the `xq_device` cookie a successful login
 *   of this account set): the real user's own bucket, which an attacker elsewhere cannot fill.
 *
 * Each key has a free allowance of failures within the window; after it, every further attempt must wait a delay
 * that doubles with each failure (1 s, 2 s, 4 s … at most {@link MAX_DELAY_MS}) after the key's latest attempt.
 * Nothing is locked: the real password gets through after a short wait, and at once from a known device.
 *
 * An attempt is *reserved* before the password is hashed ({@link reserveLoginAttempt}): counting and recording are
 * one transaction serialised per key by an advisory lock, so parallel guesses cannot all pass the check before any
 * of them is recorded. A failed attempt keeps its reservation as the failure; a successful one takes it back.
 */
export interface LoginKeys {
  account: string;
  address: string;
  /** The account on this known device, when the request's device cookie proves one. */
  device?: string;
}

/** The longest wait between attempts once a key has used its free failures. */
export const MAX_DELAY_MS = 5 * 60_000;

const digest = (s: string) => createHash('sha256').update(s).digest('hex');

/** The account part of a login's key, before hashing: what a device cookie is bound to. */
export function accountName(school: string, username: string): string {
  return `${school.trim().toLowerCase()}\u0000${username.trim().toLowerCase()}`;
}

/** The hashed keys of a login attempt; `deviceId` is the id a verified device cookie carries. */
export function loginKeys(school: string, username: string, address: string, deviceId?: string): LoginKeys {
  const account = accountName(school, username);
  return {
    account: digest(`account\u0000${account}`),
    address: digest(`address\u0000${address}`),
    ...(deviceId ? { device: digest(`device\u0000${deviceId}\u0000${account}`) } : {}),
  };
}

type Limits = Pick<AppConfig, 'loginWindowMs' | 'maxFailuresPerAccount' | 'maxFailuresPerAddress'>;

/** The keys an attempt is counted against, with each key's free allowance. */
function countedKeys(keys: LoginKeys, limits: Limits): { key: string; free: number }[] {
  if (keys.device) return [{ key: keys.device, free: limits.maxFailuresPerAccount }];
  return [
    { key: keys.account, free: limits.maxFailuresPerAccount },
    { key: keys.address, free: limits.maxFailuresPerAddress },
  ];
}

/** The wait after `failures` failures of a key allowed `free` of them: 0, then 1 s doubling up to the cap. */
export function delayAfter(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(1000 * 2 ** Math.min(failures - free, 30), MAX_DELAY_MS);
}

/** What {@link reserveLoginAttempt} decided: go ahead (the attempt is recorded), or wait this many seconds. */
export type Reservation = { granted: true; at: Date } | { granted: false; retryAfterSeconds: number };

/**
 * Checks the attempt against its keys and, when allowed, records it, atomically: call it in its own transaction
 * before verifying the password. The keys are locked (`pg_advisory_xact_lock`) in a fixed order, so two attempts
 * on one key are counted one after the other on PostgreSQL as on PGlite, and at most the free allowance of
 * parallel guesses is ever evaluated.
 */
export async function reserveLoginAttempt(
  tx: UnscopedTx,
  keys: LoginKeys,
  now: Date,
  limits: Limits,
): Promise<Reservation> {
  const counted = countedKeys(keys, limits).sort((a, b) => a.key.localeCompare(b.key));
  const since = new Date(now.getTime() - limits.loginWindowMs);
  for (const { key } of counted) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`login:${key}`}, 0))`);
  }
  await tx.delete(loginAttempts).where(
    and(
      inArray(
        loginAttempts.key,
        counted.map((c) => c.key),
      ),
      lte(loginAttempts.attemptedAt, since),
    ),
  );
  let waitMs = 0;
  for (const { key, free } of counted) {
    const [row] = await tx
      .select({ failures: count(), latest: max(loginAttempts.attemptedAt) })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.key, key), gt(loginAttempts.attemptedAt, since)));
    if (!row?.latest) continue;
    const until = new Date(row.latest).getTime() + delayAfter(row.failures, free);
    waitMs = Math.max(waitMs, until - now.getTime());
  }
  if (waitMs > 0) return { granted: false, retryAfterSeconds: Math.ceil(waitMs / 1000) };
  await tx.insert(loginAttempts).values(counted.map(({ key }) => ({ key, attemptedAt: now })));
  return { granted: true, at: now };
}

/**
 * A successful login: the account's failures (on this device, or all of them) are cleared, and this attempt's
 * reservation against the address is taken back, so people signing in behind one address do not slow each other.
 */
export async function releaseOnSuccess(tx: UnscopedTx, keys: LoginKeys, at: Date): Promise<void> {
  await tx.delete(loginAttempts).where(eq(loginAttempts.key, keys.device ?? keys.account));
  if (keys.device) return;
  await tx.execute(
    sql`delete from ${loginAttempts} where ctid = (select ctid from ${loginAttempts}
      where ${loginAttempts.key} = ${keys.address} and ${loginAttempts.attemptedAt} = ${at.toISOString()}
      limit 1)`,
  );
}
