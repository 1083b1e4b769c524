import { z } from '@hono/zod-openapi';
import { type Role, roles } from '@xinqiao/db';
import { type Permission, permissionNames, permissionsOf } from './permissions.ts';

/** The stored session behind a request (its token never leaves the cookie; only its hash is stored). */
export interface SessionInfo {
  tokenHash: string;
  schoolId: string;
  personId: string;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
}

/** A role the signed-in person holds, on the unit whose subtree it reaches. */
export interface RoleOnUnit {
  role: Role;
  unitId: string;
  unitName: string;
  levelKey: string;
  /** Materialised path of the unit ('/<root>/<college>/'), the prefix of everything the role reaches. */
  unitPath: string;
}

/** The signed-in person as the API reports it (`GET /api/auth/me`). */
export interface Me {
  person: { id: string; username: string; displayName: string };
  school: { id: string; code: string; name: string; nameEn: string };
  roles: RoleOnUnit[];
  csrfToken: string;
}

const PermissionSchema = z.enum(permissionNames as [Permission, ...Permission[]]).openapi('Permission');

/** The `Me` object of the API contract, for the OpenAPI document (unit paths and ids stay internal). */
export const MeSchema = z
  .object({
    person: z.object({ id: z.string().uuid(), username: z.string(), displayName: z.string() }),
    school: z.object({ code: z.string(), name: z.string(), nameEn: z.string() }),
    roles: z.array(
      z.object({
        role: z.enum(roles),
        unitId: z.string().uuid(),
        unitName: z.string(),
        levelKey: z.string(),
        permissions: z.array(PermissionSchema).openapi({
          description:
            "What this role allows, on its unit's subtree (a unit-bound check, such as the network's)",
        }),
      }),
    ),
    permissions: z.array(PermissionSchema).openapi({
      description:
        'What the roles allow, sorted: the screens offer what these name (the API checks every request)',
    }),
    csrfToken: z
      .string()
      .openapi({ description: 'Send as x-csrf-token on every POST, PUT, PATCH and DELETE' }),
  })
  .openapi('Me');

/** The contract's view of {@link Me}, with what the person's roles allow (`ROLE_PERMISSIONS`). */
export function publicMe(me: Me): z.infer<typeof MeSchema> {
  return {
    person: me.person,
    school: { code: me.school.code, name: me.school.name, nameEn: me.school.nameEn },
    roles: me.roles.map(({ role, unitId, unitName, levelKey }) => ({
      role,
      unitId,
      unitName,
      levelKey,
      permissions: permissionsOf([role]),
    })),
    permissions: permissionsOf(me.roles.map((r) => r.role)),
    csrfToken: me.csrfToken,
  };
}
