import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPluginDirectory } from '@xinqiao/policy';
import { type ReloadableCatalog, registryCatalog } from '../modules/plugins/catalog.ts';

/** The repo's `plugins/` folder. */
export const REPO_PLUGINS_DIR = fileURLToPath(new URL('../../../../plugins', import.meta.url));

/**
 * A plugins folder in a temp dir: each `schoolCode → sourcePluginId` entry copies a real plugin of the repo under
 * the test school's code (so `alpha` gets Harbin Medical University's rules), and each `broken` entry writes a
 * plugin folder whose files are given as raw text. Returns the loaded catalog and the folder.
 *
 * @example
 * ```ts
 * const { plugins } = await testPluginCatalog({ copies: { alpha: 'hrbmu' } });
 * const t = await createTestApp({ plugins });
 * ```
 */
export async function testPluginCatalog(
  spec: { copies?: Record<string, string>; broken?: Record<string, Record<string, string>> } = {},
): Promise<{ plugins: ReloadableCatalog; dir: string }> {
  const dir = join(mkdtempSync(join(tmpdir(), 'xinqiao-plugins-')), 'plugins');
  mkdirSync(dir);
  for (const [code, source] of Object.entries(spec.copies ?? {})) {
    const target = join(dir, code);
    cpSync(join(REPO_PLUGINS_DIR, source), target, { recursive: true });
    const manifestFile = join(target, 'plugin.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    manifest.id = code;
    manifest.school.code = code;
    delete manifest.ui;
    writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  }
  for (const [code, files] of Object.entries(spec.broken ?? {})) {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(join(dir, code, file, '..'), { recursive: true });
      writeFileSync(join(dir, code, file), text);
    }
  }
  return { plugins: registryCatalog(await loadPluginDirectory(dir)), dir };
}
