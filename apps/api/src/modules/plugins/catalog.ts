/** A plugin error as the loader reports it: where (a file or a field path) and what. */
export interface PluginProblem {
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
}

/**
 * The loaded plugins as the API sees them. A broken plugin is listed as refused with its errors and never
 * returned by `active`, while the others keep working.
 */
export interface PluginCatalog {
  list(): PluginSummary[];
  /** The active plugin of a school (a school's plugin id is its code), if it loaded. */
  active(schoolCode: string): ActivePlugin | undefined;
}

/**
 * A catalog over fixed entries: for tests, and for a start with no plugins folder.
 *
 * @example
 * ```ts
 * createTestApp({ plugins: fixedCatalog([{ id: 'hmu', version: '1.0.0', manifest: {}, rules: {} }]) });
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
