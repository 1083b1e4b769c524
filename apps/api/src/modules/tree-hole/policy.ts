import type { TreeHoleSignal } from '@xinqiao/db';
import {
  type CompiledPlugin,
  evaluate,
  type TreeHoleHandling,
  type TreeHoleNotice,
  type TreeHoleSignalRule,
} from '@xinqiao/policy';
import { problem } from '../../http/problem.ts';

/** The school's tree-hole policy: its plugin (id and version go with every message), notice and signals. */
export interface TreeHolePolicy {
  plugin: CompiledPlugin;
  notice: TreeHoleNotice;
  signals: readonly TreeHoleSignalRule[];
}

/**
 * The tree hole of the school's plugin (`tree-hole`): the notice shown before writing and the safety signals. 409
 * when the school's plugin has no such area: nobody writes before the page can say what happens to a message.
 */
export async function treeHolePolicyOf(
  plugin: CompiledPlugin | undefined,
  schoolCode: string,
): Promise<TreeHolePolicy> {
  if (!plugin?.areas.includes('tree-hole')) throw problem('tree-hole.no-rules', { school: schoolCode });
  const { notice } = await evaluate(plugin, 'tree-hole', { step: 'notice' });
  const { signals } = await evaluate(plugin, 'tree-hole', { step: 'signals' });
  const { ruleName: _rule, ...text } = notice!;
  return { plugin, notice: text, signals };
}

/** How a message is handled, with or without a signal (`tree-hole`, step `handling`). */
export async function handlingOf(policy: TreeHolePolicy, signal: boolean): Promise<TreeHoleHandling> {
  const { handling } = await evaluate(policy.plugin, 'tree-hole', { step: 'handling', signal });
  return handling!;
}

/**
 * Text as compared with a signal's phrases: NFKC (full-width letters and digits become plain ones), lower case,
 * no white space or zero-width characters, so "想 死", "ＫＩＬＬ myself" and "Kill  Myself" match.
 *
 * @example
 * normalizeForSignals('我 不想活了'); // '我不想活了'
 */
export function normalizeForSignals(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u200b-\u200d\ufeff]+/g, '');
}

/**
 * The signals of the school's list whose phrases occur in the text, each once, in the list's order.
 *
 * @example
 * signalsIn('最近总想死', [{ code: 'suicide', phrases: ['想死'], zh: '轻生念头', en: 'Thoughts of suicide' }]);
 * // [{ code: 'suicide', zh: '轻生念头', en: 'Thoughts of suicide' }]
 */
export function signalsIn(text: string, signals: readonly TreeHoleSignalRule[]): TreeHoleSignal[] {
  const plain = normalizeForSignals(text);
  return signals
    .filter((signal) => signal.phrases.some((phrase) => plain.includes(normalizeForSignals(phrase))))
    .map(({ code, zh, en }) => ({ code, zh, en }));
}
