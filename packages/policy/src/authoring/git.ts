import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { PluginBundle } from '../engine/plugin';
import { jsonPath, type PolicyError } from '../errors';
import { parseJson } from '../loader/read-json';

/** Runs git with an argument array (never a shell string); returns stdout, or undefined when git fails. */
function git(cwd: string, args: readonly string[]): string | undefined {
  const result = spawnSync('git', ['-C', cwd, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return result.status === 0 ? result.stdout : undefined;
}

/** Refuses refs that git could read as options. */
export function checkRef(ref: string): void {
  if (!ref || ref.startsWith('-') || /[\s\0]/.test(ref))
    throw new Error(`not a git revision: ${JSON.stringify(ref)}`);
}

/** The top folder of the git work tree holding `dir`. */
export function gitTopLevel(dir: string): string {
  const top = git(dir, ['rev-parse', '--show-toplevel'])?.trim();
  if (!top) throw new Error(`${dir} is not inside a git work tree`);
  return top;
}

/** Whether `ref` names a commit in the repository. */
export function refExists(top: string, ref: string): boolean {
  checkRef(ref);
  return git(top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]) !== undefined;
}

/** A file's text at a revision (`git show <ref>:<path>`), or undefined when it does not exist there. */
export function showFile(top: string, ref: string, repoPath: string): string | undefined {
  checkRef(ref);
  return git(top, ['show', '--end-of-options', `${ref}:${repoPath}`]);
}

/** Plugin folder names under a directory at a revision. */
export function listFolders(top: string, ref: string, repoDir: string): string[] {
  checkRef(ref);
  const out = git(top, ['ls-tree', '-d', '--name-only', '--end-of-options', ref, `${repoDir}/`]) ?? '';
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('/').at(-1)!);
}

/**
 * Reads a plugin bundle (plugin.json and its rule files) as it was at a git revision.
 * @example readBundleAtRef('/repo', 'HEAD~1', 'plugins/hrbmu', 'plugins/hrbmu@HEAD~1')
 */
export function readBundleAtRef(
  top: string,
  ref: string,
  repoDir: string,
  displayDir: string,
): { bundle?: PluginBundle; errors: PolicyError[] } {
  const manifestText = showFile(top, ref, `${repoDir}/plugin.json`);
  if (manifestText === undefined)
    return { errors: [{ file: `${displayDir}/plugin.json`, path: '$', message: `not found at ${ref}` }] };
  const manifest = parseJson(manifestText, `${displayDir}/plugin.json`);
  if (manifest.errors.length) return { errors: manifest.errors };
  const errors: PolicyError[] = [];
  const rules: Record<string, unknown> = {};
  const areas = (manifest.value as { areas?: Record<string, unknown> }).areas ?? {};
  for (const [area, file] of Object.entries(areas)) {
    if (typeof file !== 'string') continue;
    const text = showFile(top, ref, path.posix.join(repoDir, file));
    if (text === undefined) {
      errors.push({
        file: `${displayDir}/plugin.json`,
        path: jsonPath(['areas', area]),
        message: `rule file "${file}" not found at ${ref}`,
      });
      continue;
    }
    const parsed = parseJson(text, `${displayDir}/${file}`);
    errors.push(...parsed.errors);
    if (!parsed.errors.length) rules[area] = parsed.value;
  }
  return { bundle: { manifest: manifest.value, rules }, errors };
}
