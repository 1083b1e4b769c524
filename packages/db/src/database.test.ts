import { describe, expect, it } from 'vitest';
import { openDatabase, UnsafeDatabaseRoleError } from './database.ts';

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
});
