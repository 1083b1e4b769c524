import { createReadStream, existsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { type Database, openDatabase, people, schools, screeningWaves } from '@xinqiao/db';
import { runInTransaction, scopeTransaction } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { loadPluginDirectory } from '@xinqiao/policy';
import { SingleBar } from 'cli-progress';
import { and, eq, or } from 'drizzle-orm';
import { permissionsOf } from '../auth/permissions.ts';
import { loadAccount, schoolOnlyScope, scopeOf } from '../auth/scope.ts';
import type { Me } from '../auth/session-types.ts';
import { negotiateLocale, renderMessage } from '../http/problem.ts';
import {
  createImportRecord,
  type ImportActor,
  type ImportProgress,
  runImport,
} from '../modules/screening/import/run.ts';
import { processesHolding } from './pglite-lock.ts';

/** The language of the terminal (`LANG=en_US.UTF-8` → en), for the reasons of refused rows; zh-CN otherwise. */
const terminalLocale = () => negotiateLocale(process.env.LANG?.split('.')[0]?.replace('_', '-'));

/** What `pnpm xinqiao import-screening` was given. */
export interface ImportCommand {
  wave: string;
  file: string;
  school: string;
  as: string;
  repoRoot: string;
}

/** A refusal the CLI prints as is (zh-CN, then English) and exits 1. */
export class CliError extends Error {}

/**
 * Imports a wave file the way the API does (same checks, tiers, batches and follow-ups), against the database the
 * server uses: DATABASE_URL when set, otherwise the PGlite folder `.data/pglite` (or XINQIAO_DATA_DIR/pglite).
 * Runs as a center account of the school (`--as`), so RLS, capabilities and the audit trail apply as on the web.
 */
export async function importScreening(command: ImportCommand): Promise<number> {
  if (!existsSync(command.file)) throw new CliError(`找不到文件 / No such file: ${command.file}`);
  const db = await openServerDatabase(command.repoRoot);
  try {
    const plugin = (await loadPluginDirectory(join(command.repoRoot, 'plugins'))).forSchool(command.school);
    if (!plugin) {
      throw new CliError(
        `学校 ${command.school} 没有启用的策略插件 / School ${command.school} has no active plugin`,
      );
    }
    const { me, scope } = await actorOf(db, command.school, command.as);
    const bytesTotal = statSync(command.file).size;
    const { waveId, waveName, importId } = await runInTransaction(db, async (unscoped) => {
      const tx = await scopeTransaction(unscoped, scope);
      const [wave] = await tx
        .select({ id: screeningWaves.id, name: screeningWaves.name })
        .from(screeningWaves)
        .where(
          /^[0-9a-f-]{36}$/i.test(command.wave)
            ? eq(screeningWaves.id, command.wave)
            : or(eq(screeningWaves.name, command.wave)),
        );
      if (!wave)
        throw new CliError(`没有筛查批次“${command.wave}”（批次 id 或名称） / No wave "${command.wave}"`);
      const importId = await createImportRecord(tx, {
        schoolId: scope.schoolId,
        waveId: wave.id,
        fileName: basename(command.file),
        fileSha256: '',
        bytesTotal,
        createdBy: me.person.id,
      });
      return { waveId: wave.id, waveName: wave.name, importId };
    });
    const actor: ImportActor = {
      db,
      scope,
      me,
      plugin,
      clock: () => new Date(),
      purpose: '命令行导入筛查结果 / CLI import',
    };
    console.log(`导入 / importing ${basename(command.file)} → ${waveName} (${importId})`);
    const bar = new SingleBar({
      format:
        '{bar} {percentage}% | {rows} 行/rows | 通过 ok {ok} | 未变 same {same} | 错误 bad {bad} | {eta_formatted}',
      hideCursor: true,
    });
    bar.start(bytesTotal, 0, { rows: 0, ok: 0, same: 0, bad: 0 });
    const show = (p: ImportProgress) =>
      bar.update(Math.min(p.bytesRead, bytesTotal), {
        rows: p.rowsRead,
        ok: p.rowsAccepted,
        same: p.rowsUnchanged,
        bad: p.rowsRejected,
      });
    const outcome = await runImport(
      actor,
      importId,
      waveId,
      { stream: createReadStream(command.file), filename: command.file },
      { onProgress: show },
    );
    show(outcome);
    bar.stop();
    for (const error of outcome.errors.slice(0, 50)) {
      console.log(
        `  第 ${error.row} 行 / row ${error.row}${error.column ? ` [${error.column}]` : ''}: ${renderMessage(error.reason, terminalLocale())}`,
      );
    }
    if (outcome.rowsRejected > 50)
      console.log(`  … 共 ${outcome.rowsRejected} 行有错误 / rows with errors in all`);
    console.log(
      `${outcome.status === 'done' ? '完成 / done' : '失败 / failed'}: 读取 read ${outcome.rowsRead}, 写入 written ${outcome.rowsAccepted}, 未变 unchanged ${outcome.rowsUnchanged}, 错误 rejected ${outcome.rowsRejected}, 新开随访 follow-ups opened ${outcome.followUpsOpened}`,
    );
    return outcome.status === 'done' ? 0 : 1;
  } finally {
    await db.close();
  }
}

async function openServerDatabase(repoRoot: string): Promise<Database> {
  const url = process.env.DATABASE_URL || undefined;
  if (url) return openDatabase({ url });
  const dataDir = join(process.env.XINQIAO_DATA_DIR || join(repoRoot, '.data'), 'pglite');
  const holders = processesHolding(dataDir);
  if (holders.length > 0) {
    throw new CliError(
      [
        `内嵌数据库 ${dataDir} 正被进程 ${holders.join(', ')} 使用（多半是正在运行的服务器）。PGlite 同一时间只允许一个进程打开。`,
        '请先停止服务器（在运行 pnpm start 的终端按 Ctrl+C）后重试；或在网页“导入”中上传此文件；或让服务器和命令行都使用 PostgreSQL（设置 DATABASE_URL）。',
        `The embedded database ${dataDir} is open in process ${holders.join(', ')} (most likely the running server); PGlite allows one process at a time.`,
        'Stop the server (Ctrl+C where `pnpm start` runs) and retry, upload the file on the web page instead, or point both at PostgreSQL with DATABASE_URL.',
      ].join('\n'),
    );
  }
  if (!existsSync(dataDir)) {
    throw new CliError(
      `没有找到数据库 ${dataDir}：请先运行一次 pnpm start / No database at ${dataDir}: run pnpm start once`,
    );
  }
  return openDatabase({ dataDir });
}

async function actorOf(db: Database, schoolCode: string, username: string) {
  return runInTransaction(db, async (unscoped) => {
    const [school] = await unscoped
      .select({ id: schools.id })
      .from(schools)
      .where(eq(schools.code, schoolCode));
    if (!school) throw new CliError(`没有学校代码 ${schoolCode} / No school ${schoolCode}`);
    const tx = await scopeTransaction(unscoped, schoolOnlyScope(school.id, null));
    const [person] = await tx
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.schoolId, school.id), eq(people.username, username)));
    const account = person ? await loadAccount(tx, school.id, person.id) : undefined;
    if (!account || account.person.disabled)
      throw new CliError(`没有账号 ${username} / No account ${username}`);
    const me: Me = {
      person: {
        id: account.person.id,
        username: account.person.username,
        displayName: account.person.displayName,
      },
      school: account.school,
      roles: account.roles,
      csrfToken: '',
    };
    if (!permissionsOf(me.roles.map((r) => r.role)).includes('screening.import')) {
      throw new CliError(`${username} 不是心理健康教育中心人员，不能导入 / ${username} is not center staff`);
    }
    return { me, scope: scopeOf(school.id, account.person.id, account.roles) };
  });
}
