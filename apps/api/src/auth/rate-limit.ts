import { createHash } from 'node:crypto';
import { loginAttempts, type UnscopedTx } from '@xinqiao/db';
import { and, count, eq, gt, inArray, lte, min } from 'drizzle-orm';
import type { AppConfig } from '../context.ts';

/**
 * Login throttling. Failed attempts are rows in PostgreSQL (`login_attempts`), so every API process behind a
 * load balancer counts the same attempts and a restart forgets nothing. Two keys are counted: the account
 * (school + username, against guessing one password) and the client address (against trying many accounts).
 * Keys are stored hashed, so the table holds no usernames or addresses.
 */
export interface LoginKeys {
  account: string;
  address: string;
}

/** The hashed keys of a login attempt. */
export function loginKeys(school: string, username: string, address: string): LoginKeys {
  const digest = (s: string) => createHash('sha256').update(s).digest('hex');
  return {
    account: digest(`account\u0000${school.trim().toLowerCase()}\u0000${username.trim().toLowerCase()}`),
    address: digest(`address\u0000${address}`),
  };
}

type Limits = Pick<AppConfig, 'loginWindowMs' | 'maxFailuresPerAccount' | 'maxFailuresPerAddress'>;

/** Seconds until another attempt is allowed, or 0 when the attempt may go ahead. */
export async function loginBlockedFor(
  tx: UnscopedTx,
  keys: LoginKeys,
  now: Date,
  limits: Limits,
): Promise<number> {
  const since = new Date(now.getTime() - limits.loginWindowMs);
  const checks = [
    { key: keys.account, max: limits.maxFailuresPerAccount },
    { key: keys.address, max: limits.maxFailuresPerAddress },
  ];
  let wait = 0;
  for (const { key, max } of checks) {
    const [row] = await tx
      .select({ failures: count(), oldest: min(loginAttempts.attemptedAt) })
      .from(loginAttempts)
      .where(
        and(
          eq(loginAttempts.key, key),
          gt(loginAttempts.attemptedAt, since),
          lte(loginAttempts.attemptedAt, now),
        ),
      );
    if (row && row.failures >= max && row.oldest) {
      const oldest = new Date(row.oldest).getTime();
      wait = Math.max(wait, Math.ceil((oldest + limits.loginWindowMs - now.getTime()) / 1000));
    }
  }
  return wait;
}

/** Count one failed attempt against both keys, and drop their attempts that fell out of the window. */
export async function recordLoginFailure(
  tx: UnscopedTx,
  keys: LoginKeys,
  now: Date,
  limits: Limits,
): Promise<void> {
  const since = new Date(now.getTime() - limits.loginWindowMs);
  await tx
    .delete(loginAttempts)
    .where(
      and(inArray(loginAttempts.key, [keys.account, keys.address]), lte(loginAttempts.attemptedAt, since)),
    );
  await tx.insert(loginAttempts).values([
    { key: keys.account, attemptedAt: now },
    { key: keys.address, attemptedAt: now },
  ]);
}

/** A successful login clears the account's failures (the address keeps its count). */
export async function clearAccountFailures(tx: UnscopedTx, keys: LoginKeys): Promise<void> {
  await tx.delete(loginAttempts).where(eq(loginAttempts.key, keys.account));
}
