/** What PostgreSQL said about a failed statement, whichever driver (and drizzle's wrapper) carried it. */
export interface PgError {
  code: string;
  message: string;
  column?: string;
  constraint?: string;
  detail?: string;
}

/**
 * Finds the PostgreSQL error inside an error thrown by drizzle, PGlite or postgres.js (drizzle wraps it as
 * `cause`), so callers can turn a unique violation into a 409 naming the field.
 */
export function pgErrorOf(error: unknown): PgError | undefined {
  for (
    let current = error;
    current && typeof current === 'object';
    current = (current as { cause?: unknown }).cause
  ) {
    const candidate = current as Record<string, unknown>;
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      return {
        code: candidate.code,
        message: String(candidate.message ?? ''),
        column: (candidate.column ?? candidate.column_name) as string | undefined,
        constraint: (candidate.constraint ?? candidate.constraint_name) as string | undefined,
        detail: candidate.detail as string | undefined,
      };
    }
  }
  return undefined;
}
