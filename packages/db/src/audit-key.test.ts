import { createPublicKey, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  auditSigningKey,
  checkpointMessage,
  loadOrCreateAuditSecret,
  parseAuditSecret,
} from './audit-key.ts';

const dir = mkdtempSync(join(tmpdir(), 'xq-audit-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('db/audit key', () => {
  it('creates the key file once, readable by its owner only, and reads the same key back', () => {
    const file = join(dir, 'audit', 'signing.key');
    const first = loadOrCreateAuditSecret(undefined, file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadOrCreateAuditSecret('', file).equals(first)).toBe(true);
    expect(parseAuditSecret(readFileSync(file, 'utf8')).equals(first)).toBe(true);
  });

  it('prefers XINQIAO_AUDIT_KEY (base64 or hex) and refuses a key of the wrong size', () => {
    const hex = 'ab'.repeat(32);
    expect(loadOrCreateAuditSecret(hex, join(dir, 'unused.key'))).toEqual(Buffer.alloc(32, 0xab));
    expect(parseAuditSecret(Buffer.alloc(32, 1).toString('base64'))).toEqual(Buffer.alloc(32, 1));
    expect(() => parseAuditSecret('c2hvcnQ=')).toThrow(/32 bytes/);
  });

  it('signs a checkpoint that anyone can check with the public key alone', () => {
    const key = auditSigningKey(Buffer.alloc(32, 9));
    const checkpoint = { schoolId: 's', seq: 7, hash: 'h', at: new Date('2026-12-06T00:00:00Z') };
    const signature = key.sign(checkpointMessage(checkpoint));
    const publicKey = createPublicKey(key.publicKeyPem);
    const message = Buffer.from(checkpointMessage(checkpoint));
    expect(verify(null, message, publicKey, Buffer.from(signature, 'base64'))).toBe(true);
    expect(key.verify(checkpointMessage({ ...checkpoint, seq: 8 }), signature)).toBe(false);
    expect(key.verify(checkpointMessage(checkpoint), 'not a signature')).toBe(false);
    expect(key.keyId).toBe(auditSigningKey(Buffer.alloc(32, 9)).keyId);
    expect(key.keyId).not.toBe(auditSigningKey(Buffer.alloc(32, 8)).keyId);
  });
});
