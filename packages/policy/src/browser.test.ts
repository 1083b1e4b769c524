import { existsSync, readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatePopulation } from './authoring/population';
import { compilePlugin, evaluate } from './browser';
import { AREA_CONTRACTS } from './contracts';
import type { AreaContract } from './contracts/contract';
import { seedPlugins } from './testing/repo';

const require = createRequire(import.meta.url);

/**
 * Every module browser.ts reaches through relative imports and our own packages (followed, not trusted), and the
 * bare imports they make.
 */
function importGraph(entry: string): { files: string[]; bare: Set<string> } {
  const files: string[] = [];
  const bare = new Set<string>();
  const visit = (file: string) => {
    if (files.includes(file)) return;
    files.push(file);
    const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, ''); // doc comments hold examples, not imports
    for (const match of text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)) {
      const specifier = match[1]!;
      if (specifier.startsWith('@xinqiao/')) visit(require.resolve(specifier));
      else if (!specifier.startsWith('.')) bare.add(specifier);
      else if (!specifier.endsWith('.json')) {
        const target = path.resolve(path.dirname(file), specifier.replace(/\.ts$/, ''));
        visit(existsSync(`${target}.ts`) ? `${target}.ts` : path.join(target, 'index.ts'));
      }
    }
  };
  visit(entry);
  return { files, bare };
}

describe('policy/browser', () => {
  it('imports nothing from node, directly or through its modules', () => {
    const { files, bare } = importGraph(path.join(import.meta.dirname, 'browser.ts'));
    const node = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
    expect(files.length).toBeGreaterThan(10);
    expect([...bare].filter((specifier) => node.has(specifier) || specifier.startsWith('node:'))).toEqual([]);
    expect([...bare].sort()).toEqual(['json-rules-engine', 'semver', 'zod']);
  });

  it('gives exactly the API’s answer for the bundle the API serves', async () => {
    const registry = await seedPlugins();
    for (const served of registry.active()) {
      // What GET /api/plugins/active sends: the bundle as JSON.
      const compiled = compilePlugin(JSON.parse(JSON.stringify(served.bundle)));
      if (!compiled.ok) throw new Error('the served bundle must compile');
      for (const area of served.areas) {
        const population = generatePopulation(
          AREA_CONTRACTS[area] as AreaContract,
          [served.ruleSet(area)],
          25,
          3,
        );
        for (const facts of population) {
          const [api, browser] = await Promise.all(
            [served, compiled.plugin].map((plugin) =>
              evaluate(plugin, area, facts as never).then(
                (decision) => decision,
                (error: Error) => error.message,
              ),
            ),
          );
          expect(browser).toEqual(api);
        }
      }
    }
  });
});
