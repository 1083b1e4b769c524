import type { MarkerLabel } from './fixture.ts';

/** A marker found in a response, and what it is. */
export interface Leak {
  marker: string;
  label: MarkerLabel;
}

/**
 * The forbidden markers a response body contains, leaving out those the request itself sent (a 404 that names the
 * id it was asked for tells the caller nothing new).
 *
 * @example
 * ```ts
 * findLeaks('{"name":"beta同学11"}', forbidden, '/api/students'); // [{ marker: 'beta同学11', label: 'beta … student name' }]
 * ```
 */
export function findLeaks(
  body: string,
  forbidden: ReadonlyMap<string, MarkerLabel>,
  requestText: string,
): Leak[] {
  const leaks: Leak[] = [];
  for (const [marker, label] of forbidden) {
    if (body.includes(marker) && !requestText.includes(marker)) leaks.push({ marker, label });
  }
  return leaks;
}

/** The union of marker maps (later maps win on the label). */
export function mergeMarkers(...maps: ReadonlyMap<string, MarkerLabel>[]): Map<string, MarkerLabel> {
  const out = new Map<string, MarkerLabel>();
  for (const map of maps) for (const [marker, label] of map) out.set(marker, label);
  return out;
}
