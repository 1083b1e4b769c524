import { TabularError } from './errors.ts';

/** How the caller names columns: a key and the header names that mean it, and which keys must be present. */
export interface HeaderOptions {
  /**
   * Key → the headers accepted for it, the first one shown to users: `{ studentNumber: ['学号', 'student_number'] }`.
   * The key itself is accepted too. Matching ignores surrounding spaces, ASCII case and a trailing `*` (templates
   * often mark required columns with one). Columns not listed keep their header, trimmed, as key.
   */
  aliases?: Readonly<Record<string, readonly string[]>>;
  /** Keys whose column must exist; a missing one is a TabularError naming the header the user should add. */
  required?: readonly string[];
}

/** The header row resolved: the key of each column (null for a column without a header) and how the file wrote it. */
export interface HeaderMap {
  keys: (string | null)[];
  /** Key → the header exactly as written in the file (trimmed), for messages in the user's own terms. */
  written: Readonly<Record<string, string>>;
}

/**
 * Resolves a header row to keys. Throws a TabularError for a missing required column or two columns with one key.
 *
 * @example
 * mapHeaders(['学号', ' 姓名 '], { aliases: { studentNumber: ['学号'] } }, 1).keys; // ['studentNumber', '姓名']
 */
export function mapHeaders(cells: readonly string[], options: HeaderOptions, rowNumber: number): HeaderMap {
  const lookup = aliasLookup(options.aliases ?? {});
  const keys: (string | null)[] = [];
  const written: Record<string, string> = {};
  for (const cell of cells) {
    const header = cell.trim();
    if (header === '') {
      keys.push(null);
      continue;
    }
    const key = lookup.get(normaliseHeader(header)) ?? header;
    if (Object.hasOwn(written, key)) {
      throw new TabularError(
        'duplicate_header',
        `表头中“${written[key]}”和“${header}”是同一列，请只保留一列。`,
        `Headers "${written[key]}" and "${header}" name the same column; keep one.`,
        rowNumber,
        header,
      );
    }
    Object.defineProperty(written, key, {
      value: header,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    keys.push(key);
  }
  for (const key of options.required ?? []) {
    if (Object.hasOwn(written, key)) continue;
    const names = options.aliases?.[key] ?? [];
    const shown = names[0] ?? key;
    const others = names.length > 1 ? `（也可写作 ${names.slice(1).join('、')}）` : '';
    throw new TabularError(
      'missing_header',
      `缺少必需的列“${shown}”${others}。`,
      `Missing required column "${shown}"${names.length > 1 ? ` (also accepted: ${names.slice(1).join(', ')})` : ''}.`,
      rowNumber,
      shown,
    );
  }
  return { keys, written };
}

/** Header text as compared with aliases: trimmed, ASCII lower case, without a trailing required-marker `*`. */
export function normaliseHeader(header: string): string {
  return header
    .trim()
    .replace(/[*＊]+$/, '')
    .trim()
    .replace(/[A-Z]/g, (c) => c.toLowerCase());
}

function aliasLookup(aliases: Readonly<Record<string, readonly string[]>>): Map<string, string> {
  const lookup = new Map<string, string>();
  for (const [key, names] of Object.entries(aliases)) {
    for (const name of [key, ...names]) {
      const normal = normaliseHeader(name);
      const taken = lookup.get(normal);
      if (taken !== undefined && taken !== key) {
        throw new RangeError(`header alias '${name}' is given for both '${taken}' and '${key}'`);
      }
      lookup.set(normal, key);
    }
  }
  return lookup;
}
