export { type AuditChainReport, type AuditEvent, appendAudit, verifyAuditChain } from './audit.ts';
export {
  type Database,
  type DatabaseKind,
  type OpenDatabaseOptions,
  type Orm,
  openDatabase,
  queryRows,
  runMigrations,
  type Schema,
  type Tx,
  UnsafeDatabaseRoleError,
} from './database.ts';
export { type PgError, pgErrorOf } from './errors.ts';
export * from './schema/index.ts';
export { refreshStatistics, type StatisticsScope } from './statistics.ts';
export {
  APPLICATION_ROLE,
  type TenantScope,
  type TenantScopeFields,
  type TenantTx,
  type UnscopedTx,
} from './transaction.ts';
