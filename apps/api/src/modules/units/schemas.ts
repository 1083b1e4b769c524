import { z } from '@hono/zod-openapi';
import { PageQuery, pageOf } from '../../http/pagination.ts';

const UnitName = z.string().trim().min(1).max(100);

/** A unit of the work network as the API shows it. */
export const UnitSchema = z
  .object({
    id: z.uuid(),
    parentId: z.uuid().nullable().openapi({ description: 'null for the school root' }),
    levelKey: z.string().openapi({ example: 'college' }),
    levelName: z
      .string()
      .openapi({ description: "The level's name in the school's network", example: '学院' }),
    levelNameEn: z.string().openapi({ example: 'College' }),
    depth: z.number().int().openapi({ description: '0 for the school root' }),
    name: z.string().openapi({ example: '临床医学院' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Unit');

export type UnitView = z.infer<typeof UnitSchema>;

/** A unit with the chain of units above it, root first. */
export const UnitDetailSchema = UnitSchema.extend({
  ancestors: z.array(z.object({ id: z.uuid(), name: z.string(), levelKey: z.string() })),
}).openapi('UnitDetail');

export type UnitDetailView = z.infer<typeof UnitDetailSchema>;

/** A node of a unit subtree. */
export interface UnitTreeNode {
  id: string;
  levelKey: string;
  depth: number;
  name: string;
  children: UnitTreeNode[];
}

export const UnitTreeNodeSchema: z.ZodType<UnitTreeNode> = z
  .lazy(() =>
    z.object({
      id: z.uuid(),
      levelKey: z.string(),
      depth: z.number().int(),
      name: z.string(),
      children: z.array(UnitTreeNodeSchema),
    }),
  )
  .openapi('UnitTreeNode');

export const UnitTreeSchema = z
  .object({
    roots: z.array(UnitTreeNodeSchema).openapi({ description: 'The requested unit, or the school root' }),
  })
  .openapi('UnitTree');

export const UnitListQuery = PageQuery.extend({
  parentId: z.uuid().optional().openapi({ description: 'Only the children of this unit' }),
  levelKey: z.string().trim().min(1).max(64).optional().openapi({ description: 'Only units of this level' }),
  q: z.string().trim().min(1).max(100).optional().openapi({ description: 'Part of the unit name' }),
});

export type UnitListFilter = z.infer<typeof UnitListQuery>;

export const UnitPageSchema = pageOf(UnitSchema, 'UnitPage');

export const UnitTreeQuery = z.object({
  rootId: z
    .uuid()
    .optional()
    .openapi({ description: 'The unit whose subtree to answer (default: the school root)' }),
});

export const UnitIdParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
});

export const CreateUnitBody = z
  .object({
    parentId: z.uuid(),
    levelKey: z.string().trim().min(1).max(64).openapi({ example: 'class' }),
    name: UnitName.openapi({ example: '临床医学2024级1班' }),
  })
  .openapi('CreateUnit');

export type CreateUnitInput = z.infer<typeof CreateUnitBody>;

export const UpdateUnitBody = z.object({ name: UnitName }).openapi('UpdateUnit');

export type UpdateUnitInput = z.infer<typeof UpdateUnitBody>;
