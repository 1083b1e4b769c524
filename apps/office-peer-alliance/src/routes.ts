/**
 * The module's own pages, as paths under its route in the shell (`/peer-alliance` unless the API says otherwise).
 * The shell hands every path under that prefix to this module, so a page is a link that survives a reload.
 */
export type View =
  | { name: 'events' }
  | { name: 'sheet'; id: string }
  | { name: 'ranking' }
  | { name: 'sanctions' }
  | { name: 'member'; id: string };

/** The module's default route path (GET /api/frontends normally passes it in the module prop). */
export const DEFAULT_BASE = '/peer-alliance';

/**
 * Which page a shell path shows; unknown sub-paths fall back to the list of meetings.
 *
 * @example
 * viewOf('/peer-alliance/events/42', '/peer-alliance') // { name: 'sheet', id: '42' }
 */
export function viewOf(path: string, base: string): View {
  const rest = path.startsWith(base) ? path.slice(base.length) : '';
  const parts = rest.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'events' && parts[1] && parts.length === 2) return { name: 'sheet', id: parts[1] };
  if (parts[0] === 'members' && parts[1] && parts.length === 2) return { name: 'member', id: parts[1] };
  if (parts[0] === 'ranking' && parts.length === 1) return { name: 'ranking' };
  if (parts[0] === 'sanctions' && parts.length === 1) return { name: 'sanctions' };
  return { name: 'events' };
}

/** The shell path of a page. */
export function pathOf(view: View, base: string): string {
  switch (view.name) {
    case 'events':
      return base;
    case 'sheet':
      return `${base}/events/${encodeURIComponent(view.id)}`;
    case 'member':
      return `${base}/members/${encodeURIComponent(view.id)}`;
    case 'ranking':
      return `${base}/ranking`;
    case 'sanctions':
      return `${base}/sanctions`;
  }
}
