import { createInstance } from '@module-federation/enhanced/runtime';
import * as runtimeCore from '@module-federation/runtime/core';
import type { FrontendModule } from '@xinqiao/web-kit';
import type { Component } from 'vue';
import { sharedSingletons } from './shared.ts';

/** How long a module may take to load before the shell gives up and shows the error panel. */
export const MODULE_LOAD_TIMEOUT_MS = 15_000;

type Federation = ReturnType<typeof createInstance>;

let federation: Federation | null = null;
const registered = new Map<string, string>();

declare global {
  // Read by remotes built with `experiments.externalRuntime`, so they use this runtime instead of shipping their own.
  var _FEDERATION_RUNTIME_CORE: typeof runtimeCore | undefined;
}

function instance(): Federation {
  globalThis._FEDERATION_RUNTIME_CORE ??= runtimeCore;
  federation ??= createInstance({ name: 'xinqiao_shell', remotes: [], shared: sharedSingletons() });
  return federation;
}

/** Thrown when a module cannot be loaded; carries the module so the panel can say which one. */
export class ModuleLoadError extends Error {
  constructor(
    readonly module: FrontendModule,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'ModuleLoadError';
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Loads under way or done, per remote and manifest: a preload and the page's own load share one. */
const loads = new Map<string, Promise<Component>>();

/**
 * Loads a module's exposed `./App` component through the Module Federation runtime, registering the remote from
 * its manifest URL the first time. `retry` re-registers the remote so a failed manifest is fetched again; a failed
 * load is forgotten, so the next call tries again.
 *
 * @example
 * const App = await loadModuleApp(module) // then <component :is="App" />
 */
export function loadModuleApp(module: FrontendModule, options: { retry?: boolean } = {}): Promise<Component> {
  const key = `${module.remoteName} ${module.manifestUrl}`;
  const known = options.retry ? undefined : loads.get(key);
  if (known) return known;
  const load = loadOnce(module, options);
  loads.set(key, load);
  load.catch(() => {
    if (loads.get(key) === load) loads.delete(key);
  });
  return load;
}

/**
 * Starts loading the module a fresh page opens on as soon as the module list is known, while the shell still checks
 * the session (the list answering means the session is good): its manifest and chunks arrive one round trip sooner.
 */
export function preloadModuleApp(module: FrontendModule): void {
  loadModuleApp(module).catch(() => undefined); // the page's own load shows the error
}

/**
 * Every remote is built with its entry beside its manifest (`remoteEntry.js`, @xinqiao/vite-config): fetching it while
 * the runtime still reads the manifest saves a round trip. A modulepreload lands in the page's module map, so the
 * runtime's `import()` of the same address uses it; a wrong guess only costs a 404.
 */
function preloadRemoteEntry(manifestUrl: string): void {
  const href = new URL('remoteEntry.js', new URL(manifestUrl, document.baseURI)).href;
  if (document.head.querySelector(`link[rel="modulepreload"][href="${CSS.escape(href)}"]`)) return;
  const link = document.createElement('link');
  link.rel = 'modulepreload';
  link.href = href;
  document.head.append(link);
}

async function loadOnce(module: FrontendModule, options: { retry?: boolean }): Promise<Component> {
  const mf = instance();
  const known = registered.get(module.remoteName);
  if (known !== module.manifestUrl || options.retry) {
    mf.registerRemotes([{ name: module.remoteName, entry: module.manifestUrl }], {
      force: known !== undefined,
    });
    registered.set(module.remoteName, module.manifestUrl);
  }
  // Nearly every module renders Element Plus from web-kit/elements: fetch that shared chunk alongside the manifest.
  void import('@xinqiao/web-kit/elements');
  preloadRemoteEntry(module.manifestUrl);
  const request = `${module.remoteName}/${module.exposes.replace(/^\.\//, '')}`;
  try {
    const exposed = await withTimeout(
      mf.loadRemote<{ default?: Component }>(request),
      MODULE_LOAD_TIMEOUT_MS,
    );
    if (!exposed?.default) throw new Error(`${request} has no default export`);
    return exposed.default;
  } catch (cause) {
    throw new ModuleLoadError(module, cause);
  }
}
