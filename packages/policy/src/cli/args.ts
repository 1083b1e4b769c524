import { type ParseArgsConfig, parseArgs } from 'node:util';
import { defaultPluginsDir, userPath } from '../authoring/paths';

/** Options every command accepts, plus its own. */
export function parseCommand(argv: string[], options: NonNullable<ParseArgsConfig['options']> = {}) {
  const parsed = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { dir: { type: 'string' }, help: { type: 'boolean', short: 'h' }, ...options },
  });
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const dir = typeof values.dir === 'string' ? userPath(values.dir) : defaultPluginsDir();
  return { values, positionals: parsed.positionals, dir };
}

/** Writes a line to stdout. */
export const say = (line = '') => process.stdout.write(`${line}\n`);
/** Writes a line to stderr. */
export const warn = (line: string) => process.stderr.write(`${line}\n`);
