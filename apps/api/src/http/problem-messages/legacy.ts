/**
 * One side of a transitional "中文 / English" text: the Chinese before the separator, the English after it; a text
 * without the separator is both. Goes away when the last such text has its own code.
 *
 * @example
 * sideOf('没有这个单位 / No unit u1', 'en'); // 'No unit u1'
 */
export function sideOf(text: string, side: 'zh' | 'en'): string {
  const at = text.indexOf(' / ');
  if (at < 0) return text;
  return side === 'en' ? text.slice(at + 3).trim() : text.slice(0, at).trim();
}
