import { describe, expect, it } from 'vitest';
import { useRemoteSearch } from './remote-search.ts';

/** A search whose answers the test releases one by one, in any order. */
function controlledFind() {
  const pending = new Map<string, { resolve: (items: string[]) => void; reject: (e: unknown) => void }>();
  const find = (query: string) =>
    new Promise<string[]>((resolve, reject) => pending.set(query, { resolve, reject }));
  return { find, answer: (query: string, items: string[]) => pending.get(query)!.resolve(items), pending };
}

describe('useRemoteSearch', () => {
  it('keeps the typed search’s choices when the opening search answers after it', async () => {
    const { find, answer } = controlledFind();
    const { options, searching, search } = useRemoteSearch(find);
    const opening = search('');
    const typed = search(' 麻醉学2026级3班 ');
    answer('麻醉学2026级3班', ['麻醉学2026级3班']);
    await typed;
    answer('', ['临床医学2026级1班', '临床医学2026级2班']);
    await opening;
    expect(options.value).toEqual(['麻醉学2026级3班']);
    expect(searching.value).toBe(false);
  });

  it('is searching until the latest search answers', async () => {
    const { find, answer } = controlledFind();
    const { options, searching, search } = useRemoteSearch(find);
    const first = search('a');
    const second = search('ab');
    answer('a', ['a1']);
    await first;
    expect(searching.value).toBe(true);
    expect(options.value).toEqual([]);
    answer('ab', ['ab1']);
    await second;
    expect(searching.value).toBe(false);
    expect(options.value).toEqual(['ab1']);
  });

  it('reports the latest search’s failure and keeps the choices; an earlier search’s failure is dropped', async () => {
    const { find, answer, pending } = controlledFind();
    const errors: unknown[] = [];
    const { options, search } = useRemoteSearch(find, (e) => errors.push(e));
    const first = search('a');
    answer('a', ['a1']);
    await first;
    const stale = search('ab');
    const latest = search('abc');
    pending.get('ab')!.reject(new Error('stale'));
    await stale;
    expect(errors).toEqual([]);
    pending.get('abc')!.reject(new Error('latest'));
    await latest;
    expect(errors.map((e) => (e as Error).message)).toEqual(['latest']);
    expect(options.value).toEqual(['a1']);
  });
});
