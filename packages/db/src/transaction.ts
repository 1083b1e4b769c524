import { type SQL, sql } from 'drizzle-orm';
import { deferAuditUntilCommit, flushDeferredAudit, noteAuditCommitted } from './audit.ts';
import type { AuditHead } from './audit-anchor.ts';
import type { Database, Tx } from './database.ts';
import { pgErrorOf } from './errors.ts';

/** Who is asking, and which parts of the school's network they may see: the fields of a {@link TenantScope}. */
export interface TenantScopeFields {
  schoolId: string;
  personId: string | null;
  /** Unit paths whose subtrees the caller sees in full. */
  fullScopePaths: readonly string[];
  /** Unit paths whose subtrees the caller sees in the reduced view (who the students are, nothing sensitive). */
  reducedScopePaths: readonly string[];
  /** What the caller's roles allow beyond seeing rows, checked by RLS (e.g. 'screening.answers'). */
  capabilities?: readonly string[];
  /**
   * The caller is a student: the transaction runs as {@link STUDENT_ROLE}, the only role the own-record policies
   * (a student reads their own record and results) apply to, so staff reads keep one indexable policy.
   */
  student?: boolean;
}

/**
 * The mark of a scope issued by {@link issueTenantScope}. No entry of the package exports the symbol, so outside
 * this file a scope can be read but not made, and a cast (`as TenantScope`) does not carry the mark at run time.
 */
export const ISSUED_TENANT_SCOPE: unique symbol = Symbol('xinqiao.issuedTenantScope');

/**
 * A scope the session code (apps/api/src/auth/scope.ts) or the job runner issued: only {@link issueTenantScope}
 * makes one, and {@link scopeTransaction} refuses anything else, so no module can widen its own school or paths.
 */
export type TenantScope = TenantScopeFields & { readonly [ISSUED_TENANT_SCOPE]: true };

/**
 * Marks `fields` as an issued scope. Called by `tenantScope` in apps/api/src/auth/scope.ts (every scope of the
 * API comes from there) and by this package's own tests.
 *
 * @example
 * const scope = issueTenantScope({ schoolId, personId: null, fullScopePaths: ['/'], reducedScopePaths: [] });
 */
export function issueTenantScope(fields: TenantScopeFields): TenantScope {
  return { ...fields, [ISSUED_TENANT_SCOPE]: true };
}

declare const tenantBrand: unique symbol;

/**
 * A transaction running as the non-superuser application role with one school and one caller set.
 * Only {@link scopeTransaction} makes one, so a query that forgot its school does not compile.
 */
export type TenantTx = Tx & { readonly [tenantBrand]: TenantScope };

/** A transaction running as the application role before a school is chosen (logins, session look-ups). */
export type UnscopedTx = Tx & { readonly __unscoped: true };

/** The role every request runs as: no superuser, no BYPASSRLS, so row-level security always applies. */
export const APPLICATION_ROLE = 'xinqiao_app';
/**
 * The application role plus the screening answer columns (column privileges): a transaction whose scope holds the
 * `screening.answers` capability runs as this role, any other as {@link APPLICATION_ROLE}.
 */
export const SCREENING_ANSWERS_ROLE = 'xinqiao_screening';
/** The application role plus the student's own-record policies: the role of a student's transactions. */
export const STUDENT_ROLE = 'xinqiao_student';

/**
 * Runs `work` in one transaction as the application role. Nothing is visible until the caller scopes it with
 * {@link scopeTransaction} (or resolves a session with {@link lookUpSessionToken}).
 *
 * @example
 * await runInTransaction(db, async (tx) => scopeTransaction(tx, scope).then(listStudents));
 */
export async function runInTransaction<T>(db: Database, work: (tx: UnscopedTx) => Promise<T>): Promise<T> {
  let heads: AuditHead[] = [];
  const result = await db.orm.transaction(async (tx) => {
    sendAhead(tx, sql.raw(`SET LOCAL ROLE ${APPLICATION_ROLE}`));
    deferAuditUntilCommit(tx, db);
    const value = await work(tx as UnscopedTx).catch(async (error: unknown) => {
      throw (await causeAmongSentAhead(tx)) ?? error;
    });
    await answersOfSentAhead(tx);
    // The audit rows go in last: the chain's per-school lock is then held for this insert and COMMIT only.
    heads = await flushDeferredAudit(tx);
    return value;
  });
  noteAuditCommitted(db, heads);
  return result;
}

/** The set-up statements of each open transaction whose answers nobody has awaited yet ({@link sendAhead}). */
const sentAhead = new WeakMap<Tx, Promise<void>[]>();

/**
 * Sends a set-up statement (the role, the school's settings) without waiting for its answer, so it travels with
 * the statement after it: on PostgreSQL one write and one round trip instead of two (a socket write per statement
 * was a fifth of the API's CPU, docs/performance.md). Safe because a transaction's statements run in the order
 * they are sent: drizzle passes each to the driver synchronously (`.then` starts it), and postgres.js writes a
 * transaction's statements to its one connection, and PGlite queues them on its lock, in that order. If one
 * fails, PostgreSQL refuses every later statement of the transaction, so nothing runs without the role or the
 * school; {@link answersOfSentAhead} then reports the set-up statement's error, not the refusal after it.
 */
