/**
 * The module's own pages, as paths under its route in the shell (`/college-station` unless the API says otherwise).
 * The shell hands every path under that prefix to this module, so a page is a link that survives a reload.
 */
export type View =
  | { name: 'students' }
  | { name: 'followUps' }
  | { name: 'student'; id: string }
  | { name: 'case'; id: string }
  | { name: 'concerns'; tab: 'triage' | 'mine' }
  | { name: 'concern'; id: string }
  | { name: 'keyStudents'; tab: 'roster' | 'approvals' }
  | { name: 'kpis' }
  | { name: 'warnings' };

/** The module's default route path (GET /api/frontends normally passes it in the module prop). */
export const DEFAULT_BASE = '/college-station';

/**
 * Which page a shell path shows; unknown sub-paths fall back to the student list.
 *
 * @example
 * viewOf('/college-station/students/42', '/college-station') // { name: 'student', id: '42' }
 */
export function viewOf(path: string, base: string): View {
  const rest = path.startsWith(base) ? path.slice(base.length) : '';
  const parts = rest.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'follow-ups' && parts.length === 1) return { name: 'followUps' };
  if (parts[0] === 'students' && parts[1] && parts.length === 2) return { name: 'student', id: parts[1] };
  if (parts[0] === 'cases' && parts[1] && parts.length === 2) return { name: 'case', id: parts[1] };
  if (parts[0] === 'concerns' && parts.length === 1) return { name: 'concerns', tab: 'triage' };
  if (parts[0] === 'concerns' && parts[1] === 'mine' && parts.length === 2)
    return { name: 'concerns', tab: 'mine' };
  if (parts[0] === 'concerns' && parts[1] && parts.length === 2) return { name: 'concern', id: parts[1] };
  if (parts[0] === 'key-students' && parts.length === 1) return { name: 'keyStudents', tab: 'roster' };
  if (parts[0] === 'key-students' && parts[1] === 'approvals' && parts.length === 2)
    return { name: 'keyStudents', tab: 'approvals' };
  if (parts[0] === 'kpis' && parts.length === 1) return { name: 'kpis' };
  if (parts[0] === 'warnings' && parts.length === 1) return { name: 'warnings' };
  return { name: 'students' };
}

/** The shell path of a page. */
export function pathOf(view: View, base: string): string {
  switch (view.name) {
    case 'students':
      return base;
    case 'followUps':
      return `${base}/follow-ups`;
    case 'student':
      return `${base}/students/${encodeURIComponent(view.id)}`;
    case 'case':
      return `${base}/cases/${encodeURIComponent(view.id)}`;
    case 'concerns':
      return view.tab === 'mine' ? `${base}/concerns/mine` : `${base}/concerns`;
    case 'concern':
      return `${base}/concerns/${encodeURIComponent(view.id)}`;
    case 'keyStudents':
      return view.tab === 'approvals' ? `${base}/key-students/approvals` : `${base}/key-students`;
    case 'kpis':
      return `${base}/kpis`;
    case 'warnings':
      return `${base}/warnings`;
  }
}
