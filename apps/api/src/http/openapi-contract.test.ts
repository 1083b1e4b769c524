import { describe, expect, it } from 'vitest';
import { checkedInContract, documentText, REGENERATE_COMMAND, schemaText } from './contract-files.ts';
import { servedOpenApiDocument } from './openapi-contract.ts';

// Components written nullable by zod-to-openapi#258 that their modules' owners are still moving to orNull();
// the test fails when one is fixed, so the list only shrinks.
const KNOWN_NULLABLE_COMPONENTS: ReadonlySet<string> = new Set(['AllianceLateConversion', 'PersonRef']);

interface SchemaObject {
  type?: string | string[];
  enum?: unknown[];
  anyOf?: SchemaObject[];
  oneOf?: SchemaObject[];
}

interface DocumentWithSchemas {
  components?: { schemas?: Record<string, SchemaObject> };
}

function acceptsNull(schema: SchemaObject): boolean {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const alternatives = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
  return types.includes('null') || (schema.enum ?? []).includes(null) || alternatives.some(acceptsNull);
}

function nullableComponents(doc: DocumentWithSchemas): string[] {
  return Object.entries(doc.components?.schemas ?? {})
    .filter(([, schema]) => acceptsNull(schema))
    .map(([name]) => name);
}

const stale = (file: string) =>
  `packages/api-contract/${file} is stale: run \`${REGENERATE_COMMAND}\` and commit the result`;

describe('http/openapi-contract', () => {
  it('checks in the OpenAPI document the API serves', async () => {
    const served = documentText(await servedOpenApiDocument());
    const { document } = await checkedInContract();
    expect(document === served, stale('openapi.json')).toBe(true);
  });

  it('checks in the TypeScript types generated from the checked-in document', async () => {
    const { document, schema } = await checkedInContract();
    const generated = await schemaText(document);
    expect(schema === generated, stale('src/schema.ts')).toBe(true);
  });

  it('keeps every named schema as declared: a nullable use is orNull(Named), not Named.nullable()', async () => {
    const { document } = await checkedInContract();
    const nullable = nullableComponents(JSON.parse(document) as DocumentWithSchemas);
    const unexpected = nullable.filter((name) => !KNOWN_NULLABLE_COMPONENTS.has(name));
    const fixed = [...KNOWN_NULLABLE_COMPONENTS].filter((name) => !nullable.includes(name));
    expect(unexpected, 'these components accept null everywhere: use orNull() from http/or-null.ts').toEqual(
      [],
    );
    expect(fixed, 'fixed: remove them from KNOWN_NULLABLE_COMPONENTS').toEqual([]);
  });

  it('lists paths and schema names in name order, whatever order the routes were registered in', () => {
    const text = documentText({
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: { '/b': {}, '/a': {} },
      components: { schemas: { Zeta: { type: 'string' }, Alpha: { type: 'string' } } },
    });
    const doc = JSON.parse(text) as { paths: object; components: { schemas: object } };
    expect(Object.keys(doc.paths)).toEqual(['/a', '/b']);
    expect(Object.keys(doc.components.schemas)).toEqual(['Alpha', 'Zeta']);
    expect(text.endsWith('}\n')).toBe(true);
  });
});
