import { type Ref, ref, shallowRef } from 'vue';

/** What {@link useRemoteSearch} gives a remote-search select. */
export interface RemoteSearch<T> {
  /** The choices found by the latest search. */
  options: Ref<T[]>;
  /** True while the latest search is on its way. */
  searching: Ref<boolean>;
  /** Starts a search for `query` (trimmed); pass it as the select's `remote-method`. */
  search: (query: string) => Promise<void>;
}

/**
 * The choices of a select that searches the API as the user types. Only the answer to the latest search is shown:
 * searches overlap (the empty search on opening, one per pause in typing) and a slow earlier answer, arriving last,
 * would otherwise replace the choices for what was typed with a list that may not hold them.
 *
 * `find` answers the choices for a query; if it throws, the choices stay as they were and `onError` (if given) hears
 * of it — unless a later search has started, in which case the failure no longer matters.
 *
 * @example
 * ```ts
 * const { options, searching, search } = useRemoteSearch(async (q) => (await searchStudents(q)).items);
 * // <ElSelect filterable remote :remote-method="search" :loading="searching"> … options …
 * ```
 */
export function useRemoteSearch<T>(
  find: (query: string) => Promise<T[]>,
  onError?: (error: unknown) => void,
): RemoteSearch<T> {
  const options = shallowRef<T[]>([]);
  const searching = ref(false);
  let latest = 0;

  async function search(query: string): Promise<void> {
    const ticket = ++latest;
    searching.value = true;
    try {
      const found = await find(query.trim());
      if (ticket === latest) options.value = found;
    } catch (error) {
      if (ticket === latest) onError?.(error);
    } finally {
      if (ticket === latest) searching.value = false;
    }
  }

  return { options, searching, search };
}
