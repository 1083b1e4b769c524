// A job worker in a process of its own, for the crash test (crash.test.ts): it runs screening imports in batches of
// XQ_BATCH_SIZE rows against DATABASE_URL or the PGlite folder XQ_DATA_DIR, with the plugins of XQ_PLUGINS_DIR, and
// prints each stored batch's progress as a JSON line, so the test can kill it part-way through an import.
import { openDatabase } from '@xinqiao/db';
import { loadPluginDirectory } from '@xinqiao/policy';
import { defaultConfig } from '../../context.ts';
import { registryCatalog } from '../../modules/plugins/catalog.ts';
import { defineScreeningImportJob } from '../../modules/screening/import/job.ts';
import { startJobWorker } from '../worker.ts';

const db = await openDatabase(
  process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { dataDir: process.env.XQ_DATA_DIR },
);
const plugins = registryCatalog(await loadPluginDirectory(process.env.XQ_PLUGINS_DIR!));
startJobWorker({
  deps: {
    db,
    plugins,
    config: defaultConfig,
    clock: () => new Date(),
    log: (m, e) => console.error(m, e ?? ''),
  },
  kinds: [
    defineScreeningImportJob({
      batchSize: Number(process.env.XQ_BATCH_SIZE),
      onProgress: (progress) => console.log(JSON.stringify(progress)),
    }),
  ],
  pollMs: 50,
  leaseMs: Number(process.env.XQ_LEASE_MS),
});
console.log(JSON.stringify({ started: true }));
