// `pnpm --filter @xinqiao/db snapshot:rls`: rewrites rls-snapshot.sql from a freshly migrated PGlite.
import { readFileSync, writeFileSync } from 'node:fs';
import { freshRlsSnapshot, RLS_SNAPSHOT_PATH } from './index.ts';

const snapshot = await freshRlsSnapshot();
let previous = '';
try {
  previous = readFileSync(RLS_SNAPSHOT_PATH, 'utf8');
} catch {
  // first run: nothing to compare with
}
writeFileSync(RLS_SNAPSHOT_PATH, snapshot);
console.log(previous === snapshot ? `${RLS_SNAPSHOT_PATH} unchanged` : `${RLS_SNAPSHOT_PATH} written`);
