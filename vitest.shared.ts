import type { TestProjectInlineConfiguration } from 'vitest/config';

/**
 * Vitest projects for packages whose tests touch the database: always PGlite, and the PostgreSQL server too
 * when XINQIAO_TEST_DATABASE_URL names one (as `.ci/run` does).
 */
export function databaseTestProjects(extra: Record<string, unknown> = {}): TestProjectInlineConfiguration[] {
  const projects: TestProjectInlineConfiguration[] = [
    { extends: true, test: { name: 'pglite', env: { XINQIAO_TEST_DB: 'pglite' }, ...extra } },
  ];
  if (process.env.XINQIAO_TEST_DATABASE_URL) {
    projects.push({
      extends: true,
      test: { name: 'postgres', env: { XINQIAO_TEST_DB: 'postgres' }, ...extra },
    });
  }
  return projects;
}
