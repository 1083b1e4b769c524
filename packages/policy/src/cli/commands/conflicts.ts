import { type Conflict, findConflicts } from '../../authoring/conflicts';
import { selectPlugins } from '../../authoring/suite';
import { loadPluginDirectory } from '../../loader/load';
import { parseCommand, say } from '../args';

function printConflict(conflict: Conflict): void {
  const same = conflict.identicalConditions ? ' [identical conditions]' : '';
  say(`    ${conflict.a} ⟷ ${conflict.b}${same}`);
  say(`      both fire on ${JSON.stringify(conflict.facts)}`);
  say(`      ${conflict.why}; resolved by: ${conflict.resolution}`);
}

/** `conflicts [plugin] [--all]`: pairs of rules that fire together with contradicting outcomes. */
export async function conflictsCommand(argv: string[]): Promise<number> {
  const { positionals, dir, values } = parseCommand(argv, { all: { type: 'boolean' } });
  const registry = await loadPluginDirectory(dir);
  let unresolved = 0;
  for (const loaded of selectPlugins(registry, positionals[0])) {
    if (!loaded.plugin) {
      say(`✗ ${loaded.id}: refused (run validate)`);
      unresolved++;
      continue;
    }
    const conflicts = await findConflicts(loaded.plugin);
    for (const area of loaded.plugin.areas) {
      const ofArea = conflicts.filter((conflict) => conflict.area === area);
      if (ofArea.length === 0) continue;
      const open = ofArea.filter((conflict) => conflict.status === 'unresolved');
      const overridden = ofArea.filter((conflict) => conflict.status === 'override');
      const byStrategy = ofArea.filter((conflict) => conflict.status === 'strategy');
      const suspicious = byStrategy.filter((conflict) => conflict.identicalConditions);
      unresolved += open.length;
      say(
        `${open.length ? '✗' : '✓'} ${loaded.id} ${area}: ${open.length} unresolved, ${overridden.length} resolved by overrides, ${byStrategy.length} by the decision strategy`,
      );
      if (open.length) say('  unresolved:');
      open.forEach(printConflict);
      if (overridden.length) say('  resolved by overrides:');
      overridden.forEach(printConflict);
      if (suspicious.length)
        say('  settled by the strategy but with identical conditions (check the source):');
      suspicious.forEach(printConflict);
      if (values.all && byStrategy.length) say('  settled by the decision strategy:');
      if (values.all) byStrategy.forEach(printConflict);
    }
  }
  say(`${unresolved} unresolved conflict${unresolved === 1 ? '' : 's'}`);
  return unresolved ? 1 : 0;
}
