import { type FSWatcher, watch } from 'node:fs';
import { loadPluginDirectory, type PluginRegistry } from './load';

/**
 * Watches a plugins directory (for development) and reloads every plugin after a change settles, calling `onChange`
 * with the new registry. A plugin broken by an edit comes back refused; the others stay active.
 * @example
 * const watcher = watchPluginDirectory('plugins', (registry) => { app.plugins = registry; });
 * // later: watcher.close();
 */
export function watchPluginDirectory(
  dir: string,
  onChange: (registry: PluginRegistry) => void,
  options: { readonly debounceMs?: number; readonly onError?: (error: unknown) => void } = {},
): { close(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  const reload = () => {
    timer = undefined;
    loadPluginDirectory(dir).then(
      (registry) => {
        if (!closed) onChange(registry);
      },
      (error: unknown) => options.onError?.(error),
    );
  };
  const watcher: FSWatcher = watch(dir, { recursive: true }, () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(reload, options.debounceMs ?? 150);
  });
  watcher.on('error', (error) => options.onError?.(error));
  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      watcher.close();
    },
  };
}
