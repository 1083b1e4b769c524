import { type Database, people, schools, type TenantTx, type UnscopedTx } from '@xinqiao/db';
import { runInTransaction, scopeTransaction } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { and, eq } from 'drizzle-orm';
import type { AppConfig } from '../context.ts';
import { hashPassword, needsRehash, verifyAgainstDecoy, verifyPassword } from './password.ts';
import { loginKeys, releaseOnSuccess, reserveLoginAttempt } from './rate-limit.ts';
import { loadAccount, schoolOnlyScope } from './scope.ts';
import type { Me } from './session-types.ts';
import { createSession } from './sessions.ts';

export interface LoginInput {
  school: string;
  username: string;
  password: string;
}

export type LoginOutcome =
  | { ok: true; me: Me; token: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'rate-limited'; retryAfterSeconds: number };

interface Candidate {
  schoolId: string;
  personId: string;
  passwordHash: string;
}

/**
 * Check a login and open a session. Three short steps so no transaction is held while argon2 runs: reserve the
 * attempt against the throttle and look up the school and account (refusing early when the attempt must wait),
 * verify the password, then either keep the reservation as the failure or take it back and create the session
 * (upgrading a hash made with weaker parameters than today's). An unknown school, unknown user, disabled account
 * and wrong password all answer the same. `deviceId` is the id of a verified known-device cookie (auth/device.ts).
 */
export async function logIn(
  db: Database,
  input: LoginInput,
  context: { address: string; now: Date; config: AppConfig; deviceId?: string },
): Promise<LoginOutcome> {
  const { now, config } = context;
  const keys = loginKeys(input.school, input.username, context.address, context.deviceId);
  const lookup = await runInTransaction(db, async (tx) => {
    const reservation = await reserveLoginAttempt(tx, keys, now, config);
    if (!reservation.granted)
      return { blocked: true as const, retryAfterSeconds: reservation.retryAfterSeconds };
    return { blocked: false as const, at: reservation.at, candidate: await findCandidate(tx, input) };
  });
  if (lookup.blocked)
    return { ok: false, reason: 'rate-limited', retryAfterSeconds: lookup.retryAfterSeconds };
  const candidate = lookup.candidate;
  const valid = candidate
    ? await verifyPassword(candidate.passwordHash, input.password)
    : await verifyAgainstDecoy(input.password);
  // A failure keeps its reservation: it was recorded before the hash was checked.
  if (!candidate || !valid) return { ok: false, reason: 'invalid' };
  const upgraded = needsRehash(candidate.passwordHash) ? await hashPassword(input.password) : undefined;
  return runInTransaction(db, async (tx) => {
    await releaseOnSuccess(tx, keys, lookup.at);
    return openSession(tx, candidate, now, config, upgraded);
  });
}

async function findCandidate(tx: UnscopedTx, input: LoginInput): Promise<Candidate | undefined> {
  const [school] = await tx.select({ id: schools.id }).from(schools).where(eq(schools.code, input.school));
  if (!school) return undefined;
  const scoped = await scopeTransaction(tx, schoolOnlyScope(school.id, null));
  const [person] = await scoped
    .select({ id: people.id, passwordHash: people.passwordHash })
    .from(people)
    .where(
      and(eq(people.schoolId, school.id), eq(people.username, input.username), eq(people.disabled, false)),
    );
  return person ? { schoolId: school.id, personId: person.id, passwordHash: person.passwordHash } : undefined;
}

async function openSession(
  tx: UnscopedTx,
  candidate: Candidate,
  now: Date,
  config: AppConfig,
  upgradedHash: string | undefined,
): Promise<LoginOutcome> {
  const scoped: TenantTx = await scopeTransaction(
    tx,
    schoolOnlyScope(candidate.schoolId, candidate.personId),
  );
  const account = await loadAccount(scoped, candidate.schoolId, candidate.personId);
  // Disabled between the password check and now: treat as a wrong password.
  if (!account || account.person.disabled) return { ok: false, reason: 'invalid' };
  if (upgradedHash) {
    // Only if the hash is still the one just verified (a password changed meanwhile wins).
    await scoped
      .update(people)
      .set({ passwordHash: upgradedHash })
      .where(and(eq(people.id, candidate.personId), eq(people.passwordHash, candidate.passwordHash)));
  }
  const { token, session } = await createSession(scoped, {
    schoolId: candidate.schoolId,
    personId: candidate.personId,
    now,
    absoluteMs: config.sessionAbsoluteMs,
  });
  const { disabled: _disabled, ...person } = account.person;
  return {
    ok: true,
    token,
    me: { person, school: account.school, roles: account.roles, csrfToken: session.csrfToken },
  };
}
