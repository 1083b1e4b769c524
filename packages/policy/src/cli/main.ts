import { PolicyFactsError } from '../errors';
import { warn } from './args';
import { benchCommand } from './commands/bench';
import { conflictsCommand } from './commands/conflicts';
import { contractsCommand } from './commands/contracts';
import { coverageCommand } from './commands/coverage';
import { diffCommand } from './commands/diff';
import { evalCommand } from './commands/eval';
import { schemaCommand } from './commands/schema';
import { testCommand } from './commands/test';
import { validateCommand } from './commands/validate';

const USAGE = `pnpm policy <command>

  validate [plugin]                 schema and contract checks (and seed quotes when ../shared/seeds exists)
  test [plugin] [-v]                runs plugins/<id>/tests/*.json; last line "N passed, N failed"
  coverage [plugin] [--threshold P] every rule must fire in one case and stay silent in another (default 100%)
  conflicts [plugin] [--all]        rule pairs firing on the same facts with contradicting outcomes
  diff --base <ref> [plugin] [--population <file.csv> --area <area>] [--size N] [--seed N]
                                    subjects whose outcome changes between <ref> and the work tree
  eval <plugin> <area> --facts <file|-> [--explain]
                                    prints the decision as JSON
  contracts [area]                  the facts, events and decision strategies of each area (markdown)
  schema [--check]                  writes (or checks) docs/plugin.schema.json and docs/plugin-rules.schema.json
  bench [--size N]                  one JSON line of evaluation rates
  bench --diff [--size N]           one JSON line of policy diff's seconds per plugin (default 50,000 subjects)

  --dir <plugins-dir>               another plugins folder (default: <repo>/plugins)`;

const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  validate: validateCommand,
  test: testCommand,
  coverage: coverageCommand,
  conflicts: conflictsCommand,
  diff: diffCommand,
  eval: evalCommand,
  schema: schemaCommand,
  contracts: contractsCommand,
  bench: benchCommand,
};

/** Runs a CLI command and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command || rest.includes('--help') || rest.includes('-h')) {
    (command || name === undefined || name === 'help' ? process.stdout : process.stderr).write(`${USAGE}\n`);
    return command || name === undefined || name === 'help' ? 0 : 2;
  }
  try {
    return await command(rest);
  } catch (error) {
    warn(
      error instanceof PolicyFactsError || error instanceof Error ? `error: ${error.message}` : String(error),
    );
    return 2;
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('cli/main.ts')) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
