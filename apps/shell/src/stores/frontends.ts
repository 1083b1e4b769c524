import { api, type FrontendModule } from '@xinqiao/web-kit';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { preloadModuleApp } from '../federation/loader.ts';

/**
 * Finds the module living at a shell path: the one whose routePath is the path or a prefix of it.
 *
 * @example
 * moduleAtPath(modules, '/student-affairs/edit') // the student affairs module
 */
export function moduleAtPath(modules: FrontendModule[], path: string): FrontendModule | undefined {
  const normalized = path.replace(/\/+$/, '') || '/';
  return modules
    .filter((m) => normalized === m.routePath || normalized.startsWith(`${m.routePath}/`))
    .sort((a, b) => b.routePath.length - a.routePath.length)[0];
}

/** The modules the signed-in user may open, from `GET /api/frontends`. */
export const useFrontendsStore = defineStore('xinqiao-frontends', () => {
  const modules = ref<FrontendModule[]>([]);
  const loaded = ref(false);
  const error = ref<unknown>(null);
  let pending: Promise<void> | null = null;

  function fetchList(quiet: boolean): Promise<void> {
    if (loaded.value) return Promise.resolve();
    pending ??= api
      .GET('/api/frontends', { quiet401: quiet })
      .then((list) => {
        modules.value = list.modules;
        error.value = null;
        loaded.value = true;
      })
      .catch((e: unknown) => {
        // A prefetch before anyone is known to be signed in may be refused: the real load asks again.
        if (!quiet) error.value = e;
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  }

  /** Loads the list once per sign-in; concurrent callers share one request. */
  function load(): Promise<void> {
    return fetchList(false);
  }

  /**
   * Starts loading alongside `/api/auth/me` on a fresh page, so a module can start loading one round trip sooner;
   * when `path` is a module's, that module's code starts loading as soon as the list arrives.
   */
  function prefetch(path?: string): void {
    void fetchList(true).then(() => {
      const module = path === undefined ? undefined : moduleAtPath(modules.value, path);
      if (module) preloadModuleApp(module);
    });
  }

  /** Forgets the list (on sign-out: the next user has other roles). */
  function reset(): void {
    modules.value = [];
    loaded.value = false;
    error.value = null;
  }

  return { modules, loaded, error, load, prefetch, reset };
});
