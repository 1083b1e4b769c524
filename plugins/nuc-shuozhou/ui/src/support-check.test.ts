import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PluginBundle } from '@xinqiao/policy/browser';
import { describe, expect, it } from 'vitest';
import { checkSupport, compileSupportPlugin, emptySupportForm } from './support-check.ts';

// The bundle the API serves at GET /api/plugins/active, read from this plugin's own folder.
const pluginDir = join(import.meta.dirname, '..', '..');
const readJson = (file: string): unknown => JSON.parse(readFileSync(join(pluginDir, file), 'utf8'));
const manifest = readJson('plugin.json') as { areas: Record<string, string> };
const bundle: PluginBundle = {
  manifest,
  rules: Object.fromEntries(Object.entries(manifest.areas).map(([area, file]) => [area, readJson(file)])),
};
const plugin = compileSupportPlugin(bundle);

describe('support target check (seed 004)', () => {
  it('puts a student with 3 failed courses in the academic category and asks for parent contact', async () => {
    const check = await checkSupport(plugin, bundle, { ...emptySupportForm(), failedCourseCount: 3 });
    expect(check.categories.map((item) => item.category)).toEqual(['academic']);
    expect(check.categories[0]?.reason.zh).toBe('不及格课程在三门次以上');
    expect(check.categories[0]?.sources[0]).toMatchObject({
      seed: '004_c0138a6c091aad53.txt',
      quote: '不及格课程在三门次以上的学生',
    });
    expect(check.parentContact?.inviteToCampusWhenNeeded).toBe(true);
  });

  it('does not support a student with 2 failed courses and nothing else', async () => {
    const check = await checkSupport(plugin, bundle, { ...emptySupportForm(), failedCourseCount: 2 });
    expect(check).toMatchObject({ supported: false, categories: [], parentContact: null });
  });

  it('lists several categories in the seed order, psychological for either reason', async () => {
    const check = await checkSupport(plugin, bundle, {
      ...emptySupportForm(),
      identifiedByCrisisPrevention: true,
      economicHardshipCertified: true,
      disciplinarySanction: true,
    });
    expect(check.categories.map((item) => item.category)).toEqual([
      'disciplinary',
      'psychological',
      'economic',
    ]);
    expect(check.parentContact).toBeNull();
  });

  it('refuses a bundle without the support-targets area, naming it', () => {
    const areas = { 'tier-thresholds': manifest.areas['tier-thresholds'] };
    const rules = { 'tier-thresholds': bundle.rules['tier-thresholds'] };
    expect(() => compileSupportPlugin({ manifest: { ...manifest, areas }, rules })).toThrow(
      'the plugin has no "support-targets" rules',
    );
  });
});
