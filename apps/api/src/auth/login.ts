import { type Database, people, schools, type TenantTx, type UnscopedTx } from '@xinqiao/db';
import { runInTransaction, scopeTransaction } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { and, eq } from 'drizzle-orm';
import type { AppConfig } from '../context.ts';
import { verifyAgainstDecoy, verifyPassword } from './password.ts';
import {
  clearAccountFailures,
  type LoginKeys,
  loginBlockedFor,
  loginKeys,
  recordLoginFailure,
} from './rate-limit.ts';
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
 * Check a login and open a session. Three short steps so no transaction is held while argon2 runs: look up the
 * school and account (refusing early when rate limited), verify the password, then record the failure or
 * create the session. An unknown school, unknown user, disabled account and wrong password all answer the same.
 */
export async function logIn(
  db: Database,
  input: LoginInput,
  context: { address: string; now: Date; config: AppConfig },
): Promise<LoginOutcome> {
  const { now, config } = context;
  const keys = loginKeys(input.school, input.username, context.address);
  const lookup = await runInTransaction(db, async (tx) => {
    const retryAfterSeconds = await loginBlockedFor(tx, keys, now, config);
    if (retryAfterSeconds > 0) return { blocked: true as const, retryAfterSeconds };
    return { blocked: false as const, candidate: await findCandidate(tx, input) };
  });
  if (lookup.blocked)
    return { ok: false, reason: 'rate-limited', retryAfterSeconds: lookup.retryAfterSeconds };
  const candidate = lookup.candidate;
  const valid = candidate
    ? await verifyPassword(candidate.passwordHash, input.password)
    : await verifyAgainstDecoy(input.password);
  if (!candidate || !valid) {
    await runInTransaction(db, (tx) => recordLoginFailure(tx, keys, now, config));
    return { ok: false, reason: 'invalid' };
  }
  return runInTransaction(db, (tx) => openSession(tx, candidate, keys, now, config));
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
  keys: LoginKeys,
  now: Date,
  config: AppConfig,
): Promise<LoginOutcome> {
  await clearAccountFailures(tx, keys);
  const scoped: TenantTx = await scopeTransaction(
    tx,
    schoolOnlyScope(candidate.schoolId, candidate.personId),
  );
  const account = await loadAccount(scoped, candidate.schoolId, candidate.personId);
  // Disabled between the password check and now: treat as a wrong password.
  if (!account || account.person.disabled) return { ok: false, reason: 'invalid' };
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
