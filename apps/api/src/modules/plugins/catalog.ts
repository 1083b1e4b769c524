import type { CompiledPlugin, LoadedPlugin, PluginRegistry } from '@xinqiao/policy';

/** A plugin error as the loader reports it: the file, where in it (a JSONPath), and what is wrong. */
export interface PluginProblem {
  file?: string;
  path?: string;
  message: string;
}

/** One plugin folder as loaded at start (or reloaded in development). */
export interface PluginSummary {
  id: string;
  version: string | null;
  /** 'active' when it loaded and passed validation; 'refused' when it did not (see `errors`). */
  status: 'active' | 'refused';
  errors: PluginProblem[];
}

/** What a school's frontends fetch at run time: the plugin manifest and its rule files by area. */
export interface ActivePlugin {
  id: string;
  version: string;
  manifest: Record<string, unknown>;
  rules: Record<string, unknown>;
  /** The compiled plugin, ready for `evaluate`, when the catalog was built from the policy loader. */
  compiled?: CompiledPlugin;
}

/**
 * The loaded plugins as the API sees them. A broken plugin is listed as refused with its errors and never
 * returned by `active`, while the others keep working.
 */
export interface PluginCatalog {
  list(): PluginSummary[];
  /** The active plugin of a school (a school's plugin id is its code), if it loaded. The same object per load. */
  active(schoolCode: string): ActivePlugin | undefined;
}

/** A catalog over the policy loader's registry, which `replace` swaps when the plugins folder changes. */
export interface ReloadableCatalog extends PluginCatalog {
  registry(): PluginRegistry;
  replace(registry: PluginRegistry): void;
}

const activeViews = new WeakMap<LoadedPlugin, ActivePlugin>();

function activeView(loaded: LoadedPlugin): ActivePlugin | undefined {
  const compiled = loaded.plugin;
  if (!compiled) return undefined;
  let view = activeViews.get(loaded);
  if (!view) {
    const { manifest, rules } = compiled.bundle;
    view = {
      id: compiled.id,
      version: compiled.version,
      manifest: manifest as Record<string, unknown>,
      rules: { ...rules },
      compiled,
    };
    activeViews.set(loaded, view);
  }
  return view;
}

/**
 * The catalog of a registry loaded by `loadPluginDirectory` (at start) and replaced by `watchPluginDirectory`
 * (in development). Routes read it per request, so a reload takes effect at once.
 *
 * @example
 * ```ts
 * const plugins = registryCatalog(await loadPluginDirectory(join(repoRoot, 'plugins')));
 * plugins.active('hrbmu')?.version; // '1.0.0'
 * ```
 */
export function registryCatalog(initial: PluginRegistry): ReloadableCatalog {
  let current = initial;
  return {
    registry: () => current,
    replace: (registry) => {
      current = registry;
    },
    list: () =>
      current.plugins.map((p) => ({
        id: p.id,
        version: p.version,
        status: p.status,
        errors: p.errors.map(({ file, path, message }) => ({ file, path, message })),
      })),
    active: (schoolCode) => {
      const loaded = current.get(schoolCode);
      return loaded ? activeView(loaded) : undefined;
    },
  };
}

/**
 * A catalog over fixed entries, for tests.
 *
 * @example
 * ```ts
 * createTestApp({ plugins: fixedCatalog([{ id: 'alpha', version: '1.0.0', manifest: {}, rules: {} }]) });
 * ```
 */
export function fixedCatalog(active: ActivePlugin[], refused: PluginSummary[] = []): PluginCatalog {
  const byId = new Map(active.map((p) => [p.id, p]));
  return {
    list: () => [
      ...active.map((p) => ({ id: p.id, version: p.version, status: 'active' as const, errors: [] })),
      ...refused,
    ],
    active: (schoolCode) => byId.get(schoolCode),
  };
}
