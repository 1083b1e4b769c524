import { z } from 'zod';
import { kebabSchema, paramsOf } from './common';
import { type AreaContract, type FiredRule, NoDecision } from './contract';
import { boolean, type FactsOf, type Localized, oneOf } from './facts';

/**
 * What an evaluation asks of the tree hole (情绪树洞): the notice a student reads before writing (`notice`), the
 * safety signals a message is checked for (`signals`), and how a message is handled with or without a signal
 * (`handling`: the reply deadline, whether it is escalated and whether the center director may see the writer).
 */
export const TREE_HOLE_STEPS = ['notice', 'signals', 'handling'] as const;
export type TreeHoleStep = (typeof TREE_HOLE_STEPS)[number];

export const treeHoleFactSpecs = {
  step: {
    type: oneOf(TREE_HOLE_STEPS),
    label: {
      zh: '环节（notice：写信前的告知；signals：安全信号词；handling：留言的处理）',
      en: 'Step (notice: shown before writing; signals: safety phrases; handling: how a message is handled)',
    },
  },
  signal: {
    type: boolean(),
    scope: { fact: 'step', values: ['handling'] },
    label: { zh: '留言含安全信号', en: 'The message carries a safety signal' },
  },
} as const;
export type TreeHoleFacts = FactsOf<typeof treeHoleFactSpecs>;

const noticeEvent = z
  .object({
    /** Changes whenever the text changes: a message records the version its writer was shown. */
    version: z.string().min(1).max(32),
    zh: z.string().min(1).max(4000),
    en: z.string().min(1).max(4000),
  })
  .strict();
export type TreeHoleNotice = z.infer<typeof noticeEvent>;

const signalEvent = z
  .object({
    /** Stable: stored with every message it was found in. */
    code: kebabSchema,
    /** Words or phrases that are the signal; matched in the message ignoring case, width and spaces. */
    phrases: z.array(z.string().min(1).max(100)).min(1).max(200),
    zh: z.string().min(1),
    en: z.string().min(1),
  })
  .strict();
type SignalEvent = z.infer<typeof signalEvent>;

const handlingEvent = z
  .object({
    /** The reply is due this many minutes or hours after the message (exactly one). */
    replyWithinMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .optional(),
    replyWithinHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 14)
      .optional(),
    /** Escalated: urgent in the center's My work, and the center is told at once. */
    escalate: z.boolean(),
    /** The one limit of anonymity: the center director may see who wrote an escalated message. */
    revealWriter: z.boolean(),
    zh: z.string().min(1),
    en: z.string().min(1),
  })
  .strict()
  .refine((p) => (p.replyWithinMinutes === undefined) !== (p.replyWithinHours === undefined), {
    message: 'give exactly one of replyWithinMinutes, replyWithinHours',
  });
type HandlingEvent = z.infer<typeof handlingEvent>;

/** A safety signal of the school's list. */
export interface TreeHoleSignal extends Localized {
  readonly code: string;
  readonly phrases: readonly string[];
}

/** How a message is handled, and the rules that say so. */
export interface TreeHoleHandling extends Localized {
  readonly ruleNames: readonly string[];
  readonly replyWithinMinutes: number;
  readonly escalate: boolean;
  readonly revealWriter: boolean;
}

/** One step's answer; the others are null (or empty). */
export interface TreeHoleResult {
  readonly notice: (TreeHoleNotice & { readonly ruleName: string }) | null;
  readonly signals: readonly TreeHoleSignal[];
  readonly handling: TreeHoleHandling | null;
}

const minutesOf = (p: HandlingEvent) => p.replyWithinMinutes ?? (p.replyWithinHours ?? 0) * 60;

function signalsOf(fired: readonly FiredRule[]): TreeHoleSignal[] {
  const byCode = new Map<string, string>();
  const signals: TreeHoleSignal[] = [];
  for (const rule of fired) {
    const { code, phrases, zh, en } = paramsOf<SignalEvent>(rule);
    const earlier = byCode.get(code);
    if (earlier) throw new Error(`rules "${earlier}" and "${rule.name}" both define the signal "${code}"`);
    byCode.set(code, rule.name);
    signals.push({ code, phrases, zh, en });
  }
  if (signals.length === 0) throw new NoDecision('no safety signal');
  return signals;
}

