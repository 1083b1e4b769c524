import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import openapiTS, { astToString, COMMENT_HEADER, type OpenAPI3 } from 'openapi-typescript';

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
  // A default makes a field optional in a request; openapi-typescript would otherwise make it required everywhere.
  const ast = await openapiTS(JSON.parse(documentJson) as OpenAPI3, {
    silent: true,
    defaultNonNullable: false,
  });
  return `${COMMENT_HEADER}${GENERATED_NOTE}\n${astToString(ast)}`;
}

/** The checked-in files' text, or '' for a file that does not exist yet. */
export async function checkedInContract(
  files: ContractFiles = contractFiles(),
): Promise<{ document: string; schema: string }> {
  const read = (path: string) => readFile(path, 'utf8').catch(() => '');
  return { document: await read(files.document), schema: await read(files.schema) };
}
