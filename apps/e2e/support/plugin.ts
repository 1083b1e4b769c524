import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CompiledPlugin, loadPluginFolder } from '@xinqiao/policy';
import { REPO_ROOT } from './server.ts';

/** A seed school's plugin, loaded from plugins/<code> the way the API loads it. */
export async function seedPlugin(code: string): Promise<CompiledPlugin> {
  const loaded = await loadPluginFolder(join(REPO_ROOT, 'plugins', code));
  if (!loaded.plugin) throw new Error(`plugins/${code} is refused: ${JSON.stringify(loaded.errors)}`);
  return loaded.plugin;
}

/** The title of the UI module a seed plugin declares in plugin.json, if any. */
export function seedPluginUiTitle(code: string): string | undefined {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'plugins', code, 'plugin.json'), 'utf8')) as {
    ui?: { title: { zh: string } };
  };
  return manifest.ui?.title.zh;
}
