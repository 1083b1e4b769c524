import type { TenantScope, TenantTx } from '@xinqiao/db';
import type { Context } from 'hono';
import type { Me } from '../../auth/session-types.ts';
import type { AuthedEnv } from '../../context.ts';
import { accessPurpose } from './access.ts';

/** Who is acting, inside which transaction, with which scope, and why (the purpose every audit row records). */
export interface Caller {
  tx: TenantTx;
  me: Me;
  scope: TenantScope;
  purpose: string;
}

/**
 * The caller of a request: its tenant transaction, person, scope, and the purpose stated in `x-access-purpose`
 * or else `defaultPurpose`.
 *
 * @example
 * const row = await readStudent(callerOf(c, '查看学生信息 / student record'), id, 'student.read');
 */
export function callerOf(c: Context<AuthedEnv>, defaultPurpose: string): Caller {
  return { tx: c.var.tx, me: c.var.me, scope: c.var.scope, purpose: accessPurpose(c, defaultPurpose) };
}
