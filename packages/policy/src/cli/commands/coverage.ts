import { coverageOf, runSuites } from '../../authoring/suite';
import { loadPluginDirectory } from '../../loader/load';
import { parseCommand, say } from '../args';

/** `coverage [plugin] [--threshold 100]`: every rule must fire in a case and stay silent in another. */
export async function coverageCommand(argv: string[]): Promise<number> {
  const { positionals, dir, values } = parseCommand(argv, { threshold: { type: 'string' } });
  const threshold = Number(values.threshold ?? 100);
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 100)
    throw new Error('--threshold must be a percentage 0–100');
  const suites = await runSuites(await loadPluginDirectory(dir), positionals[0]);
  let total = 0;
  let covered = 0;
  for (const suite of suites) {
    if (!suite.loaded.plugin) {
      say(`✗ ${suite.loaded.id}: refused, no coverage (run validate)`);
      continue;
    }
    const rules = coverageOf(suite);
    for (const area of suite.loaded.plugin.areas) {
      const ofArea = rules.filter((rule) => rule.area === area);
      const neverFires = ofArea.filter((rule) => rule.firedIn === 0).map((rule) => rule.rule);
      const neverSilent = ofArea.filter((rule) => rule.silentIn === 0).map((rule) => rule.rule);
      const good = ofArea.filter((rule) => rule.firedIn > 0 && rule.silentIn > 0).length;
      total += ofArea.length;
      covered += good;
      say(
        `${good === ofArea.length ? '✓' : '✗'} ${suite.loaded.id} ${area}: ${good}/${ofArea.length} rules fire and stay silent`,
      );
      if (neverFires.length) say(`    never fires: ${neverFires.join(', ')}`);
      if (neverSilent.length) say(`    never silent: ${neverSilent.join(', ')}`);
    }
  }
  const percent = total ? (covered / total) * 100 : 100;
  const ok = percent >= threshold && suites.every((suite) => suite.loaded.plugin);
  say(`coverage ${percent.toFixed(1)}% of ${total} rules (threshold ${threshold}%): ${ok ? 'ok' : 'FAILED'}`);
  return ok ? 0 : 1;
}
