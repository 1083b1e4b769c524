import { type Algorithm, hash, parseOptions, verify } from '@node-rs/argon2';

/**
 * argon2id parameters: 19 MiB of memory, 2 passes, 1 lane, 32-byte hash and (the library's) 16-byte random salt.
 * This is the first configuration that OWASP's Password Storage Cheat Sheet and ASVS 5.0 (V11.4.2) accept.
 * Raising any of them later is safe: {@link needsRehash} spots hashes made with weaker ones.
 */
export const ARGON2_PARAMETERS = {
  // `Algorithm` is a const enum that tsx cannot inline; 2 is Argon2id.
  algorithm: 2 as Algorithm.Argon2id,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
} as const;

/**
 * Hash a password with argon2id; the PHC string carries its own salt and parameters.
 *
 * @example
 * ```ts
 * const passwordHash = await hashPassword('correct horse battery staple');
 * ```
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_PARAMETERS);
}

/**
 * Whether `password` matches the stored hash. A malformed hash counts as a mismatch, never as an error.
 *
 * @example
 * ```ts
 * if (!(await verifyPassword(person.passwordHash, body.password))) throw problem('auth.wrong-credentials');
 * ```
 */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Whether a stored hash was made with weaker parameters than {@link ARGON2_PARAMETERS}. */
export function needsRehash(passwordHash: string): boolean {
  try {
    const used = parseOptions(passwordHash);
    return (
      used.algorithm !== ARGON2_PARAMETERS.algorithm ||
      used.memoryCost < ARGON2_PARAMETERS.memoryCost ||
      used.timeCost < ARGON2_PARAMETERS.timeCost ||
      used.outputLen < ARGON2_PARAMETERS.outputLen
    );
  } catch {
    return true;
  }
}

let decoyHash: Promise<string> | undefined;

/**
 * Spend the time of one real verification when there is no account to check, so a login for an unknown user
 * takes as long as one with a wrong password and does not reveal which usernames exist.
 */
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoyHash ??= hashPassword('decoy password that no account has');
  await verifyPassword(await decoyHash, password);
  return false;
}
