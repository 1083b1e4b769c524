import {
  type CompiledPlugin,
  compilePlugin,
  evaluate,
  formatPolicyError,
  type PluginBundle,
  type Source,
  type SUPPORT_CATEGORIES,
  type SupportFacts,
} from '@xinqiao/policy/browser';

/** The support-targets area of the school's plugin: the rules this screen runs. */
export const SUPPORT_AREA = 'support-targets';

/** One of the five categories of 帮扶对象, in the seed's order. */
export type SupportCategory = (typeof SUPPORT_CATEGORIES)[number];

/** The form's facts: a student's academic, disciplinary, psychological and economic situation. */
// The settings question (schoolSettings) is not a student's situation: the form leaves it out.
export type SupportForm = Required<Omit<SupportFacts, 'schoolSettings'>>;

/** A form with nothing known: no failed course and no flag set. */
export function emptySupportForm(): SupportForm {
  return {
    failedCourseCount: 0,
    disciplinarySanction: false,
    requestedPsychologicalHelp: false,
    identifiedByCrisisPrevention: false,
    economicHardshipCertified: false,
    extremeThinkingOrAbnormalBehaviour: false,
  };
}

/** One category that applies, with the rule's reason and the seed sentences the rule encodes. */
export interface CategoryFinding {
  category: SupportCategory;
  ruleName: string;
  reason: { zh: string; en: string };
  sources: Source[];
}

/** What the plugin answers for a student: the categories that apply and whether parents are to be contacted. */
export interface SupportCheck {
  supported: boolean;
  categories: CategoryFinding[];
  parentContact: (Omit<CategoryFinding, 'category'> & { inviteToCampusWhenNeeded: boolean }) | null;
  pluginVersion: string;
}

/**
 * Compiles the plugin bundle the API serves at `GET /api/plugins/active` with the very code the API runs; throws an
 * Error listing every problem when it does not compile or lacks the support-targets area.
 *
 * @example
 * const plugin = compileSupportPlugin(await api.GET('/api/plugins/active'))
 */
export function compileSupportPlugin(bundle: PluginBundle): CompiledPlugin {
  const compiled = compilePlugin({ manifest: bundle.manifest, rules: bundle.rules });
  if (!compiled.ok) throw new Error(compiled.errors.map(formatPolicyError).join('\n'));
  if (!compiled.plugin.provides(SUPPORT_AREA)) throw new Error(`the plugin has no "${SUPPORT_AREA}" rules`);
  return compiled.plugin;
}

// The seed sentences of a rule, read from the served rule file (the engine's result names the rule only).
function sourcesOf(bundle: PluginBundle, ruleName: string): Source[] {
  const file = bundle.rules[SUPPORT_AREA] as { rules?: { name: string; source?: Source[] }[] } | undefined;
  return file?.rules?.find((rule) => rule.name === ruleName)?.source ?? [];
}

/**
 * Runs the school's support-targets rules on a student's facts in the browser and names, per category that applies,
 * the rule's reason and its seed source.
 *
 * @example
 * await checkSupport(plugin, bundle, { ...emptySupportForm(), failedCourseCount: 3 })
 * // categories: [{ category: 'academic', … }], parentContact: { inviteToCampusWhenNeeded: true, … }
 */
export async function checkSupport(
  plugin: CompiledPlugin,
  bundle: PluginBundle,
  facts: SupportForm,
): Promise<SupportCheck> {
  const decision = await evaluate(plugin, SUPPORT_AREA, facts);
  const finding = (reason: { ruleName: string; zh: string; en: string }) => ({
    ruleName: reason.ruleName,
    reason: { zh: reason.zh, en: reason.en },
    sources: sourcesOf(bundle, reason.ruleName),
  });
  return {
    supported: decision.supported,
    categories: decision.categories.map((item) => ({ category: item.category, ...finding(item) })),
    parentContact: decision.parentContact
      ? {
          ...finding(decision.parentContact),
          inviteToCampusWhenNeeded: decision.parentContact.inviteToCampusWhenNeeded,
        }
      : null,
    pluginVersion: decision.pluginVersion,
  };
}
