import { z } from '@hono/zod-openapi';

/**
 * `schema` or null, for a schema that has an OpenAPI name. zod-to-openapi writes `Named.nullable()` into the named
 * component itself when it meets that use first (asteasolutions/zod-to-openapi#258), so every other use of the name,
 * request bodies included, would accept null too. A union leaves the component as declared and writes
 * `anyOf: [$ref, {type: null}]`, which openapi-typescript turns into `Named | null`.
 *
 * @example
 * responsiblePerson: orNull(PersonRef), // not PersonRef.nullable()
 */
export function orNull<T extends z.ZodType>(schema: T) {
  return z.union([schema, z.null()]);
}
