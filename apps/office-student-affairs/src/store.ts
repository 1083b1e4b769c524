import { useSessionStore } from '@xinqiao/web-kit';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { StudentAffairsOverview } from './api.ts';
import { fetchActivePlugin, fetchOverview } from './api.ts';
import { missingAreas, type StudentAffairsArea } from './plugin-areas.ts';

/** The student affairs figures on screen: one academic year, reloaded after every edit from the API's answer. */
export const useStudentAffairsStore = defineStore('xinqiao-student-affairs', () => {
  const overview = ref<StudentAffairsOverview | null>(null);
  const loading = ref(false);
  const problem = ref<unknown>(null);
  /** The 学生处 areas the school's plugin does not configure (known once the plugin's rule files are read). */
  const missing = ref<StudentAffairsArea[]>([]);
  const session = useSessionStore();

  /** Whether the edit tab is shown (`student-affairs.edit`; the API checks every edit again). */
  const canEdit = computed(() => session.can('student-affairs.edit'));
  const staffById = computed(() => new Map((overview.value?.staff ?? []).map((s) => [s.id, s])));

  /** Loads a year (the latest with figures when none is given). */
  async function load(academicYear?: number): Promise<void> {
    loading.value = true;
    problem.value = null;
    try {
      // The plugin's rule files only decide which panels to offer: without them, every panel is offered.
      const [answer, plugin] = await Promise.all([
        fetchOverview(academicYear),
        fetchActivePlugin().catch(() => null),
      ]);
      overview.value = answer;
      missing.value = plugin ? missingAreas(plugin.rules) : [];
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

  return { overview, loading, problem, missing, canEdit, staffById, load, apply };
});
