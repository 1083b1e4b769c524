import { z } from '@hono/zod-openapi';
import { roles } from '@xinqiao/db';
import { PageQuery, pageOf } from '../../http/pagination.ts';
import { schemaMessage } from '../../http/zod-issues.ts';

/** The shortest password an account may get (ASVS 5.0 V6.2.1 asks for at least 8; the school policy is 12). */
export const MIN_PASSWORD_LENGTH = 12;

/** A role a person holds on a unit. */
export const PersonRoleSchema = z
  .object({
    role: z.enum(roles),
    unitId: z.uuid(),
    unitName: z.string(),
    levelKey: z.string(),
  })
  .openapi('PersonRole');

/** A person's account as the API shows it: never the password hash. */
export const PersonSchema = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    disabled: z.boolean(),
    roles: z.array(PersonRoleSchema).openapi({ description: "The roles on units of the caller's branch" }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Person');

export type PersonView = z.infer<typeof PersonSchema>;

export const PersonPageSchema = pageOf(PersonSchema, 'PersonPage');

export const PersonListQuery = PageQuery.extend({
  unitId: z.uuid().optional().openapi({ description: "Only people holding a role on this unit's subtree" }),
  q: z.string().trim().min(1).max(100).optional().openapi({ description: 'Part of the name or username' }),
});

export type PersonListFilter = z.infer<typeof PersonListQuery>;

export const PersonIdParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
});

const RoleAssignmentInput = z.object({ role: z.enum(roles), unitId: z.uuid() });

export type RoleAssignmentInput = z.infer<typeof RoleAssignmentInput>;

const RolesInput = z.array(RoleAssignmentInput).max(50);

const DisplayName = z.string().trim().min(1).max(100);

export const CreatePersonBody = z
  .object({
    username: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]*$/, schemaMessage('people.username-characters'))
      .openapi({ example: 'wang.counsellor' }),
    displayName: DisplayName.openapi({ example: '王老师' }),
    password: z.string().min(MIN_PASSWORD_LENGTH, schemaMessage('people.password-too-short')).max(1024),
    roles: RolesInput.default([]),
  })
  .openapi('CreatePerson');

export type CreatePersonInput = z.infer<typeof CreatePersonBody>;

export const UpdatePersonBody = z
  .object({
    displayName: DisplayName.optional(),
    disabled: z
      .boolean()
      .optional()
      .openapi({ description: 'true ends every session of the account at once' }),
    roles: RolesInput.optional().openapi({
      description: "Replaces the person's roles on units the caller administers",
    }),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: schemaMessage('people.nothing-to-change'),
  })
  .openapi('UpdatePerson');

export type UpdatePersonInput = z.infer<typeof UpdatePersonBody>;
