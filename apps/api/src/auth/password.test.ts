import { parseOptions } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { ARGON2_PARAMETERS, hashPassword, needsRehash, verifyPassword } from './password.ts';

describe('auth/password', () => {
  it('hashes with argon2id at no less than the OWASP ASVS 5.0 parameters (19 MiB, t=2, p=1)', async () => {
    const stored = await hashPassword('正确的马电池订书钉');
    expect(stored.startsWith('$argon2id$v=19$')).toBe(true);
    const used = parseOptions(stored);
    expect(used.memoryCost).toBeGreaterThanOrEqual(19456);
    expect(used.timeCost).toBeGreaterThanOrEqual(2);
    expect(used.parallelism).toBe(1);
    expect(used.saltLen).toBeGreaterThanOrEqual(16);
    expect(ARGON2_PARAMETERS.algorithm).toBe(2);
  });

  it('verifies the right password and refuses a wrong one or a malformed hash', async () => {
    const stored = await hashPassword('s3cret!');
    expect(await verifyPassword(stored, 's3cret!')).toBe(true);
    expect(await verifyPassword(stored, 's3cret?')).toBe(false);
    expect(await verifyPassword('not a hash', 's3cret!')).toBe(false);
  });

  it('salts: the same password hashes differently twice', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('flags hashes made with weaker parameters for rehashing', async () => {
    expect(needsRehash(await hashPassword('x'))).toBe(false);
    expect(
      needsRehash(
        '$argon2id$v=19$m=4096,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g',
      ),
    ).toBe(true);
  });
});
