import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { publishedSchemas, schemaText } from '../../authoring/json-schema';
import { repoRoot } from '../../authoring/paths';
import { say } from '../args';

/** `schema [--check]`: writes docs/plugin.schema.json and docs/plugin-rules.schema.json, or checks they are current. */
export async function schemaCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { check: { type: 'boolean' } } });
  let stale = 0;
  for (const [name, schema] of Object.entries(publishedSchemas())) {
    const file = path.join(repoRoot(), 'docs', name);
    const text = schemaText(schema);
    const current = await readFile(file, 'utf8').catch(() => undefined);
    if (current === text) say(`✓ docs/${name} is current`);
    else if (values.check) {
      stale++;
      say(`✗ docs/${name} is out of date: run pnpm policy schema`);
    } else {
      await writeFile(file, text);
      say(`wrote docs/${name}`);
    }
  }
  return stale ? 1 : 0;
}
