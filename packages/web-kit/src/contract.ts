/**
 * Shapes of the API's JSON that the frontends read (see the API contract). Frontends never import server code,
 * so these are declared here, once, for every module.
 */

/**
 * Role ids, exactly as the API sends them (the server's `roles`). Written out until the API's generated types land
 * in @xinqiao/api-contract, then taken from there; the list and names are `ROLE_IDS`/`ROLE_NAMES` in `i18n/roles.ts`.
 */
export type RoleId =
  | 'school_admin'
  | 'center_director'
  | 'center_staff'
  | 'college_station_head'
  | 'counsellor'
  | 'head_teacher'
  | 'class_committee'
  | 'dorm_liaison'
  | 'student_affairs'
  | 'alliance_officer';

export interface SchoolSummary {
  code: string;
  name: string;
  nameEn: string;
}

export interface RoleAssignment {
  role: RoleId;
  unitId: string;
  unitName: string;
  levelKey: string;
}

/** The signed-in user, as `POST /api/auth/login` and `GET /api/auth/me` return it. */
export interface Me {
  person: { id: string; username: string; displayName: string };
  school: SchoolSummary;
  roles: RoleAssignment[];
  csrfToken: string;
}

/** Text in both of the platform's languages. */
export interface LocalizedText {
  zh: string;
  en: string;
}

/** One federated frontend module the user may open, from `GET /api/frontends`. */
export interface FrontendModule {
  id: string;
  title: LocalizedText;
  remoteName: string;
  manifestUrl: string;
  exposes: './App';
  /** The shell path the module lives under, e.g. `/student-affairs`. */
  routePath: string;
  source: 'office' | 'plugin';
  pluginId?: string;
}

export interface FrontendList {
  modules: FrontendModule[];
}

/** One field, row or cell named by an RFC 9457 problem. */
export interface ProblemFieldError {
  field?: string;
  message?: string;
  row?: number;
  column?: string;
  reason?: string;
}

/** An RFC 9457 problem+json body as the API sends it. */
export interface ProblemBody {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  errors?: ProblemFieldError[];
}
