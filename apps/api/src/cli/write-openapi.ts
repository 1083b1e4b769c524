/**
 * `pnpm generate:api`: writes the API's OpenAPI document to packages/api-contract/openapi.json and the TypeScript
 * types generated from it to packages/api-contract/src/schema.ts. Run it after changing a route or a schema; the
 * test `src/http/openapi-contract.test.ts` fails while either file is stale.
 */
import { relative } from 'node:path';
import { writeContract } from '../http/openapi-contract.ts';

const written = await writeContract();
const from = process.env.INIT_CWD ?? process.cwd();
console.log(`已写入 / written: ${relative(from, written.document)}, ${relative(from, written.schema)}`);
