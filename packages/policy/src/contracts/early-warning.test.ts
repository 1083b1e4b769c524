import { describe, expect, it } from 'vitest';
import { evaluate } from '../engine/plugin';
import { seedPlugins } from '../testing/repo';
import { earlyWarning } from './early-warning';

describe('contracts/early-warning', () => {
  it('gives every school its signals, GPA formula, retention and lost-contact limit', async () => {
    const registry = await seedPlugins();
    for (const school of ['hrbmu', 'hut', 'nuc-shuozhou', 'wuhan-polytechnic']) {
      const { settings } = await evaluate(registry.forSchool(school)!, 'early-warning', { part: 'settings' });
      expect(settings?.signals.map((signal) => signal.code)).toContain('daysWithoutCampusActivity');
      expect(settings?.gpaFormula?.passMark).toBe(60);
      expect(settings?.retention.rawDays).toBeGreaterThan(0);
      expect(settings?.lostContact.limitDays).toBeGreaterThan(0);
    }
  });

  it('refuses settings that define a signal twice', () => {
    const signal = (name: string) => ({
      name,
      priority: 1,
      event: { type: 'signal', params: { code: 'gpa', zh: 'x', en: 'x' } },
    });
    expect(() =>
      earlyWarning.decide({ facts: { part: 'settings' }, fired: [signal('a'), signal('b')], decision: '' }),
    ).toThrow(/defined twice/);
  });

  it('answers a student’s warnings without settings', () => {
    const fired = [
      {
        name: 'r',
        priority: 1,
        event: {
          type: 'warning',
          params: {
            module: 'spending',
            level: 'yellow',
            deadlineWorkingDays: 3,
            actions: ['one-to-one-talk'],
            zh: 'z',
            en: 'e',
          },
        },
      },
    ];
    const result = earlyWarning.decide({ facts: { part: 'student' }, fired, decision: '' });
    expect(result.settings).toBeNull();
    expect(result.warnings).toEqual([
      expect.objectContaining({ module: 'spending', level: 'yellow', deadlineWorkingDays: 3 }),
    ]);
  });
});
