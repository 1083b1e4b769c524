import { readFile } from 'node:fs/promises';
import { userPath } from '../../authoring/paths';
import { formatRuleTrace } from '../../authoring/trace';
import { isAreaId } from '../../contracts';
import { explain } from '../../engine/plugin';
import { formatPolicyError } from '../../errors';
import { loadPluginDirectory } from '../../loader/load';
import { parseCommand, say, warn } from '../args';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** `eval <plugin> <area> --facts <file|-> [--explain]`: prints the decision as JSON. */
export async function evalCommand(argv: string[]): Promise<number> {
  const { positionals, dir, values } = parseCommand(argv, {
    facts: { type: 'string' },
    explain: { type: 'boolean' },
  });
  const [pluginId, area] = positionals;
  if (!pluginId || !area) throw new Error('usage: pnpm policy eval <plugin> <area> --facts <file|->');
  if (!isAreaId(area)) throw new Error(`unknown area "${area}"`);
  if (typeof values.facts !== 'string')
    throw new Error('eval needs --facts <file> (or - for standard input)');
  const text = values.facts === '-' ? await readStdin() : await readFile(userPath(values.facts), 'utf8');
  const facts = JSON.parse(text) as Record<string, unknown>;
  const registry = await loadPluginDirectory(dir);
  const loaded = registry.get(pluginId);
  if (!loaded) throw new Error(`no plugin "${pluginId}"`);
  if (!loaded.plugin) {
    for (const error of loaded.errors) warn(formatPolicyError(error));
    throw new Error(`plugin "${pluginId}" is refused`);
  }
  if (!loaded.plugin.provides(area)) throw new Error(`plugin "${pluginId}" does not provide "${area}"`);
  const run = await explain(loaded.plugin, area, facts);
  if (values.explain)
    for (const trace of run.trace) for (const line of formatRuleTrace(trace, '')) warn(line);
  if (run.error) {
    warn(run.error.message);
    return 1;
  }
  const decision = {
    ...(run.result as object),
    pluginId: run.pluginId,
    pluginVersion: run.pluginVersion,
    area,
    firedRules: run.firedRules,
    overriddenRules: run.overriddenRules,
  };
  say(JSON.stringify(decision, null, 2));
  return 0;
}
