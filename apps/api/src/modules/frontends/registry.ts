import type { Role } from '@xinqiao/db';
import type { AreaId } from '@xinqiao/policy';
import { rolesWith } from '../../auth/permissions.ts';

/** Text in both of the platform's languages. */
export interface LocalizedText {
  zh: string;
  en: string;
}

/** One federated frontend module as `GET /api/frontends` lists it (see docs/frontends.md). */
export interface FrontendModule {
  id: string;
  title: LocalizedText;
  remoteName: string;
  manifestUrl: string;
  /** The exposed component: './App' for office modules, './Screen' for plugin UIs. */
  exposes: './App' | './Screen';
  /** The shell path the module lives under. */
  routePath: string;
  source: 'office' | 'plugin';
  pluginId?: string;
}

/** An office module of the platform and the roles that open it. */
export interface OfficeModule {
  /** Folder `apps/office-<id>`, served at `/modules/<id>/`, shown at `/<id>` in the shell. */
  id: string;
  title: LocalizedText;
  /** The Module Federation name in the module's vite.config.ts. */
  remoteName: string;
  roles: readonly Role[];
  /**
   * Policy areas the school's plugin must provide for the module to work: without them it is not offered at that
   * school (it could only show that the rules are missing).
   */
  requiresAreas?: readonly AreaId[];
}

/**
 * The office modules this platform ships. A new office module is a folder `apps/office-<id>` built into its `dist/`
 * plus one entry here saying which roles see it and which policy areas it needs from the school's plugin.
 */
export const OFFICE_MODULES: readonly OfficeModule[] = [
  {
    id: 'student-affairs',
    title: { zh: '学生处', en: 'Student Affairs' },
    remoteName: 'xinqiao_student_affairs',
    roles: rolesWith('student-affairs.read'),
  },
  {
    id: 'counselling-center',
    title: { zh: '心理健康教育中心', en: 'Counselling center' },
    remoteName: 'xinqiao_counselling_center',
    roles: rolesWith('screening.manage'),
  },
  {
    id: 'college-station',
    title: { zh: '学院心理辅导站', en: 'College counselling station' },
    remoteName: 'xinqiao_college_station',
    // The college's own network: full view for the station, counsellors and head teachers; class psych committee
    // members and dorm liaisons open it too and get the reduced view the API gives them. The center's staff and
    // director open it for the student files and cases their screening lists link to (they see the whole school).
    roles: [
      'college_station_head',
      'counsellor',
      'head_teacher',
      'class_committee',
      'dorm_liaison',
      'center_staff',
      'center_director',
    ],
  },
  {
    id: 'crisis',
    title: { zh: '危机干预', en: 'Crisis intervention' },
    remoteName: 'xinqiao_crisis',
    // Those who run crises and the chain above them; the crisis-protocol area gives the levels and steps.
    roles: rolesWith('crises.read'),
    requiresAreas: ['crisis-protocol'],
  },
  {
    id: 'support',
    title: { zh: '学生帮扶', en: 'Student support' },
    remoteName: 'xinqiao_support',
    // The head teacher, the counsellor and the chain above them (seed 004); the lists come from support-targets.
    roles: rolesWith('support.read'),
    requiresAreas: ['support-targets'],
  },
  {
    id: 'school-admin',
    title: { zh: '学校管理', en: 'School administration' },
    remoteName: 'xinqiao_school_admin',
    roles: ['school_admin', 'center_director'],
  },
  {
    id: 'student',
    title: { zh: '学生端', en: 'Student side' },
    remoteName: 'xinqiao_student',
    // Students only: their own screenings with consent, appointments and anonymous ratings (apps/student).
    roles: rolesWith('student.self'),
  },
  {
    id: 'peer-alliance',
    title: { zh: '朋辈互助联盟', en: 'Peer Alliance' },
    remoteName: 'xinqiao_peer_alliance',
    roles: ['alliance_officer'],
    // The points scale and the term sanctions (seed 002): hrbmu and wuhan-polytechnic have no alliance rules.
    requiresAreas: ['penalty-points', 'term-sanctions'],
  },
];

/** The contract entry of an office module. */
export function officeEntry(module: OfficeModule): FrontendModule {
  return {
    id: module.id,
    title: module.title,
    remoteName: module.remoteName,
    manifestUrl: `/modules/${module.id}/mf-manifest.json`,
    exposes: './App',
    routePath: `/${module.id}`,
    source: 'office',
  };
}

/** The `ui` block of a plugin.json (see the policy package's manifest schema). */
export interface PluginUi {
  remoteName: string;
  /** Relative to the plugin's served folder `/plugins/<id>/`, e.g. `ui/mf-manifest.json`. */
  manifestUrl: string;
  exposes: './Screen';
  title: LocalizedText;
}

function isPluginUi(value: unknown): value is PluginUi {
  if (typeof value !== 'object' || value === null) return false;
  const ui = value as Record<string, unknown>;
  const title = ui.title as Record<string, unknown> | undefined;
  return (
    typeof ui.remoteName === 'string' &&
    typeof ui.manifestUrl === 'string' &&
    ui.exposes === './Screen' &&
    typeof title?.zh === 'string' &&
    typeof title?.en === 'string'
  );
}

/**
 * The contract entry of the UI a school's plugin declares in `plugin.json` (`ui`), or undefined when it declares
 * none. The plugin was validated at load, so its manifest URL is relative and stays inside the plugin's folder.
 */
export function pluginEntry(pluginId: string, manifest: { ui?: unknown }): FrontendModule | undefined {
  if (!isPluginUi(manifest.ui)) return undefined;
  const ui = manifest.ui;
  return {
    id: `plugin-${pluginId}`,
    title: ui.title,
    remoteName: ui.remoteName,
    manifestUrl: `/plugins/${pluginId}/${ui.manifestUrl.replace(/^\.\//, '')}`,
    exposes: ui.exposes,
    routePath: `/plugins/${pluginId}`,
    source: 'plugin',
    pluginId,
  };
}

/** The school's active plugin as the registry reads it: its id, its manifest and the areas it provides. */
export interface SchoolPlugin {
  id: string;
  manifest: { ui?: unknown };
  /** The plugin's rule files by area (every area it provides has one). */
  rules: Record<string, unknown>;
}

/** Whether the school's plugin provides every area a module needs (a module that needs none always works). */
export function pluginSupports(module: OfficeModule, plugin: SchoolPlugin | undefined): boolean {
  return (module.requiresAreas ?? []).every((area) => plugin?.rules[area] !== undefined);
}

/**
 * The modules a person sees: the office modules one of their roles opens and their school's plugin supports, then
 * the school's plugin UI (shown to every role of that school: the screen's own API calls enforce what each role may
 * read).
 *
 * @example
 * modulesFor(['student_affairs'], hrbmuPlugin) // [student-affairs, plugin-hrbmu]
 * modulesFor(['alliance_officer'], hrbmuPlugin) // [plugin-hrbmu]: hrbmu's plugin has no alliance rules
 */
export function modulesFor(roles: readonly Role[], plugin: SchoolPlugin | undefined): FrontendModule[] {
  const offices = OFFICE_MODULES.filter(
    (m) => m.roles.some((r) => roles.includes(r)) && pluginSupports(m, plugin),
  ).map(officeEntry);
  const pluginUi = plugin ? pluginEntry(plugin.id, plugin.manifest) : undefined;
  return pluginUi ? [...offices, pluginUi] : offices;
}
