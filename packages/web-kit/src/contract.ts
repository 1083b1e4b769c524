/**
 * The API's shapes, as the frontends name them. Every one is taken from the contract generated from the API's
 * OpenAPI document (`@xinqiao/api-contract`, rewritten by `pnpm generate:api`), so a change to a route shows up
 * here as a type error instead of a wrong screen. Frontends import these from `@xinqiao/web-kit`, never the API.
 */
import type { components, operations, paths, Schemas } from '@xinqiao/api-contract';

export type { components, operations, paths, Schemas };

/** The signed-in user, as `POST /api/auth/login` and `GET /api/auth/me` return it. */
export type Me = Schemas['Me'];

/**
 * A named permission (`cases.write`, `screening.import`…): what a role allows, from the API's one permission table.
 * Screens offer an action when the session `can(...)` it, never by looking at role ids.
 */
export type Permission = Me['permissions'][number];

/** One role the signed-in user holds, on one unit, with what it allows there. */
export type RoleAssignment = Me['roles'][number];

/** Role ids, exactly as the API sends them; the list and the names are `ROLE_IDS`/`ROLE_NAMES` in `i18n/roles.ts`. */
export type RoleId = RoleAssignment['role'];

/** Attention tiers (1 needs the most attention), as the API sends them; their names are `TIER_NAMES` in `i18n/tiers.ts`. */
export type AttentionTier = Schemas['AttentionTier'];

export type SchoolSummary = Me['school'];

/** The modules the user may open, from `GET /api/frontends`. */
export type FrontendList = Schemas['FrontendList'];

/** One federated frontend module the user may open. */
export type FrontendModule = FrontendList['modules'][number];

/** Text in both of the platform's languages. */
export type LocalizedText = FrontendModule['title'];

type ProblemError = NonNullable<Schemas['Problem']['errors']>[number];

/** One field, row or cell named by an RFC 9457 problem: a field error or a row error of an import. */
export type ProblemFieldError = Partial<Extract<ProblemError, { field: string }>> &
  Partial<Extract<ProblemError, { row: number }>>;

/**
 * An RFC 9457 problem+json body as the API sends it; only `title` and `status` are needed, so the browser can make
 * one up for a failure the API never answered.
 */
export type ProblemBody = Pick<Schemas['Problem'], 'title' | 'status'> &
  Partial<Omit<Schemas['Problem'], 'title' | 'status' | 'errors'>> & { errors?: ProblemFieldError[] };
