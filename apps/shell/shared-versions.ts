import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The packages the shell provides to every federated module as singletons. */
export const SHARED_PACKAGES = [
  'vue',
  'pinia',
  'vue-router',
  'vue-i18n',
  'element-plus',
  '@xinqiao/web-kit',
] as const;

/**
 * Reads the installed version of each shared package, found by walking up from its resolved entry (some packages
 * do not export their package.json), so the shell announces the versions it really bundles.
 */
export function installedVersions(fromDir: string): Record<string, string> {
  const require = createRequire(join(fromDir, 'package.json'));
  const versions: Record<string, string> = {};
  for (const name of SHARED_PACKAGES) {
    let dir = dirname(require.resolve(name));
    for (;;) {
      try {
        const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
          name?: string;
          version?: string;
        };
        if (pkg.name === name && pkg.version) {
          versions[name] = pkg.version;
          break;
        }
      } catch {
        // No package.json at this level: keep walking up.
      }
      const parent = dirname(dir);
      if (parent === dir) throw new Error(`cannot find the version of ${name}`);
      dir = parent;
    }
  }
  return versions;
}
