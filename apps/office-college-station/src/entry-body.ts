/**
 * The text of a case entry as the reader sees it. The API writes a status change as `open → in_progress` (codes, so
 * the stored row reads the same in every language); the screen names both statuses in the reader's language.
 * Any other entry, and a status change whose words are not statuses, is shown as written.
 *
 * @example
 * entryText({ kind: 'status_change', body: 'open → in_progress' }, (s) => ({ open: '待处理', in_progress: '处理中' })[s])
 * // '待处理 → 处理中'
 */
export function entryText(
  entry: { kind: string; body: string },
  statusLabel: (status: string) => string | undefined,
): string {
  if (entry.kind !== 'status_change') return entry.body;
  const parts = entry.body.split(' → ');
  if (parts.length !== 2) return entry.body;
  const labels = parts.map((status) => statusLabel(status.trim()));
  return labels.every((label) => label) ? labels.join(' → ') : entry.body;
}
