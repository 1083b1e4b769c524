/** The student module's own views, by path under its base (`/student` by default). */
export type StudentView =
  | { name: 'home' }
  | { name: 'password' }
  | { name: 'screening'; waveId: string }
  | { name: 'appointments' }
  | { name: 'tree-hole' }
  | { name: 'help' };

export const DEFAULT_BASE = '/student';

/**
 * The view of a shell path.
 *
 * @example
 * viewOf('/student/screening/abc', '/student'); // { name: 'screening', waveId: 'abc' }
 */
export function viewOf(path: string, base: string): StudentView {
  const rest = path.startsWith(base) ? path.slice(base.length).replace(/^\/+|\/+$/g, '') : '';
  const [first, second] = rest.split('/');
  if (first === 'password') return { name: 'password' };
  if (first === 'appointments') return { name: 'appointments' };
  if (first === 'tree-hole') return { name: 'tree-hole' };
  if (first === 'help') return { name: 'help' };
  if (first === 'screening' && second) return { name: 'screening', waveId: second };
  return { name: 'home' };
}

/** The shell path of a view. */
export function pathOf(view: StudentView, base: string): string {
  if (view.name === 'home') return base;
  if (view.name === 'screening') return `${base}/screening/${view.waveId}`;
  return `${base}/${view.name}`;
}
