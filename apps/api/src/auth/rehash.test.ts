import { hash, parseOptions } from '@node-rs/argon2';
import { people } from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, TEST_PASSWORD, type TestApp } from '../testing/index.ts';
import { ARGON2_PARAMETERS, needsRehash, verifyPassword } from './password.ts';
import { schoolOnlyScope } from './scope.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const inAlpha = <T>(work: Parameters<typeof withTenant<T>>[2]) =>
  withTenant(t.db, schoolOnlyScope(t.world.schools.alpha.id, null), work);

describe('auth/login upgrades password hashes', () => {
  it('rehashes a password stored with weaker argon2 parameters at the next login', async () => {
    const personId = t.world.schools.alpha.people.teacher1!;
    const weak = await hash(TEST_PASSWORD, { ...ARGON2_PARAMETERS, memoryCost: 4096, timeCost: 1 });
    await inAlpha((tx) => tx.update(people).set({ passwordHash: weak }).where(eq(people.id, personId)));
    await loginAs(t.app, 'alpha', 'teacher1');
    const [row] = await inAlpha((tx) =>
      tx.select({ passwordHash: people.passwordHash }).from(people).where(eq(people.id, personId)),
    );
    expect(row!.passwordHash).not.toBe(weak);
    expect(needsRehash(row!.passwordHash)).toBe(false);
    expect(parseOptions(row!.passwordHash).memoryCost).toBe(ARGON2_PARAMETERS.memoryCost);
    expect(await verifyPassword(row!.passwordHash, TEST_PASSWORD)).toBe(true);
  });
});
