import { useSessionStore } from '@xinqiao/web-kit';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { StudentAffairsOverview } from './api.ts';
import { fetchOverview } from './api.ts';

/** The student affairs figures on screen: one academic year, reloaded after every edit from the API's answer. */
export const useStudentAffairsStore = defineStore('xinqiao-student-affairs', () => {
  const overview = ref<StudentAffairsOverview | null>(null);
  const loading = ref(false);
  const problem = ref<unknown>(null);
  const session = useSessionStore();

  /** Whether the edit tab is shown (`student-affairs.edit`; the API checks every edit again). */
  const canEdit = computed(() => session.can('student-affairs.edit'));
  const staffById = computed(() => new Map((overview.value?.staff ?? []).map((s) => [s.id, s])));

  /** Loads a year (the latest with figures when none is given). */
  async function load(academicYear?: number): Promise<void> {
    loading.value = true;
    problem.value = null;
    try {
      overview.value = await fetchOverview(academicYear);
    } catch (e) {
      problem.value = e;
    } finally {
      loading.value = false;
    }
  }

  /** Shows the recomputed year an edit answered with; rethrows the API's problem for the form to show. */
  async function apply(edit: Promise<StudentAffairsOverview>): Promise<void> {
    overview.value = await edit;
  }

  return { overview, loading, problem, canEdit, staffById, load, apply };
});
