/**
 * Whether `path` is the module's own page or one of its sub-pages (`/alliance` owns `/alliance/events/3`,
 * not `/alliance-archive`): the navigation keeps the module highlighted on every page it shows.
 *
 * @example
 * isWithinModule('/peer-alliance/ranking', '/peer-alliance'); // true
 */
export function isWithinModule(path: string, routePath: string): boolean {
  const base = routePath.endsWith('/') ? routePath.slice(0, -1) : routePath;
  return path === base || path.startsWith(`${base}/`);
}
