import { writeFile } from 'node:fs/promises';
import type { Database } from '@xinqiao/db';
import type { OpenAPI3 } from 'openapi-typescript';
import { createApp } from '../app.ts';
import { fixedCatalog } from '../modules/plugins/catalog.ts';
import { type ContractFiles, contractFiles, documentText, schemaText } from './contract-files.ts';
import { OPENAPI_PATH } from './openapi.ts';

// Serving the document never touches the database: a database that throws on use proves it.
const noDatabase: Database = {
  kind: 'pglite',
  get orm(): never {
    throw new Error('the OpenAPI document is built without a database');
  },
  close: async () => {},
};

/**
 * The OpenAPI 3.1 document exactly as `GET /api/openapi.json` serves it, from an app built by `createApp` like the
 * tests build it (no database is opened: the document is made from the route definitions alone).
 *
 * @example
 * const doc = await servedOpenApiDocument(); // { openapi: '3.1.0', paths: { '/api/units': … } … }
 */
export async function servedOpenApiDocument(): Promise<OpenAPI3> {
  const app = createApp({ db: noDatabase, plugins: fixedCatalog([]) });
  const res = await app.request(OPENAPI_PATH);
  if (res.status !== 200) throw new Error(`${OPENAPI_PATH} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as OpenAPI3;
}

/**
 * Rewrites `openapi.json` from the app and `src/schema.ts` from that document (what `pnpm generate:api` runs).
 * Answers the paths written.
 *
 * @example
 * await writeContract(); // { document: '…/packages/api-contract/openapi.json', schema: '…/src/schema.ts' }
 */
export async function writeContract(files: ContractFiles = contractFiles()): Promise<ContractFiles> {
  const document = documentText(await servedOpenApiDocument());
  await writeFile(files.document, document);
  await writeFile(files.schema, await schemaText(document));
  return files;
}
