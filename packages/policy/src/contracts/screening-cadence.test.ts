import { describe, expect, it } from 'vitest';
import { compilePlugin, evaluate, type PluginBundle } from '../engine/plugin';

function cadenceBundle(window: { start: string; end: string }): PluginBundle {
  return {
    manifest: {
      id: 't',
      version: '1.0.0',
      engine: '^1.0.0',
      school: { code: 't', name: '测试', nameEn: 'Test' },
      network: [
        { key: 'college', name: '学院', nameEn: 'College' },
        { key: 'class', name: '班级', nameEn: 'Class' },
        { key: 'dorm', name: '宿舍', nameEn: 'Dorm' },
      ],
      areas: { 'screening-cadence': 'rules/cadence.json' },
    },
    rules: {
      'screening-cadence': {
        area: 'screening-cadence',
        rules: [
          {
            name: 'spring-screening',
            source: [{ reference: 'test' }],
            conditions: { all: [{ fact: 'academicYear', operator: 'greaterThanInclusive', value: 2000 }] },
            event: {
              type: 'screening-wave',
              params: {
                key: 'spring',
                name: { zh: '春季排查', en: 'Spring screening' },
                cohort: 'all',
                instruments: ['UPI'],
                window,
              },
            },
          },
        ],
      },
    },
  };
}

describe('contracts/screening-cadence', () => {
  it('dates a window in the academic year: January to August fall in its second calendar year', async () => {
    const compiled = compilePlugin(cadenceBundle({ start: '06-20', end: '08-31' }));
    if (!compiled.ok) throw new Error(compiled.errors.map((error) => error.message).join('\n'));
    const cadence = await evaluate(compiled.plugin, 'screening-cadence', { academicYear: 2026 });
    expect(cadence.waves.map((wave) => [wave.start, wave.end])).toEqual([['2027-06-20', '2027-08-31']]);
  });

  it('refuses a window that runs from August into September: August ends the year, September starts the next', () => {
    const compiled = compilePlugin(cadenceBundle({ start: '08-25', end: '09-10' }));
    expect(compiled.ok).toBe(false);
    if (!compiled.ok)
      expect(compiled.errors.map((error) => error.message).join('\n')).toContain('September to August');
  });
});
