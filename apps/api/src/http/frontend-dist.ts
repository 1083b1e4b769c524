import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A frontend of the repo: where its sources are, where its build lands, and the URL prefix it is served at. */
export interface FrontendPackage {
  kind: 'shell' | 'office' | 'plugin';
  /** Office module id (folder name minus `office-`) or plugin id; 'shell' for the shell. */
  id: string;
  /** The package.json name, used to build it with `pnpm --filter`; undefined when the folder has none. */
  packageName: string | undefined;
  dir: string;
  distDir: string;
  /** URL prefix, ending with '/'. */
  urlPrefix: string;
}

/** Folder names that may appear in a URL: no dots, no slashes. */
export const SAFE_ID = /^[a-z0-9][a-z0-9_-]*$/;

function packageNameOf(dir: string): string | undefined {
  const file = join(dir, 'package.json');
  if (!existsSync(file)) return undefined;
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown };
  return typeof parsed.name === 'string' ? parsed.name : undefined;
}

function subfolders(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && SAFE_ID.test(d.name))
    .map((d) => d.name)
    .sort();
}

/**
 * Every frontend of the repo per the API contract: the shell (`apps/shell` at `/`), each office module
 * (`apps/office-<id>` at `/modules/<id>/`) and each plugin UI (`plugins/<id>/ui` at `/plugins/<id>/ui/`).
 *
 * @example
 * ```ts
 * discoverFrontends('/work/main').filter((f) => !existsSync(f.distDir)); // the ones still to build
 * ```
 */
export function discoverFrontends(repoRoot: string): FrontendPackage[] {
  const found: FrontendPackage[] = [];
  const shellDir = join(repoRoot, 'apps', 'shell');
  if (existsSync(shellDir)) {
    found.push(frontend('shell', 'shell', shellDir, '/'));
  }
  for (const name of subfolders(join(repoRoot, 'apps'))) {
    if (!name.startsWith('office-')) continue;
    const id = name.slice('office-'.length);
    found.push(frontend('office', id, join(repoRoot, 'apps', name), `/modules/${id}/`));
  }
  // The student side (学生端) is a module like the offices, served at /modules/student/.
  const studentDir = join(repoRoot, 'apps', 'student');
  if (existsSync(studentDir)) found.push(frontend('office', 'student', studentDir, '/modules/student/'));
  for (const id of subfolders(join(repoRoot, 'plugins'))) {
    const uiDir = join(repoRoot, 'plugins', id, 'ui');
    if (existsSync(uiDir)) found.push(frontend('plugin', id, uiDir, `/plugins/${id}/ui/`));
  }
  return found;
}

function frontend(
  kind: FrontendPackage['kind'],
  id: string,
  dir: string,
  urlPrefix: string,
): FrontendPackage {
  return { kind, id, dir, packageName: packageNameOf(dir), distDir: join(dir, 'dist'), urlPrefix };
}
