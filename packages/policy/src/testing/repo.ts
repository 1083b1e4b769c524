import path from 'node:path';
import { loadPluginDirectory, type PluginRegistry } from '../loader/load';

/** The repository's plugins folder. */
export const REPO_PLUGINS = path.join(import.meta.dirname, '..', '..', '..', '..', 'plugins');

let registry: Promise<PluginRegistry> | undefined;
/** The seed plugins, loaded once per test file. */
export function seedPlugins(): Promise<PluginRegistry> {
  registry ??= loadPluginDirectory(REPO_PLUGINS);
  return registry;
}
