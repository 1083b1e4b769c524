import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Database } from '@xinqiao/db';
import openapiTS, { astToString, COMMENT_HEADER, type OpenAPI3 } from 'openapi-typescript';
import { createApp } from '../app.ts';
import { fixedCatalog } from '../modules/plugins/catalog.ts';
import { OPENAPI_PATH } from './openapi.ts';

/** The command that rewrites the checked-in contract; failures name it. */
export const REGENERATE_COMMAND = 'pnpm generate:api';

/** Where `@xinqiao/api-contract` keeps the document and the types generated from it. */
export interface ContractFiles {
  document: string;
  schema: string;
}

/** The files of `@xinqiao/api-contract`, found through the package like any other dependency. */
export function contractFiles(): ContractFiles {
  const root = dirname(createRequire(import.meta.url).resolve('@xinqiao/api-contract/package.json'));
  return { document: join(root, 'openapi.json'), schema: join(root, 'src', 'schema.ts') };
}

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

function sortedByKey<T>(record: Record<string, T> | undefined): Record<string, T> | undefined {
  if (!record) return record;
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The document as it is checked in: paths and every components map in name order (so moving a route's
 * registration does not rewrite the file), everything else in the order the routes declare it, two-space JSON
 * with a final newline.
 *
 * @example
 * await writeFile(contractFiles().document, documentText(await servedOpenApiDocument()));
 */
export function documentText(doc: OpenAPI3): string {
  const components = doc.components
    ? Object.fromEntries(
        Object.entries(doc.components).map(([kind, entries]) => [
          kind,
          sortedByKey(entries as Record<string, unknown>),
        ]),
      )
    : undefined;
  const stable = { ...doc, paths: sortedByKey(doc.paths), ...(components ? { components } : {}) };
  return `${JSON.stringify(stable, null, 2)}\n`;
}

const GENERATED_NOTE = `// Generated from ../openapi.json: do not edit. Regenerate with \`${REGENERATE_COMMAND}\`.\n`;

/**
 * The TypeScript types of a checked-in document, as openapi-typescript writes them (`paths`, `components`,
 * `operations`), with a note saying how to regenerate them.
 *
 * @example
 * await writeFile(contractFiles().schema, await schemaText(await readFile(contractFiles().document, 'utf8')));
 */
export async function schemaText(documentJson: string): Promise<string> {
  const ast = await openapiTS(JSON.parse(documentJson) as OpenAPI3, { silent: true });
  return `${COMMENT_HEADER}${GENERATED_NOTE}\n${astToString(ast)}`;
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

/** The checked-in files' text, or '' for a file that does not exist yet. */
export async function checkedInContract(
  files: ContractFiles = contractFiles(),
): Promise<{ document: string; schema: string }> {
  const read = (path: string) => readFile(path, 'utf8').catch(() => '');
  return { document: await read(files.document), schema: await read(files.schema) };
}
