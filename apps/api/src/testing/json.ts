/**
 * The JSON body of a response, loosely typed for assertions (`Response.json()` is `unknown` under Node's types).
 *
 * @example
 * ```ts
 * expect((await json(res)).errors[0].field).toBe('guardians.0.phone');
 * ```
 */
// biome-ignore lint/suspicious/noExplicitAny: test assertions read arbitrary JSON
export function json(res: Response): Promise<any> {
  return res.json();
}
