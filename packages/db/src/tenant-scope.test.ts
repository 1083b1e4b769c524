import { describe, expect, it } from 'vitest';
import { issueTenantScope, scopeTransaction, type TenantScope, type UnscopedTx } from './transaction.ts';

const fields = { schoolId: 's', personId: null, fullScopePaths: ['/'], reducedScopePaths: [] };

/** A transaction that fails the test if the scope check lets anything reach the database. */
const untouchable = new Proxy({} as UnscopedTx, {
  get() {
    throw new Error('the database was reached');
  },
});

describe('db/tenant scope', () => {
  it('does not accept a scope object made by hand where a TenantScope is wanted', () => {
    // @ts-expect-error a scope is issued by issueTenantScope (apps/api/src/auth/scope.ts), never written out
    const forged: TenantScope = { ...fields };
    expect(forged.schoolId).toBe('s');
  });

  it('refuses at run time a scope forced through a cast instead of issued, before touching the database', async () => {
    const cast = { ...fields } as unknown as TenantScope;
    await expect(scopeTransaction(untouchable, cast)).rejects.toThrow(/not issued by issueTenantScope/);
  });

  it('keeps the mark through a spread, so a narrowed copy of an issued scope is still issued', () => {
    const issued = issueTenantScope(fields);
    const narrowed: TenantScope = { ...issued, capabilities: [] };
    expect(narrowed.fullScopePaths).toEqual(['/']);
  });
});
