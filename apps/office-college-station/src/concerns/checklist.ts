import type { ConcernSign, PluginBundle } from '@xinqiao/policy/browser';
import { api } from '@xinqiao/web-kit';

export type { ConcernSign };

let asked: Promise<ConcernSign[]> | undefined;

/**
 * The school's observation checklist (the `concern-signs` area of its plugin, step `report`), computed in the
 * browser with the very code the API checks reports with. Empty when the plugin has no such area. The policy engine
 * loads only when a form first asks, and the answer is kept for the page's life.
 *
 * @example
 * const signs = await schoolChecklist(); // [{ code: 'withdrawn', zh: '长期独处', en: '…', selfHarm: false }, …]
 */
export function schoolChecklist(): Promise<ConcernSign[]> {
  asked ??= load().catch((error: unknown) => {
    asked = undefined; // a failed fetch may be retried by the next form
    throw error;
  });
  return asked;
}

async function load(): Promise<ConcernSign[]> {
  const [policy, bundle] = await Promise.all([
    import('@xinqiao/policy/browser'),
    api.GET('/api/plugins/active'),
  ]);
  const compiled = policy.compilePlugin({
    manifest: bundle.manifest,
    rules: bundle.rules,
  } as unknown as PluginBundle);
  if (!compiled.ok) throw new Error(compiled.errors.map(policy.formatPolicyError).join('\n'));
  if (!compiled.plugin.areas.includes('concern-signs')) return [];
  const { signs } = await policy.evaluate(compiled.plugin, 'concern-signs', { step: 'report' });
  return [...signs];
}
