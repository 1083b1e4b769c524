import { jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns.ts';

/** One network level of a school, root first, as its policy plugin names it. */
export interface NetworkLevel {
  key: string;
  name: string;
  nameEn: string;
}

/** A university: the tenant. `code` is also the id of its policy plugin. */
export const schools = pgTable('schools', {
  id: id(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  networkLevels: jsonb('network_levels').$type<NetworkLevel[]>().notNull(),
  createdAt: createdAt(),
});
