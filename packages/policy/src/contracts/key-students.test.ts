import { describe, expect, it } from 'vitest';
import { compilePlugin, evaluate, type PluginBundle } from '../engine/plugin';

const talk = { fact: 'step', operator: 'equal', value: 'talk' };
const removal = { fact: 'step', operator: 'equal', value: 'removal' };

function interval(name: string, days: number) {
  return {
    name,
    source: [{ reference: 'test' }],
    conditions: { all: [talk] },
    event: { type: 'talk-interval', params: { days, zh: name, en: name } },
  };
}

function approval(name: string, stationHeadApproves: boolean) {
  return {
    name,
    source: [{ reference: 'test' }],
    conditions: { all: [removal] },
    event: { type: 'removal-approval', params: { stationHeadApproves, zh: name, en: name } },
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
      areas: { 'key-students': 'rules/key-students.json' },
    },
    rules: { 'key-students': { area: 'key-students', rules } },
  };
}

function compiled(rules: unknown[]) {
  const result = compilePlugin(bundle(rules));
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.plugin;
}

describe('contracts/key-students', () => {
  it('gives the talk interval for step talk, and nothing about removals', async () => {
    const plugin = compiled([interval('weekly', 7), approval('station-head', true)]);
    const result = await evaluate(plugin, 'key-students', { step: 'talk' });
    expect(result).toMatchObject({
      talk: { ruleName: 'weekly', days: 7, zh: 'weekly', en: 'weekly' },
      removal: null,
    });
  });

  it('says whether a removal waits for the station head, for step removal', async () => {
    const waits = await evaluate(
      compiled([interval('weekly', 7), approval('station-head', true)]),
      'key-students',
      {
        step: 'removal',
      },
    );
    expect(waits).toMatchObject({
      talk: null,
      removal: {
        ruleName: 'station-head',
        stationHeadApproves: true,
        zh: 'station-head',
        en: 'station-head',
      },
    });
    const atOnce = await evaluate(
      compiled([interval('weekly', 7), approval('at-once', false)]),
      'key-students',
      {
        step: 'removal',
      },
    );
    expect(atOnce.removal).toMatchObject({ ruleName: 'at-once', stationHeadApproves: false });
  });

  it('takes the shortest of two intervals, and approval when any fired rule asks for it', async () => {
    const plugin = compiled([
      interval('fortnightly', 14),
      interval('weekly', 7),
      approval('at-once', false),
      approval('station-head', true),
    ]);
    expect((await evaluate(plugin, 'key-students', { step: 'talk' })).talk).toMatchObject({
      ruleName: 'weekly',
      days: 7,
    });
    expect((await evaluate(plugin, 'key-students', { step: 'removal' })).removal).toMatchObject({
      ruleName: 'station-head',
      stationHeadApproves: true,
    });
  });

  it('has no decision when no rule answers the step', async () => {
    const plugin = compiled([interval('weekly', 7)]);
    await expect(evaluate(plugin, 'key-students', { step: 'removal' })).rejects.toThrow(
      /no rule on removals/,
    );
  });

  it('refuses an interval of no days or more than a term', () => {
    for (const days of [0, 91, 1.5]) {
      const result = compilePlugin(bundle([interval('bad', days), approval('a', true)]));
      expect(result.ok).toBe(false);
    }
  });

  it('asks for the step', async () => {
    const plugin = compiled([interval('weekly', 7), approval('a', true)]);
    // A caller that forgets the fact (the type forbids it; a plugin author's `pnpm policy eval` does not).
    const noStep = {} as Parameters<typeof evaluate<'key-students'>>[2];
    await expect(evaluate(plugin, 'key-students', noStep)).rejects.toThrow(/step/);
  });
});
