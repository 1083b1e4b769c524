/**
 * The module's pages, as paths under its route in the shell (`/support` unless the API says otherwise): the classes
 * with their term lists, one list, one student's support file.
 */
export type View = { name: 'lists' } | { name: 'list'; id: string } | { name: 'file'; id: string };

export const DEFAULT_BASE = '/support';

/**
 * Which page a shell path shows; unknown sub-paths fall back to the classes.
 *
 * @example
 * viewOf('/support/files/42', '/support') // { name: 'file', id: '42' }
 */
export function viewOf(path: string, base: string): View {
  const rest = path.startsWith(base) ? path.slice(base.length) : '';
  const [kind, id, ...more] = rest.split('/').filter(Boolean).map(decodeURIComponent);
  if (kind === 'lists' && id && more.length === 0) return { name: 'list', id };
  if (kind === 'files' && id && more.length === 0) return { name: 'file', id };
  return { name: 'lists' };
}

/** The shell path of a page. */
export function pathOf(view: View, base: string): string {
  if (view.name === 'list') return `${base}/lists/${encodeURIComponent(view.id)}`;
  if (view.name === 'file') return `${base}/files/${encodeURIComponent(view.id)}`;
  return base;
}
