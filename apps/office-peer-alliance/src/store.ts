import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { type AllianceOverview, type AllianceRule, fetchOverview, isNoPointsScale } from './api.ts';

/** The alliance on screen: its overview (plugin, base score, departments, terms) and the chosen term. */
export const useAllianceStore = defineStore('xinqiao-peer-alliance', () => {
  const overview = ref<AllianceOverview | null>(null);
  const termId = ref<string | null>(null);
  const problem = ref<unknown>(null);

  const term = computed(() => overview.value?.terms.find((t) => t.id === termId.value) ?? null);
  /** Whether the caller may score in the chosen term (the API checks again on every write). */
  const canScore = computed(
    () => !!termId.value && (overview.value?.access.scoringTerms.includes(termId.value) ?? false),
  );
  const departmentName = (id: string | null) =>
    overview.value?.departments.find((d) => d.id === id)?.name ?? null;
  /** The plugin rule of a ledger line or sanction, to name it by what it says (undefined for an older plugin's rule). */
  const ruleOf = (name: string): AllianceRule | undefined =>
    overview.value?.rules.find((r) => r.name === name);
  /** The school's plugin has no alliance rules: say what to add instead of showing an error. */
  const notConfigured = computed(() => isNoPointsScale(problem.value));

  /** Loads the overview and picks the current term unless one is chosen. */
  async function load(): Promise<void> {
    problem.value = null;
    try {
      overview.value = await fetchOverview();
      termId.value ??= overview.value.currentTermId;
    } catch (e) {
      problem.value = e;
    }
  }

  return { overview, termId, term, problem, notConfigured, canScore, departmentName, ruleOf, load };
});
