import {
  createHash,
  createPrivateKey,
  createPublicKey,
  type KeyObject,
  randomBytes,
  sign,
  verify,
} from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The key that anchors the audit chain outside the database: a 32-byte secret, used as an ed25519 seed. The
 * database never sees it, so whoever can write the tables (even a superuser) cannot sign a checkpoint.
 */
export interface AuditSigningKey {
  /** First 16 hex digits of sha256 of the raw public key: names the key in each checkpoint. */
  readonly keyId: string;
  /** The public key, PEM (SPKI), for anyone checking an exported checkpoint. */
  readonly publicKeyPem: string;
  sign(message: string): string;
  verify(message: string, signature: string): boolean;
}

// The fixed PKCS#8 header of an ed25519 private key; the 32-byte seed follows it.
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** The signing key of a 32-byte secret (base64 or hex text, or the bytes). */
export function auditSigningKey(secret: Buffer): AuditSigningKey {
  if (secret.length !== 32) throw new Error('the audit key must be 32 bytes (base64 or hex)');
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, secret]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey: KeyObject = createPublicKey(privateKey);
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  return {
    keyId: createHash('sha256').update(raw).digest('hex').slice(0, 16),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    sign: (message) => sign(null, Buffer.from(message, 'utf8'), privateKey).toString('base64'),
    verify: (message, signature) => {
      try {
        return verify(null, Buffer.from(message, 'utf8'), publicKey, Buffer.from(signature, 'base64'));
      } catch {
        return false;
      }
    },
  };
}

/** Reads a secret written as base64 or hex (surrounding white space ignored). */
export function parseAuditSecret(text: string): Buffer {
  const trimmed = text.trim();
  const bytes = /^[0-9a-f]{64}$/i.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed, 'base64');
  if (bytes.length !== 32)
    throw new Error('the audit key must be 32 bytes, written as base64 or 64 hex digits');
  return bytes;
}

/**
 * The secret from `XINQIAO_AUDIT_KEY` when set, otherwise from `keyFile`, which is created (mode 0600, 32 random
 * bytes in base64) on first start. Keep the file out of database backups: a copy next to the data defeats it.
 */
export function loadOrCreateAuditSecret(env: string | undefined, keyFile: string): Buffer {
  if (env?.trim()) return parseAuditSecret(env);
  if (existsSync(keyFile)) return parseAuditSecret(readFileSync(keyFile, 'utf8'));
  mkdirSync(dirname(keyFile), { recursive: true });
  const secret = randomBytes(32);
  const partial = `${keyFile}.${process.pid}`;
  writeFileSync(partial, `${secret.toString('base64')}\n`, { mode: 0o600 });
  chmodSync(partial, 0o600);
  renameSync(partial, keyFile);
  return secret;
}

/** The text a checkpoint's signature covers: the school, the chain position, its hash and when it was taken. */
export function checkpointMessage(c: { schoolId: string; seq: number; hash: string; at: Date }): string {
  return ['xinqiao-audit-checkpoint-v1', c.schoolId, String(c.seq), c.hash, c.at.toISOString()].join('\n');
}
