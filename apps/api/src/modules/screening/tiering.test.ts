import { join } from 'node:path';
import { scoreResponse } from '@xinqiao/instruments';
import { type CompiledPlugin, loadPluginDirectory } from '@xinqiao/policy';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_PLUGINS_DIR } from '../../testing/index.ts';
import { mulberry32, syntheticPhq9, syntheticUpi } from './synthetic.ts';
import { engineTierDecision, memoisedTierDecider } from './tiering.ts';

let schools: CompiledPlugin[];

beforeAll(async () => {
  const registry = await loadPluginDirectory(join(REPO_PLUGINS_DIR));
  schools = ['hrbmu', 'hut', 'nuc-shuozhou', 'wuhan-polytechnic'].map((code) => registry.forSchool(code)!);
  expect(schools.every(Boolean)).toBe(true);
});

describe('memoised tier decisions', () => {
  it('equal json-rules-engine’s own decision for every generated UPI and PHQ-9 response of every seed school', async () => {
    for (const plugin of schools) {
      const decider = memoisedTierDecider(plugin);
      const random = mulberry32(20250303);
      const tiers = new Set<number>();
      for (let i = 0; i < 3000; i++) {
        const asksForCounselling = random() < 0.03;
        const upi = scoreResponse('upi', syntheticUpi(random), { asksForCounselling });
        const phq9 = scoreResponse('phq9', syntheticPhq9(random));
        // HUT's rules tier UPI and SCL-90 only: a PHQ-9 wave is refused there before any row (see run.ts).
        for (const scored of plugin.id === 'hut' ? [upi] : [upi, phq9]) {
          if (!scored.ok) throw new Error('generated an invalid response');
          const memoised = await decider.decide(scored.value);
          expect(memoised).toEqual(await engineTierDecision(plugin, scored.value));
          tiers.add(memoised.tier);
        }
      }
      expect([...tiers].sort(), plugin.id).toEqual([1, 2, 3]);
      expect(decider.evaluations).toBeLessThan(3000);
    }
  });

  it('tell apart every PHQ-9 fact tuple: the whole space (total 0–27 × item 9 0–3) matches the engine', async () => {
    const plugin = schools[0]!;
    const decider = memoisedTierDecider(plugin);
    for (let total = 0; total <= 27; total++) {
      for (let item9 = 0; item9 <= Math.min(3, total); item9++) {
        const score = { instrument: 'phq9' as const, total, item9, severity: 'minimal' as const };
        expect(await decider.decide(score)).toEqual(await engineTierDecision(plugin, score));
      }
    }
  });
});
