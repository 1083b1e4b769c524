import { type CompiledPlugin, evaluate } from '@xinqiao/policy';
import { type Caller, requirePermission } from '../../auth/caller.ts';
import { problem } from '../../http/problem.ts';
import { findCase } from './queries.ts';
import { writtenEntryKinds } from './schemas.ts';

/** A school's template for one kind of entry: the prompts the form shows (plugin area `case-templates`). */
export interface EntryTemplate {
  entryKind: (typeof writtenEntryKinds)[number];
  ruleName: string;
  zh: string;
  en: string;
  prompts: { zh: string; en: string }[];
}

/**
 * The school plugin's templates for the entries written in this case (interview, note, contact), by the case's
 * kind: a follow-up talk asks other questions than a talk in a crisis. A school without the `case-templates` area,
 * or without a template for a kind, gets none for it. 404 when the caller does not see the case.
 */
export async function entryTemplatesOf(
  caller: Caller,
  caseId: string,
  plugin: CompiledPlugin | undefined,
): Promise<{ pluginId: string | null; pluginVersion: string | null; templates: EntryTemplate[] }> {
  requirePermission(caller, 'cases.read');
  const row = await findCase(caller.tx, caseId);
  if (!row) throw problem('cases.not-found');
  if (!plugin?.areas.includes('case-templates'))
    return { pluginId: null, pluginVersion: null, templates: [] };
  const templates: EntryTemplate[] = [];
  for (const entryKind of writtenEntryKinds) {
    const decided = await evaluate(plugin, 'case-templates', { entryKind, caseKind: row.kind }).catch(
      () => null,
    );
    if (decided) {
      const { ruleName, zh, en, prompts } = decided;
      templates.push({ entryKind, ruleName, zh, en, prompts: prompts.map(({ zh, en }) => ({ zh, en })) });
    }
  }
  return { pluginId: plugin.id, pluginVersion: plugin.version, templates };
}
