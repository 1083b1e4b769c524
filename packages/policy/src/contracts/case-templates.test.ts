import { describe, expect, it } from 'vitest';
import { compilePlugin, evaluate, type PluginBundle } from '../engine/plugin';

const prompts = (zh: string) => [{ zh, en: zh }];

function templateRule(name: string, priority: number, prompt: string, conditions: unknown[]) {
  return {
    name,
    priority,
    source: [{ reference: 'test' }],
    conditions: { all: conditions },
    event: { type: 'entry-template', params: { zh: name, en: name, prompts: prompts(prompt) } },
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
      areas: { 'case-templates': 'rules/case-templates.json' },
    },
    rules: { 'case-templates': { area: 'case-templates', decision: 'highest-priority', rules } },
  };
}

const interview = { fact: 'entryKind', operator: 'equal', value: 'interview' };
const followUp = { fact: 'caseKind', operator: 'equal', value: 'follow_up' };

async function compiled(rules: unknown[]) {
  const result = compilePlugin(bundle(rules));
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.plugin;
}

describe('contracts/case-templates', () => {
  it('gives the follow-up template to a talk in a follow-up, the general one to a talk in any other case', async () => {
    const plugin = await compiled([
      templateRule('follow-up-talk', 2, '核实筛查结果', [interview, followUp]),
      templateRule('talk', 1, '学生的情绪', [interview]),
    ]);
    const inFollowUp = await evaluate(plugin, 'case-templates', {
      entryKind: 'interview',
      caseKind: 'follow_up',
    });
    expect(inFollowUp).toMatchObject({ ruleName: 'follow-up-talk', prompts: prompts('核实筛查结果') });
    const inCrisis = await evaluate(plugin, 'case-templates', { entryKind: 'interview', caseKind: 'crisis' });
    expect(inCrisis).toMatchObject({ ruleName: 'talk', prompts: prompts('学生的情绪') });
  });

  it('refuses to choose between two different templates of the same priority', async () => {
    const plugin = await compiled([
      templateRule('a', 1, '甲', [interview]),
      templateRule('b', 1, '乙', [interview]),
    ]);
    await expect(
      evaluate(plugin, 'case-templates', { entryKind: 'interview', caseKind: 'support' }),
    ).rejects.toThrow(/"a" and "b" give different templates/);
  });

  it('has no template for an entry kind no rule covers', async () => {
    const plugin = await compiled([templateRule('talk', 1, '学生的情绪', [interview])]);
    await expect(
      evaluate(plugin, 'case-templates', { entryKind: 'note', caseKind: 'support' }),
    ).rejects.toThrow();
  });
});
