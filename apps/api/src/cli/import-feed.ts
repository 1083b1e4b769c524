import { createReadStream, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { type Database, type FeedKind, feedKinds, openDatabase, people, schools } from '@xinqiao/db';
import { runInTransaction, scopeTransaction, withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { loadPluginDirectory } from '@xinqiao/policy';
import { SingleBar } from 'cli-progress';
import { and, eq } from 'drizzle-orm';
import { permissionsOf } from '../auth/permissions.ts';
import { loadAccount, schoolOnlyScope, scopeOf } from '../auth/scope.ts';
import { negotiateLocale, ProblemError, renderMessage } from '../http/problem.ts';
import { readFeedFile } from '../modules/warnings/feeds/read-file.ts';
import { storeFeedBatch } from '../modules/warnings/feeds/service.ts';
import { CliError } from './import-screening.ts';
import { processesHolding } from './pglite-lock.ts';

const terminalLocale = () => negotiateLocale(process.env.LANG?.split('.')[0]?.replace('_', '-'));

/** What `pnpm xinqiao import-feed` was given. */
export interface FeedCommand {
  feed: string;
  file: string;
  school: string;
  as: string;
  repoRoot: string;
}

async function openServerDatabase(repoRoot: string): Promise<Database> {
  const url = process.env.DATABASE_URL || undefined;
  if (url) return openDatabase({ url });
  const dataDir = join(process.env.XINQIAO_DATA_DIR || join(repoRoot, '.data'), 'pglite');
  const holders = processesHolding(dataDir);
  if (holders.length > 0) {
    throw new CliError(
      `内嵌数据库 ${dataDir} 正被进程 ${holders.join(', ')} 使用：请先停止服务器，或在“学校管理 → 数据接入”上传此文件。\n` +
        `The embedded database ${dataDir} is open in process ${holders.join(', ')}: stop the server, or upload the file under School admin → Data feeds.`,
    );
  }
  if (!existsSync(dataDir))
    throw new CliError(`没有找到数据库 ${dataDir} / No database at ${dataDir}: run pnpm start once`);
  return openDatabase({ dataDir });
}

/**
 * `pnpm xinqiao import-feed <grades|card|activity> <file> --school <code> --as <username>`: streams a CSV or XLSX
 * feed file with a progress bar, and stores it all or nothing as the school admin would from the screen (row errors
 * printed with row and column; the same file again writes nothing). Exits 0 when stored.
 */
export async function importFeed(command: FeedCommand): Promise<number> {
  if (!(feedKinds as readonly string[]).includes(command.feed))
    throw new CliError(`数据类型应为 ${feedKinds.join('|')} / feed must be one of ${feedKinds.join(', ')}`);
  if (!existsSync(command.file)) throw new CliError(`找不到文件 / No such file: ${command.file}`);
  const feed = command.feed as FeedKind;
  const db = await openServerDatabase(command.repoRoot);
  try {
    const plugin = (await loadPluginDirectory(join(command.repoRoot, 'plugins'))).forSchool(command.school);
    const { scope, personId } = await runInTransaction(db, async (unscoped) => {
      const [school] = await unscoped
        .select({ id: schools.id })
        .from(schools)
        .where(eq(schools.code, command.school));
      if (!school) throw new CliError(`没有学校代码 ${command.school} / No school ${command.school}`);
      const tx = await scopeTransaction(unscoped, schoolOnlyScope(school.id, null));
      const [person] = await tx
        .select({ id: people.id })
        .from(people)
        .where(and(eq(people.schoolId, school.id), eq(people.username, command.as)));
      const account = person ? await loadAccount(tx, school.id, person.id) : undefined;
      if (!account || account.person.disabled)
        throw new CliError(`没有账号 ${command.as} / No account ${command.as}`);
      if (!permissionsOf(account.roles.map((r) => r.role)).includes('feeds.raw'))
        throw new CliError(
          `${command.as} 不能导入数据（需要学校管理员） / ${command.as} may not import feeds`,
        );
      return { scope: scopeOf(school.id, account.person.id, account.roles), personId: account.person.id };
    });
    const bar = new SingleBar({ format: '{bar} {value} 行/rows {stage}', hideCursor: true });
    bar.start(0, 0, { stage: '读取 / reading' });
    const read = await readFeedFile(
      feed,
      { stream: createReadStream(command.file), filename: command.file },
      (n) => {
        bar.setTotal(n);
        bar.update(n);
      },
    );
    bar.setTotal(read.rows.length + read.errors.length);
    bar.update(0, { stage: '写入 / storing' });
    const outcome = await withTenant(db, scope, (tx) =>
      storeFeedBatch(tx, {
        schoolId: scope.schoolId,
        schoolCode: command.school,
        plugin,
        feed,
        rows: read.rows,
        errors: read.errors,
        channel: { kind: 'cli', personId, fileName: basename(command.file) },
        now: new Date(),
        columnOf: (key) => read.headers[key] ?? key,
        onProgress: (written, total) => {
          bar.setTotal(total);
          bar.update(written);
        },
      }),
    ).finally(() => bar.stop());
    console.log(
      `完成 / done: ${outcome.rowsTotal} 行 rows, 新写入 written ${outcome.rowsWritten}, 已存在 unchanged ${outcome.rowsUnchanged}`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    for (const e of error.errors.slice(0, 50)) {
      if ('row' in e)
        console.log(
          `  第 ${e.row} 行 / row ${e.row} [${e.column}]: ${renderMessage(e.reason, terminalLocale())}`,
        );
    }
    console.log(`未导入 / not imported: ${error.code}`);
    return 1;
  } finally {
    await db.close();
  }
}