function handlingOf(fired: readonly FiredRule[]): TreeHoleHandling {
  if (fired.length === 0) throw new NoDecision('no handling of the message');
  const all = fired.map((rule) => ({ name: rule.name, ...paramsOf<HandlingEvent>(rule) }));
  const shortest = all.reduce((best, h) => (minutesOf(h) < minutesOf(best) ? h : best));
  const escalate = all.some((h) => h.escalate);
  return {
    ruleNames: all.map((h) => h.name),
    replyWithinMinutes: minutesOf(shortest),
    escalate,
    revealWriter: escalate && all.some((h) => h.escalate && h.revealWriter),
    zh: shortest.zh,
    en: shortest.en,
  };
}

const EMPTY: TreeHoleResult = { notice: null, signals: [], handling: null };

/**
 * `tree-hole`: the anonymous tree hole (情绪树洞, issue 17.7; seed 003 work plan 2). The notice every writer reads
 * first (it must say plainly what a safety signal does: anonymity has that one limit), the safety signals (phrases)
 * a message is checked for, and the handling of a message with and without a signal. Notice: the first fired rule;
 * signals: every fired rule, in file order (one code once); handling: the shortest reply deadline of the fired
 * rules, escalated when any says so, the writer revealed to the director when an escalating rule says so.
 */
export const treeHole: AreaContract<TreeHoleResult> = {
  id: 'tree-hole',
  title: {
    zh: '情绪树洞：告知、安全信号与升级处理',
    en: 'Tree hole: the notice, safety signals and escalation',
  },
  subject: { one: 'question', many: 'questions' },
  facts: treeHoleFactSpecs,
  partitionBy: 'step',
  events: { notice: noticeEvent, 'safety-signal': signalEvent, handling: handlingEvent },
  decisions: ['strictest'],
  decisionHelp: {
    strictest:
      'notice: the first fired rule; signals: every fired rule in file order (one code once); handling: the ' +
      'shortest reply deadline wins, escalated when any fired rule says so, the writer revealed when an ' +
      'escalating rule says so',
  },
  decide({ fired, facts }) {
    const of = (type: string) => fired.filter((rule) => rule.event.type === type);
    if (facts.step === 'notice') {
      const rule = of('notice')[0];
      if (!rule) throw new NoDecision('no notice');
      return { ...EMPTY, notice: { ruleName: rule.name, ...paramsOf<TreeHoleNotice>(rule) } };
    }
    if (facts.step === 'signals') return { ...EMPTY, signals: signalsOf(of('safety-signal')) };
    return { ...EMPTY, handling: handlingOf(of('handling')) };
  },
  contradiction(a, b) {
    if (a.type !== b.type) return undefined;
    if (a.type === 'safety-signal') {
      if (a.params.code !== b.params.code) return undefined;
      return { settledBy: 'unresolved', why: `two signals with the code "${String(a.params.code)}"` };
    }
    if (JSON.stringify(a.params) === JSON.stringify(b.params)) return undefined;
    if (a.type === 'notice')
      return { settledBy: 'strategy', why: 'two notices: the first in the file decides' };
    return {
      settledBy: 'strategy',
      why: 'two handlings: the shortest deadline wins, escalated and revealed if an escalating rule says so',
    };
  },
  outcome: (r) =>
    r.notice
      ? `notice v${r.notice.version}`
      : r.handling
        ? `reply within ${r.handling.replyWithinMinutes} min${r.handling.escalate ? ', escalated' : ''}${r.handling.revealWriter ? ', writer revealed to the director' : ''}`
        : `${r.signals.length} signals`,
  populationSize: 10,
  generate: (random) => {
    const step = random.pick(TREE_HOLE_STEPS);
    return step === 'handling' ? { step, signal: random.chance(0.5) } : { step };
  },
};
