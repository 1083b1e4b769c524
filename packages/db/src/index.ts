export {
  type AuditAnchorPoint,
  type AuditChainReport,
  type AuditCheckpoint,
  type AuditEvent,
  type AuditTamper,
  appendAudit,
  auditSigningKeyOf,
  configureAuditAnchor,
  type ExportedCheckpoint,
  flushDeferredAudit,
  listAuditCheckpoints,
  signAuditCheckpoint,
  verifyAgainstExport,
  verifyAuditChain,
} from './audit.ts';
export { type AuditAnchor, type AuditAnchorOptions, type AuditHead, auditAnchorOf } from './audit-anchor.ts';
export {
  type AuditSigningKey,
  auditSigningKey,
  checkpointMessage,
  loadOrCreateAuditSecret,
  parseAuditSecret,
} from './audit-key.ts';
export {
  type Database,
  type DatabaseKind,
  type OpenDatabaseOptions,
  type Orm,
  openDatabase,
  queryRows,
  runMigrations,
  type Schema,
  sqlInstant,
  type Tx,
  UnsafeDatabaseRoleError,
  withOwnerConnection,
} from './database.ts';
export { type PgError, pgErrorOf } from './errors.ts';
export { type PreparableQuery, reusableStatement } from './reusable-statement.ts';
export * from './schema/index.ts';
export { refreshStatistics, type StatisticsScope } from './statistics.ts';
export {
  APPLICATION_ROLE,
  type TenantScope,
  type TenantScopeFields,
  type TenantTx,
  type UnscopedTx,
  withGenericPlan,
} from './transaction.ts';
