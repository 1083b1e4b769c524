/**
 * The functions that open tenant transactions and issue tenant scopes. The file name is the fence, as trpc's
 * `unstable-core-do-not-import`: biome.json lets only the session code (apps/api/src/auth), the job runner
 * (apps/api/src/jobs), the demo seed, the command line, the benches and tests import this entry. Every other piece
 * of the API takes the `TenantTx` the session middleware (or the job runner) hands it, so a request cannot widen
 * its own school or scope.
 */
export {
  allowSchoolProvisioning,
  issueTenantScope,
  lookUpSessionToken,
  runInTransaction,
  scopeTransaction,
  withTenant,
} from './transaction.ts';
