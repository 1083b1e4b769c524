import { readTestFiles } from '../../authoring/cases';
import { defaultSeedsDir, userPath } from '../../authoring/paths';
import { checkQuotes } from '../../authoring/quotes';
import { selectPlugins } from '../../authoring/suite';
import { formatPolicyError, type PolicyError } from '../../errors';
import { loadPluginDirectory } from '../../loader/load';
import { parseCommand, say } from '../args';

/** `validate [plugin]`: schema and contract checks, test files, and seed quotes when the seeds are at hand. */
export async function validateCommand(argv: string[]): Promise<number> {
  const { positionals, dir, values } = parseCommand(argv, { seeds: { type: 'string' } });
  const registry = await loadPluginDirectory(dir);
  const seeds = typeof values.seeds === 'string' ? userPath(values.seeds) : defaultSeedsDir();
  let failed = 0;
  for (const loaded of selectPlugins(registry, positionals[0])) {
    const displayDir = `${registry.dir.split(/[\\/]/).at(-1)}/${loaded.id}`;
    const errors: PolicyError[] = [...loaded.errors];
    errors.push(...(await readTestFiles(loaded.dir, displayDir)).errors);
    if (loaded.plugin && seeds) errors.push(...(await checkQuotes(loaded.plugin, seeds, displayDir)));
    if (errors.length === 0) {
      const rules = loaded.plugin!.areas.reduce(
        (sum, area) => sum + (loaded.plugin!.ruleSet(area)?.rules.length ?? 0),
        0,
      );
      say(`✓ ${loaded.id} ${loaded.version}: ${loaded.plugin!.areas.length} areas, ${rules} rules`);
    } else {
      failed++;
      say(
        `✗ ${loaded.id} ${loaded.version ?? '(no version)'}: ${errors.length} error${errors.length > 1 ? 's' : ''}${loaded.status === 'refused' ? ', refused' : ''}`,
      );
      for (const error of errors) say(`  ${formatPolicyError(error)}`);
    }
  }
  if (!seeds) say('(seed quotes not checked: no ../shared/seeds beside the repository; pass --seeds <dir>)');
  return failed ? 1 : 0;
}
