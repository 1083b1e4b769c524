import { describe, expect, it } from 'vitest';
import { checkedInContract, documentText, REGENERATE_COMMAND, schemaText } from './contract-files.ts';
import { servedOpenApiDocument } from './openapi-contract.ts';

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
