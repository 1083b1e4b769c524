import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the nearest folder above this package holding `pnpm-workspace.yaml`. */
export function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'pnpm-workspace.yaml'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the repository root (pnpm-workspace.yaml)');
    dir = parent;
  }
  return dir;
}

/** The plugins directory the CLI uses by default: `<repo>/plugins`, wherever the command runs from. */
export function defaultPluginsDir(): string {
  return path.join(repoRoot(), 'plugins');
}

/** The seed documents, when present beside the repository (`../shared/seeds`) or named by XINQIAO_SEEDS_DIR. */
export function defaultSeedsDir(): string | undefined {
  const candidates = [process.env.XINQIAO_SEEDS_DIR, path.join(repoRoot(), '..', 'shared', 'seeds')];
  return candidates.find((dir): dir is string => !!dir && existsSync(dir));
}

/**
 * Resolves a path the user typed against the folder they ran `pnpm policy` in (pnpm runs the script in the
 * repository root and passes the user's folder as INIT_CWD).
 */
export function userPath(value: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), value);
}
