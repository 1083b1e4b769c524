// The plans of the statements behind the routes staff use all day, as the application role with a counsellor's
// settings, on a demo school of 5,000 students with the bench's working rows (a wave's follow-ups, the evaluated
// warnings) and fresh statistics: what `hot-plans.txt` holds, so a change that
// turns an index range into a scan of the school shows in review (docs/performance.md).
import { fileURLToPath } from 'node:url';
import { type Database, openDatabase, queryRows, refreshStatistics } from '@xinqiao/db';
import { createTestDatabase } from '@xinqiao/db/testing';
import { DEMO_PASSWORD } from '@xinqiao/demo-data';
import { loadPluginDirectory } from '@xinqiao/policy';
import { sql } from 'drizzle-orm';
import { prepareWorkload } from '../../bench/workload.ts';
import { createApp } from '../app.ts';
import { defaultConfig } from '../context.ts';
import { registryCatalog } from '../modules/plugins/catalog.ts';
import { seedDemoDataIfEmpty } from '../seed/demo.ts';
import { loginAs, REPO_PLUGINS_DIR } from '../testing/index.ts';

export const HOT_PLANS_PATH = fileURLToPath(new URL('./hot-plans.txt', import.meta.url));
export const HOT_PLANS_COMMAND = 'pnpm --filter @xinqiao/api plans:write';
const SCHOOL = 'hrbmu';

interface Statement {
  query: string;
  params: unknown[];
}

/** Where {@link collectHotPlans} reads: a new demo school (the default), or a data set the bench has seeded. */
export interface HotPlansSource {
  /** A PostgreSQL database, e.g. the bench's 30,000-student school (`XINQIAO_BENCH_STUDENTS`). */
  url?: string;
  /** A PGlite data folder the bench server seeded (`BENCH_PGLITE_DIR`). */
  dataDir?: string;
}

/**
 * Collects the statements each hot route runs (drizzle's logger, set on the open database) and explains them; with
 * `profile`, each route is also timed in process (median of 15 requests after 5) and each statement explained with
 * ANALYZE, so the file says where a request's milliseconds go (`pnpm --filter @xinqiao/api plans:profile`). From a
 * `source` it reads the data as they are (no seed, no working rows): a profile of the bench's larger school.
 */
export async function collectHotPlans(profile = false, source: HotPlansSource = {}): Promise<string> {
  const given = Boolean(source.url || source.dataDir);
  const db = given ? await openDatabase(source) : await createTestDatabase();
  try {
    const plugins = registryCatalog(await loadPluginDirectory(REPO_PLUGINS_DIR));
    if (!given) await seedWithWorkload(db, plugins);
    await refreshStatistics(db);
    const app = createApp({ db, plugins, config: { secureCookies: false }, log: () => {} });
    const counsellor = await loginAs(app, SCHOOL, 'counsellor', DEMO_PASSWORD);
    const captured: Statement[] = [];
    captureStatements(db, captured);
    const first = (await (await counsellor.request('/api/students?pageSize=20')).json()) as {
      items: { id: string; name: string }[];
    };
    const routes = [
      '/api/students',
      '/api/students?withTotal=true',
      `/api/students?q=${encodeURIComponent(first.items[10]!.name)}`,
      `/api/students/${first.items[0]!.id}/file`,
      '/api/cases',
      '/api/screening/follow-ups',
      '/api/me/work',
      '/api/warnings',
    ];
    const sections: string[] = [];
    for (const route of routes) {
      captured.length = 0;
      const res = await counsellor.request(route);
      await res.arrayBuffer();
      if (res.status === 404) continue;
      const statements = [...captured];
      const timing = profile ? ` median ${await medianMs(() => counsellor.request(route))} ms` : '';
      sections.push(
        await explainRoute(db, `GET ${normalise(route)} (${res.status})${timing}`, statements, profile),
      );
    }
    return `${HEADER}\n${sections.join('\n')}`;
  } finally {
    await db.close();
  }
}

/** The demo school and the bench's working rows (a wave's follow-ups, the evaluated warnings). */
async function seedWithWorkload(db: Database, plugins: ReturnType<typeof registryCatalog>): Promise<void> {
  const network = (code: string) =>
    code === SCHOOL ? plugins.registry().forSchool(code)?.manifest.network : undefined;
  await seedDemoDataIfEmpty(db, network);
  // Without them My work, the follow-ups and the warnings would be planned on empty tables, and My work's reads of
  // the items it shows never run.
  await prepareWorkload(db, plugins, defaultConfig, SCHOOL, () => {});
}

