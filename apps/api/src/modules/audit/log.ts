import { type Caller, requirePermission } from '../../auth/caller.ts';
import { limitOffset, type Page, type PageRequest } from '../../http/pagination.ts';
import { problem } from '../../http/problem.ts';
import { auditActionLabel } from './action-labels.ts';
import { presentAuditLogEntry } from './present.ts';
import { type AuditLogFilter, auditActionsInUse, auditLogRows } from './queries.ts';
import { recordAccess } from './record.ts';
import type { AuditLogEntryView } from './schemas.ts';

/** The most rows one export writes: a larger log is exported a date range at a time. */
export const AUDIT_EXPORT_MAX_ROWS = 50_000;

/**
 * A page of the school's audit log, newest first, filtered by person, action and China-time days, with the
 * actions in use for the filter. Browsing the log is itself audited (`audit_log.list`), after the page is read.
 *
 * @example
 * await browseAuditLog(caller, { page: 1, pageSize: 50, action: 'student_file.read', from: '2026-12-01' });
 */
export async function browseAuditLog(
  caller: Caller,
  query: PageRequest & AuditLogFilter,
): Promise<Page<AuditLogEntryView> & { actions: { action: string; label: { zh: string; en: string } }[] }> {
  requirePermission(caller, 'audit.read');
  const { tx, me } = caller;
  const { rows, total } = await auditLogRows(tx, query, limitOffset(query));
  const actions = await auditActionsInUse(tx);
  await recordAccess(tx, me, { action: 'audit_log.list', entity: 'audit_log', purpose: caller.purpose });
  return {
    items: rows.map(presentAuditLogEntry),
    total,
    page: query.page,
    pageSize: query.pageSize,
    actions: actions.map((action) => ({ action, label: auditActionLabel(action) })),
  };
}

/**
 * Every audit row matching `filter`, newest first, for the XLSX export (audited as `audit_log.export`). More than
 * {@link AUDIT_EXPORT_MAX_ROWS} rows is refused with a problem asking for a shorter date range.
 */
export async function exportAuditLog(caller: Caller, filter: AuditLogFilter): Promise<AuditLogEntryView[]> {
  requirePermission(caller, 'audit.read');
  const { tx, me } = caller;
  const { rows, total } = await auditLogRows(tx, filter, { limit: AUDIT_EXPORT_MAX_ROWS, offset: 0 });
  if (total > AUDIT_EXPORT_MAX_ROWS) {
    throw problem('audit.export-too-large', { total, max: AUDIT_EXPORT_MAX_ROWS });
  }
  await recordAccess(tx, me, { action: 'audit_log.export', entity: 'audit_log', purpose: caller.purpose });
  return rows.map(presentAuditLogEntry);
}
