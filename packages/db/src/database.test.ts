import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase, queryRows, UnsafeDatabaseRoleError } from './database.ts';
import { createTestDatabase } from './testing.ts';

const superuserUrl = process.env.XINQIAO_TEST_SUPERUSER_URL;

describe('db/openDatabase', () => {
  it.runIf(process.env.XINQIAO_TEST_DB === 'postgres' && superuserUrl)(
    'refuses to run as a PostgreSQL superuser, which would bypass row-level security',
    async () => {
      await expect(openDatabase({ url: superuserUrl, migrate: false })).rejects.toBeInstanceOf(
        UnsafeDatabaseRoleError,
      );
    },
  );

  it.runIf(process.env.XINQIAO_TEST_DB === 'postgres')(
    'plans PostgreSQL reads for data held in memory (random_page_cost 1.1), as docs/performance.md measured',
    async () => {
      const db = await createTestDatabase();
      try {
        const [row] = await queryRows<{ cost: string }>(
          db.orm,
          sql`SELECT current_setting('random_page_cost') AS cost`,
        );
        expect(row?.cost).toBe('1.1');
      } finally {
        await db.close();
      }
    },
  );
});
