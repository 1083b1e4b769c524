import { createRandom } from '@xinqiao/demo-data';
import { AREA_CONTRACTS, loadPluginDirectory, type WarningFacts } from '@xinqiao/policy';
import { describe, expect, it } from 'vitest';
import { REPO_PLUGINS_DIR } from '../../testing/plugins.ts';
import { decideByEngine, decisionKey, WarningRules } from './rules.ts';

describe('warnings/rules', () => {
  it('decides every generated student of every school as json-rules-engine does', async () => {
    const registry = await loadPluginDirectory(REPO_PLUGINS_DIR);
    for (const school of ['hrbmu', 'hut', 'nuc-shuozhou', 'wuhan-polytechnic']) {
      const plugin = registry.forSchool(school)!;
      const rules = new WarningRules(plugin);
      const random = createRandom(`rules:${school}`);
      let mismatches = 0;
      let warned = 0;
      for (let i = 0; i < 2000; i++) {
        const facts = {
          ...AREA_CONTRACTS['early-warning'].generate(random, new Map()),
          part: 'student',
        } as WarningFacts;
        // Some signals unknown, as for a student a feed does not track.
        for (const key of Object.keys(facts))
          if (key !== 'part' && random.chance(0.15)) delete (facts as Record<string, unknown>)[key];
        const fast = rules.decide(facts);
        if (fast.length) warned++;
        if (decisionKey(fast) !== decisionKey(await decideByEngine(plugin, facts))) mismatches++;
      }
      expect(mismatches, school).toBe(0);
      expect(warned, school).toBeGreaterThan(100);
    }
  });
});
