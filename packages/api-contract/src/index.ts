/**
 * @xinqiao/api-contract: the API's request and response shapes for the frontends, generated from the API's own
 * OpenAPI document (`openapi.json` beside this folder, written by `pnpm generate:api`). Types only: importing this
 * package adds no code to a bundle. Frontends read these types through `@xinqiao/web-kit`.
 */
import type { components, operations, paths } from './schema.ts';

export type { components, operations, paths };

/** Every named schema of the API (`Schemas['StudentSummary']`). */
export type Schemas = components['schemas'];