const HEADER = `-- The plans of the hot routes' statements (EXPLAIN, COSTS OFF) as xinqiao_app with hrbmu's demo counsellor's
-- settings, on PGlite with the demo school (5,000 students) and the bench's working rows, fresh statistics, Memoize, Seq Scan, Bitmap Scan and
-- Sort off where another path exists. Rewritten by \`${HOT_PLANS_COMMAND}\`; a test fails while it is stale. Ids, tokens and times are replaced by <uuid>, <hash>, <time>.
`;

/** Sets drizzle's logger on the database's session: transactions copy the session's options, logger included. */
function captureStatements(db: Database, into: Statement[]): void {
  const session = (db.orm as unknown as { session: { options: Record<string, unknown>; logger: unknown } })
    .session;
  const logger = { logQuery: (query: string, params: unknown[]) => into.push({ query, params }) };
  session.options.logger = logger;
  session.logger = logger;
}

/** The median wall time of a request, in ms, after five to warm up. */
async function medianMs(request: () => Promise<Response>): Promise<string> {
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    await (await request()).arrayBuffer();
    if (i >= 5) times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!.toFixed(1);
}

/** Replays a route's transaction: settings as they were, every other statement explained, then rolled back. */
async function explainRoute(
  db: Database,
  title: string,
  statements: Statement[],
  analyze = false,
): Promise<string> {
  const lines = [`-- ${title}`];
  await db.orm
    .transaction(async (tx) => {
      // Memoize, a scan of a small table against its index, a bitmap scan against a plain index scan and an ordered
      // index walk against a sort flip between runs on near-equal costs (the demo's ids are random): with the four
      // off where another path exists, the file shows which index each statement can use, the same every run, and a
      // Seq Scan in it means a statement has no index path. A profile measures the plans the app gets.
      if (!analyze) {
        await tx.execute(sql`SET LOCAL enable_memoize = off`);
        await tx.execute(sql`SET LOCAL enable_seqscan = off`);
        await tx.execute(sql`SET LOCAL enable_bitmapscan = off`);
        await tx.execute(sql`SET LOCAL enable_sort = off`);
      }
      let n = 0;
      for (const { query, params } of statements) {
        const text = query.replace(/\s+/g, ' ').trim();
        if (/^(SET LOCAL ROLE|SELECT set_config)/i.test(text)) {
          await tx.execute(withParams(text, params));
          continue;
        }
        if (/^EXPLAIN/i.test(text) || /^select pg_advisory/i.test(text)) continue;
        n += 1;
        const plan = await queryRows<{ 'QUERY PLAN': string }>(
          tx,
          analyze
            ? sql`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${withParams(text, params)}`
            : sql`EXPLAIN (COSTS OFF) ${withParams(text, params)}`,
        );
        lines.push(`-- ${n}. ${normalise(text)}`, ...plan.map((row) => normalise(row['QUERY PLAN'])), '');
      }
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  return lines.join('\n');
}

class RolledBack extends Error {}

/** The statement with its `$n` parameters bound again. */
function withParams(text: string, params: unknown[]) {
  const parts = text.split(/\$(\d+)/);
  const chunks = [sql.raw(parts[0]!)];
  for (let i = 1; i < parts.length; i += 2) {
    chunks.push(sql`${params[Number(parts[i]) - 1]}`, sql.raw(parts[i + 1]!));
  }
  return sql.join(chunks, sql.raw(''));
}

/**
 * A student looked up by id alone can use any of the three unique indexes that lead with it (the key, and the two
 * that the (student, copy) foreign keys of migrations 0026 and 0030 need). Their costs tie, and which one wins
 * changed between identical runs (page splits while the seed inserts), so the file names them as one.
 */
const STUDENT_ID_INDEX =
  /Index Scan using (students_pkey|students_id_placement_unique|students_id_number_unique) on students\b/g;

/** Replaces what differs between runs (ids, token hashes, paths of ids, times, tied indexes) with placeholders. */
function normalise(text: string): string {
  return text
    .replace(STUDENT_ID_INDEX, 'Index Scan using <a unique index leading with id> on students')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<uuid>')
    .replace(/\b[0-9a-f]{64}\b/g, '<hash>')
    .replace(/\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}(:?\d{2})?)?/g, '<time>')
    .replace(/%[0-9A-F]{2}(%[0-9A-F]{2})*/g, '<text>');
}
