/**
 * The module's own pages, as paths under its route in the shell (`/crisis` unless the API says otherwise). The shell
 * hands every path under that prefix to this module, so a page is a link that survives a reload.
 */
export type View =
  | { name: 'board' }
  | { name: 'open' }
  | { name: 'crisis'; id: string }
  | { name: 'report'; id: string }
  | { name: 'hospitals' };

/** The module's default route path (GET /api/frontends normally passes it in the module prop). */
export const DEFAULT_BASE = '/crisis';

/**
 * Which page a shell path shows; unknown sub-paths fall back to the board.
 *
 * @example
 * viewOf('/crisis/42/report', '/crisis') // { name: 'report', id: '42' }
 */
export function viewOf(path: string, base: string): View {
  const rest = path.startsWith(base) ? path.slice(base.length) : '';
  const parts = rest.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'new' && parts.length === 1) return { name: 'open' };
  if (parts[0] === 'hospitals' && parts.length === 1) return { name: 'hospitals' };
  if (parts[0] && parts[1] === 'report' && parts.length === 2) return { name: 'report', id: parts[0] };
  if (parts[0] && parts.length === 1) return { name: 'crisis', id: parts[0] };
  return { name: 'board' };
}

/** The shell path of a page. */
export function pathOf(view: View, base: string): string {
  switch (view.name) {
    case 'board':
      return base;
    case 'open':
      return `${base}/new`;
    case 'hospitals':
      return `${base}/hospitals`;
    case 'crisis':
      return `${base}/${encodeURIComponent(view.id)}`;
    case 'report':
      return `${base}/${encodeURIComponent(view.id)}/report`;
  }
}