function sendAhead(tx: Tx, statement: SQL): void {
  const answer = tx.execute(statement).then(() => undefined);
  answer.catch(() => {}); // awaited by answersOfSentAhead; no unhandled rejection before that
  const list = sentAhead.get(tx);
  if (list) list.push(answer);
  else sentAhead.set(tx, [answer]);
}

/** Waits for the answers of the statements sent ahead in `tx`, throwing the first one's error. */
async function answersOfSentAhead(tx: Tx): Promise<void> {
  const list = sentAhead.get(tx);
  if (!list) return;
  sentAhead.delete(tx);
  for (const answer of list) await answer;
}

/**
 * After `tx` failed: the error of a statement sent ahead that failed on its own (and so aborted the transaction),
 * if any. A statement refused only because the transaction was already aborted (25P02) is not a cause.
 */
async function causeAmongSentAhead(tx: Tx): Promise<unknown> {
  const list = sentAhead.get(tx) ?? [];
  sentAhead.delete(tx);
  for (const answer of await Promise.allSettled(list)) {
    if (answer.status === 'rejected' && pgErrorOf(answer.reason)?.code !== IN_FAILED_TRANSACTION) {
      return answer.reason;
    }
  }
  return undefined;
}

const IN_FAILED_TRANSACTION = '25P02';

/**
 * Runs `work` (a hot read) with PostgreSQL's generic plan for its statements: `plan_cache_mode` is set to
 * `force_generic_plan` before it and back to `auto` after, both sent ahead (the first travels with the work's
 * statement, the second with the next one). For statements PostgreSQL would otherwise plan again on every run: the
 * policies make their estimates poor (the caller's scope is read at run time, so the planner guesses how many rows
 * are visible), a custom plan for the page's OFFSET then looks cheaper than the kept one, and planning the policies
 * of five tables cost more than running them (the student list: 2.3 ms of planning for 3.5 ms of running,
 * docs/performance.md). Only for statements whose plans do not depend on their parameters' values (ids, a page
 * offset); statements the work's callers run at the same time share the setting.
 *
 * @example
 * const rows = await withGenericPlan(tx, () => tx.select().from(cases).limit(50).offset(offset));
 */
export async function withGenericPlan<T>(tx: Tx, work: () => PromiseLike<T>): Promise<T> {
  sendAhead(tx, sql`SELECT set_config('plan_cache_mode', 'force_generic_plan', true)`);
  try {
    return await work();
  } finally {
    sendAhead(tx, sql`SELECT set_config('plan_cache_mode', 'auto', true)`);
  }
}

/** Sets the school, the caller and their visible scope for the rest of the transaction. */
export async function scopeTransaction(tx: UnscopedTx, scope: TenantScope): Promise<TenantTx> {
  if (scope[ISSUED_TENANT_SCOPE] !== true) {
    throw new Error(
      'scopeTransaction: the scope was not issued by issueTenantScope (apps/api/src/auth/scope.ts)',
    );
  }
  // Sent ahead: the settings and the role travel with the first statement of the route (sendAhead).
  sendAhead(
    tx,
    sql`SELECT
    set_config('xq.school_id', ${scope.schoolId}, true),
    set_config('xq.person_id', ${scope.personId ?? ''}, true),
    set_config('xq.full_scope', ${scope.fullScopePaths.join(',')}, true),
    set_config('xq.reduced_scope', ${scope.reducedScopePaths.join(',')}, true),
    set_config('xq.capabilities', ${(scope.capabilities ?? []).join(',')}, true)`,
  );
  // Constants, never user input: the only roles a tenant transaction can take besides APPLICATION_ROLE. The center
  // holds screening.answers and has no student record, so the two never meet.
  if (scope.capabilities?.includes('screening.answers')) {
    sendAhead(tx, sql.raw(`SET LOCAL ROLE ${SCREENING_ANSWERS_ROLE}`));
  } else if (scope.student) {
    sendAhead(tx, sql.raw(`SET LOCAL ROLE ${STUDENT_ROLE}`));
  }
  return tx as unknown as TenantTx;
}

/** Lets this transaction read the one session whose token hash is given, before its school is known. */
export async function lookUpSessionToken(tx: UnscopedTx, tokenHash: string): Promise<void> {
  await tx.execute(sql`SELECT set_config('xq.session_token', ${tokenHash}, true)`);
}

/** Lets this transaction create a school (platform provisioning and demo seeding only). */
export async function allowSchoolProvisioning(tx: UnscopedTx): Promise<void> {
  await tx.execute(sql`SELECT set_config('xq.provisioning', 'on', true)`);
}

/** Runs `work` in one transaction scoped to `scope`: the usual shape of a request. */
export async function withTenant<T>(
  db: Database,
  scope: TenantScope,
  work: (tx: TenantTx) => Promise<T>,
): Promise<T> {
  return runInTransaction(db, async (tx) => work(await scopeTransaction(tx, scope)));
}
