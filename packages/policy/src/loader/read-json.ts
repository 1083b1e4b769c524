import type { PolicyError } from '../errors';

/**
 * Parses JSON text, turning a syntax error into a policy error with line and column.
 * @example parseJson('{"a": }', 'plugins/x/plugin.json') // { errors: [{ file, path: '$', message: 'invalid JSON: … (line 1, column 7)' }] }
 */
export function parseJson(text: string, file: string): { value?: unknown; errors: PolicyError[] } {
  try {
    return { value: JSON.parse(text), errors: [] };
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    const position = Number(message.match(/position (\d+)/)?.[1]);
    let where = '';
    if (Number.isFinite(position)) {
      const before = text.slice(0, position).split('\n');
      where = ` (line ${before.length}, column ${before.at(-1)!.length + 1})`;
    }
    return {
      errors: [
        {
          file,
          path: '$',
          message: `invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}${where}`,
        },
      ],
    };
  }
}
