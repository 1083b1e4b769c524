import { describe, expect, it } from 'vitest';
import { compilePlugin, evaluate, type PluginBundle } from '../engine/plugin';

const report = { fact: 'step', operator: 'equal', value: 'report' };
const triage = { fact: 'step', operator: 'equal', value: 'triage' };
const urgent = { fact: 'urgency', operator: 'equal', value: 'urgent' };
const routine = { fact: 'urgency', operator: 'equal', value: 'routine' };
const selfHarm = { fact: 'selfHarm', operator: 'equal', value: true };

function sign(code: string, extra: Record<string, unknown> = {}) {
  return {
    name: `sign-${code}`,
    source: [{ reference: 'test' }],
    conditions: { all: [report] },
    event: { type: 'sign', params: { code, zh: code, en: code, ...extra } },
  };
}

function deadline(name: string, conditions: unknown[], params: Record<string, unknown>) {
  return {
    name,
    source: [{ reference: 'test' }],
    conditions: { all: [triage, ...conditions] },
    event: { type: 'triage-deadline', params: { zh: name, en: name, notifyStationHead: false, ...params } },
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
      areas: { 'concern-signs': 'rules/concern-signs.json' },
    },
    rules: { 'concern-signs': { area: 'concern-signs', rules } },
  };
}

function compiled(rules: unknown[]) {
  const result = compilePlugin(bundle(rules));
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.plugin;
}

const school = [
  sign('withdrawn'),
  sign('self-harm', { selfHarm: true }),
  deadline('routine-one-working-day', [routine], { workingDays: 1 }),
  deadline('urgent-15-minutes', [urgent], { minutes: 15, notifyStationHead: true }),
  deadline('self-harm-15-minutes', [selfHarm], { minutes: 15, notifyStationHead: true }),
];

describe('contracts/concern-signs', () => {
  it('gives the checklist in file order, self-harm signs marked', async () => {
    const result = await evaluate(compiled(school), 'concern-signs', { step: 'report' });
    expect(result.signs).toEqual([
      { code: 'withdrawn', zh: 'withdrawn', en: 'withdrawn', selfHarm: false },
      { code: 'self-harm', zh: 'self-harm', en: 'self-harm', selfHarm: true },
    ]);
    expect(result.triage).toBeNull();
  });

  it('gives a routine report its working days, and nobody else is told', async () => {
    const result = await evaluate(compiled(school), 'concern-signs', {
      step: 'triage',
      urgency: 'routine',
      selfHarm: false,
    });
    expect(result.triage).toMatchObject({ unit: 'workingDays', amount: 1, notifyStationHead: false });
    expect(result.signs).toEqual([]);
  });

  it('makes a routine report with a self-harm sign as short as an urgent one, and tells the station head', async () => {
    const result = await evaluate(compiled(school), 'concern-signs', {
      step: 'triage',
      urgency: 'routine',
      selfHarm: true,
    });
    expect(result.triage).toMatchObject({
      ruleName: 'self-harm-15-minutes',
      unit: 'minutes',
      amount: 15,
      notifyStationHead: true,
    });
  });

  it('tells the station head when any fired rule says so, even if a shorter one does not', async () => {
    const plugin = compiled([
      sign('withdrawn'),
      deadline('urgent-told', [urgent], { hours: 2, notifyStationHead: true }),
      deadline('urgent-quick', [urgent], { minutes: 30 }),
    ]);
    const result = await evaluate(plugin, 'concern-signs', {
      step: 'triage',
      urgency: 'urgent',
      selfHarm: false,
    });
    expect(result.triage).toMatchObject({ ruleName: 'urgent-quick', amount: 30, notifyStationHead: true });
  });

  it('refuses a checklist that defines one code twice', async () => {
    const plugin = compiled([sign('withdrawn'), { ...sign('withdrawn'), name: 'again' }]);
    await expect(evaluate(plugin, 'concern-signs', { step: 'report' })).rejects.toThrow(
      /"sign-withdrawn" and "again" both define the sign "withdrawn"/,
    );
  });

  it('refuses a deadline with two units, and one without any', () => {
    const twoUnits = compilePlugin(bundle([sign('a'), deadline('d', [], { minutes: 15, hours: 1 })]));
    const noUnit = compilePlugin(bundle([sign('a'), deadline('d', [], {})]));
    for (const result of [twoUnits, noUnit]) {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.errors.map((e) => e.message).join('\n')).toMatch(
          /exactly one of minutes, hours, workingDays/,
        );
      }
    }
  });

  it('asks for the urgency of a filed report', async () => {
    await expect(
      evaluate(compiled(school), 'concern-signs', { step: 'triage', selfHarm: false }),
    ).rejects.toThrow(/urgency/);
  });

  it('has no deadline for an urgency no rule covers', async () => {
    const plugin = compiled([sign('a'), deadline('routine-only', [routine], { workingDays: 1 })]);
    await expect(
      evaluate(plugin, 'concern-signs', { step: 'triage', urgency: 'urgent', selfHarm: false }),
    ).rejects.toThrow(/no triage deadline for urgency "urgent"/);
  });
});
