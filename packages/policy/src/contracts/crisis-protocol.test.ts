import { describe, expect, it } from 'vitest';
import { compilePlugin, evaluate, type PluginBundle } from '../engine/plugin';

const levels = { fact: 'part', operator: 'equal', value: 'levels' };
const protocol = { fact: 'part', operator: 'equal', value: 'protocol' };
const major = { fact: 'level', operator: 'equal', value: 'major' };
const anyLevel = { fact: 'level', operator: 'in', value: ['general', 'major'] };
const counsellor = { role: 'counsellor', reach: 'student' };
const director = { role: 'center_director', reach: 'school' };

function level(code: string) {
  return {
    name: `level-${code}`,
    source: [{ reference: 'test' }],
    conditions: { all: [levels] },
    event: { type: 'level', params: { code, zh: code, en: code } },
  };
}

function step(code: string, order: number, conditions: unknown[], extra: Record<string, unknown> = {}) {
  return {
    name: `step-${code}`,
    source: [{ reference: 'test' }],
    conditions: { all: [protocol, ...conditions] },
    event: {
      type: 'step',
      params: {
        code,
        order,
        zh: code,
        en: code,
        doers: [counsellor],
        minutes: 30,
        records: ['note'],
        required: true,
        escalateTo: [director],
        ...extra,
      },
    },
  };
}

function review(name: string, params: Record<string, unknown>) {
  return {
    name,
    source: [{ reference: 'test' }],
    conditions: { all: [protocol, major] },
    event: { type: 'review', params: { zh: name, en: name, ...params } },
  };
}

function bundle(rules: unknown[]): PluginBundle {
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
      areas: { 'crisis-protocol': 'rules/crisis-protocol.json' },
    },
    rules: { 'crisis-protocol': { area: 'crisis-protocol', rules } },
  };
}

function compiled(rules: unknown[]) {
  const result = compilePlugin(bundle(rules));
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.plugin;
}

const school = [
  level('major'),
  level('general'),
  step('family', 3, [anyLevel], { records: ['note', 'family-contact'], minutes: 1440 }),
  step('scene', 1, [anyLevel]),
  step('report', 2, [major], {
    doers: [{ role: 'college_station_head', reach: 'student' }],
    required: false,
  }),
  review('review-month', { months: 1 }),
];

describe('contracts/crisis-protocol', () => {
  it('lists the levels the school uses, least severe first', async () => {
    const result = await evaluate(compiled(school), 'crisis-protocol', { part: 'levels' });
    expect(result.levels.map((l) => l.code)).toEqual(['general', 'major']);
    expect(result.steps).toEqual([]);
    expect(result.review).toBeNull();
  });

  it('gives a level its steps in order, with doers, records and escalation, and the review', async () => {
    const result = await evaluate(compiled(school), 'crisis-protocol', { part: 'protocol', level: 'major' });
    expect(result.steps.map((s) => s.code)).toEqual(['scene', 'report', 'family']);
    expect(result.steps[2]).toMatchObject({
      minutes: 1440,
      records: ['note', 'family-contact'],
      required: true,
    });
    expect(result.steps[1]).toMatchObject({ required: false, doers: [{ role: 'college_station_head' }] });
    expect(result.review).toMatchObject({ unit: 'months', amount: 1 });
  });

  it('gives a level without a review rule no review', async () => {
    const result = await evaluate(compiled(school), 'crisis-protocol', {
      part: 'protocol',
      level: 'general',
    });
    expect(result.steps.map((s) => s.code)).toEqual(['scene', 'family']);
    expect(result.review).toBeNull();
  });

  it('has no protocol for a level no step names', async () => {
    await expect(
      evaluate(compiled(school), 'crisis-protocol', { part: 'protocol', level: 'serious' }),
    ).rejects.toThrow(/no step for the level "serious"/);
  });

  it('refuses two steps with one code', async () => {
    const plugin = compiled([...school, { ...step('scene', 5, [major]), name: 'step-scene-again' }]);
    await expect(evaluate(plugin, 'crisis-protocol', { part: 'protocol', level: 'major' })).rejects.toThrow(
      /both define the step "scene"/,
    );
  });

  it('refuses a class committee member or dorm liaison as a doer at load', () => {
    const result = compilePlugin(
      bundle([
        level('major'),
        step('x', 1, [major], { doers: [{ role: 'class_committee', reach: 'student' }] }),
      ]),
    );
    expect(result.ok ? [] : result.errors.map((error) => error.message).join('\n')).toMatch(
      /expected one of "counsellor"/,
    );
  });

  it('refuses a review with both months and working days at load', () => {
    const result = compilePlugin(bundle([level('major'), review('r', { months: 1, workingDays: 20 })]));
    expect(result.ok ? [] : result.errors.map((error) => error.message).join('\n')).toMatch(/exactly one/);
  });

  it('takes the earliest of two reviews', async () => {
    const plugin = compiled([...school, review('review-ten-days', { workingDays: 10 })]);
    const result = await evaluate(plugin, 'crisis-protocol', { part: 'protocol', level: 'major' });
    expect(result.review).toMatchObject({ ruleName: 'review-ten-days', unit: 'workingDays', amount: 10 });
  });
});
