// Whether a module's English texts match its Chinese ones: the same keys, the same named placeholders, none empty.
// The check is imported by the modules' message tests only (`@xinqiao/web-kit/i18n-parity`), so no page downloads
// it; the `Texts` type reaches the modules' texts through web-kit's index as a type, erased when they are built.

/** The English texts of a zh-CN message tree: the same keys, each text a string of its own. */
export type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };

/**
 * What differs between the zh-CN texts and the English ones, one line each: a key only one language has, a text
 * whose named placeholders (`{count}`) differ, an empty text. Empty when the two match.
 *
 * @example
 * expect(messageParityProblems(zhCN, en)).toEqual([]);
 */
export function messageParityProblems(zhCN: object, en: object): string[] {
  const zh = textsByKey(zhCN);
  const english = textsByKey(en);
  const problems: string[] = [];
  for (const [key, text] of zh) {
    const other = english.get(key);
    if (other === undefined) {
      problems.push(`${key}: missing in en`);
      continue;
    }
    const ours = placeholders(text);
    const theirs = placeholders(other);
    if (ours !== theirs)
      problems.push(`${key}: placeholders ${ours || 'none'} in zh-CN, ${theirs || 'none'} in en`);
    if (text.trim() === '') problems.push(`${key}: empty in zh-CN`);
    if (other.trim() === '') problems.push(`${key}: empty in en`);
  }
  for (const key of english.keys()) if (!zh.has(key)) problems.push(`${key}: missing in zh-CN`);
  return problems;
}

/** Every text of a message tree by its dotted key (`a.b.c`); a value that is not an object is a text. */
function textsByKey(tree: object, prefix = '', into = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && value !== null) textsByKey(value, path, into);
    else into.set(path, String(value));
  }
  return into;
}

/** The named placeholders of a text, sorted and joined (`{count},{name}`). */
function placeholders(text: string): string {
  return [...text.matchAll(/\{(\w+)\}/g)]
    .map((match) => `{${match[1]}}`)
    .sort()
    .join(',');
}
