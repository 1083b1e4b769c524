/**
 * `pnpm xinqiao <command>`: operator commands against the database the server uses.
 *
 *   pnpm xinqiao import-screening <wave id or name> <file.csv|file.xlsx> --school <code> --as <center username>
 *   pnpm xinqiao sample-wave <school code> <UPI|PHQ-9> [--rows N] > wave.csv
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { importFeed } from './import-feed.ts';
import { CliError, importScreening } from './import-screening.ts';
import { sampleWave } from './sample-wave.ts';

const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));
// pnpm --filter runs the script in apps/api; file paths are meant from where the user typed the command.
const userDir = process.env.INIT_CWD ?? process.cwd();

const usage = `用法 / usage:
  pnpm xinqiao import-screening <批次 id 或名称 wave> <文件 file> --school <学校代码 code> --as <中心账号 username>

  pnpm xinqiao import-feed <grades|card|activity> <文件 file> --school <学校代码 code> --as <学校管理员 username>

  pnpm xinqiao sample-wave <学校代码 code> <UPI|PHQ-9> [--rows 行数 N]   (写到标准输出 / writes CSV to stdout)

  例 / e.g. pnpm xinqiao import-screening 春季全校排查 ./wave.csv --school hrbmu --as center
            pnpm --silent xinqiao sample-wave hrbmu PHQ-9 --rows 200 > wave.csv`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      school: { type: 'string' },
      as: { type: 'string' },
      rows: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, wave, file] = positionals;
  if (values.help || command === undefined) {
    console.log(usage);
    return command === undefined && !values.help ? 1 : 0;
  }
  if (command === 'sample-wave') {
    const [, school, instrument] = positionals;
    const rows = Number(values.rows ?? 200);
    if (!school || (instrument !== 'UPI' && instrument !== 'PHQ-9') || !Number.isInteger(rows) || rows < 2) {
      throw new CliError(usage);
    }
    process.stdout.write(await sampleWave({ school, instrument, rows, repoRoot }));
    return 0;
  }
  if (command === 'import-feed') {
    if (!wave || !file || !values.school || !values.as) throw new CliError(usage);
    return importFeed({
      feed: wave,
      file: resolve(userDir, file),
      school: values.school,
      as: values.as,
      repoRoot,
    });
  }
  if (command !== 'import-screening') throw new CliError(`未知命令 / unknown command: ${command}\n${usage}`);
  if (!wave || !file || !values.school || !values.as) throw new CliError(usage);
  return importScreening({
    wave,
    file: resolve(userDir, file),
    school: values.school,
    as: values.as,
    repoRoot,
  });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof CliError) console.error(error.message);
    else console.error(error);
    process.exit(1);
  },
);
