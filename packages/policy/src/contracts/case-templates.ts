import { z } from 'zod';
import { localizedSchema, paramsOf, sameParams } from './common';
import { type AreaContract, NoDecision } from './contract';
import { type FactsOf, type Localized, oneOf } from './facts';

/** The kinds of case the platform keeps (the API's `cases.kind`). */
export const CASE_KINDS = ['crisis', 'support', 'follow_up'] as const;
export type CaseKindFact = (typeof CASE_KINDS)[number];

/** The kinds of entry a person writes in a case's timeline (the API writes status changes and assignments). */
export const CASE_ENTRY_KINDS = ['interview', 'note', 'contact'] as const;
export type CaseEntryKindFact = (typeof CASE_ENTRY_KINDS)[number];

export const caseTemplateFactSpecs = {
  entryKind: { type: oneOf(CASE_ENTRY_KINDS), label: { zh: '记录类型', en: 'Entry kind' } },
  caseKind: { type: oneOf(CASE_KINDS), label: { zh: '个案类型', en: 'Case kind' } },
} as const;
export type CaseTemplateFacts = FactsOf<typeof caseTemplateFactSpecs>;

const templateEvent = z
  .object({
    zh: z.string().min(1),
    en: z.string().min(1),
    /** What the writer is asked to cover, in order: the school's record card as questions. */
    prompts: z.array(localizedSchema).min(1).max(20),
  })
  .strict();
type TemplateEvent = z.infer<typeof templateEvent>;

/** The template a school gives one kind of case entry: its name and the prompts the form shows. */
export interface CaseTemplate {
  readonly ruleName: string;
  readonly zh: string;
  readonly en: string;
  readonly prompts: readonly Localized[];
}

/**
 * `case-templates`: what a school asks its counsellors to record in an interview, a note or a contact with the
 * family, per kind of case (the record card of seed 004, the weekly talk of seed 003). The fired rules of the
 * highest priority win; two different templates among them are an error for the authors to settle.
 */
export const caseTemplates: AreaContract<CaseTemplate> = {
  id: 'case-templates',
  title: { zh: '个案记录模板', en: 'Case entry templates' },
  subject: { one: 'entry', many: 'entries' },
  facts: caseTemplateFactSpecs,
  events: { 'entry-template': templateEvent },
  decisions: ['highest-priority'],
  decisionHelp: {
    'highest-priority':
      'the template of the highest-priority fired rule wins (a case-kind template over a general one)',
  },
  decide({ fired, facts }) {
    if (fired.length === 0) {
      throw new NoDecision(
        `no template for a ${String(facts.entryKind)} in a ${String(facts.caseKind)} case`,
      );
    }
    const top = Math.max(...fired.map((rule) => rule.priority));
    const winners = fired.filter((rule) => rule.priority === top);
    const winner = winners[0]!;
    const loser = winners.find((rule) => !sameParams(rule.event.params, winner.event.params));
    if (loser) throw new Error(`rules "${winner.name}" and "${loser.name}" give different templates`);
    const { zh, en, prompts } = paramsOf<TemplateEvent>(winner);
    return { ruleName: winner.name, zh, en, prompts };
  },
  contradiction(a, b) {
    if (sameParams(a.params, b.params)) return undefined;
    return {
      settledBy: 'strategy',
      why: 'two templates, settled by priority (equal priorities are an error)',
    };
  },
  outcome: (result) => result.ruleName,
  populationSize: 100,
  generate: (random) => ({ entryKind: random.pick(CASE_ENTRY_KINDS), caseKind: random.pick(CASE_KINDS) }),
};
