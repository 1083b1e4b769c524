import { fileURLToPath } from 'node:url';
import { type Orm, openDatabase } from '../database.ts';
import { readAccessCatalog } from './catalog.ts';
import { formatAccessCatalog } from './format.ts';

export { type AccessCatalog, readAccessCatalog, type TableRow } from './catalog.ts';
export { formatAccessCatalog } from './format.ts';

/** The checked-in snapshot: `packages/db/rls-snapshot.sql`. */
export const RLS_SNAPSHOT_PATH = fileURLToPath(new URL('../../rls-snapshot.sql', import.meta.url));

/** The command that rewrites {@link RLS_SNAPSHOT_PATH}, as the stale-snapshot test names it. */
export const RLS_SNAPSHOT_COMMAND = 'pnpm --filter @xinqiao/db snapshot:rls';

/**
 * The snapshot text of a migrated database: what its roles may see and do, table by table.
 *
 * @example
 * const text = await rlsSnapshotOf(database.orm);
 */
export async function rlsSnapshotOf(orm: Orm): Promise<string> {
  return formatAccessCatalog(await readAccessCatalog(orm));
}

/**
 * Migrates a fresh in-memory PGlite and returns its snapshot: the text the checked-in file must equal.
 *
 * @example
 * writeFileSync(RLS_SNAPSHOT_PATH, await freshRlsSnapshot());
 */
export async function freshRlsSnapshot(): Promise<string> {
  const database = await openDatabase({ dataDir: 'memory://' });
  try {
    return await rlsSnapshotOf(database.orm);
  } finally {
    await database.close();
  }
}
