/** What 100 parallel wrong passwords for one account came to. */
export interface PasswordReport {
  attempts: number;
  /** Answered 401: the password was checked (argon2 ran). */
  evaluated: number;
  /** Answered 429 with Retry-After: refused before checking. */
  throttled: number;
  other: Record<string, number>;
  allProblems: boolean;
  seconds: number;
}

/**
 * Sends `attempts` wrong passwords for one account at once (issue 16.3: the limit must hold under parallel
 * guesses; the per-account allowance is 5).
 */
export async function parallelWrongPasswords(
  base: string,
  school: string,
  username: string,
  attempts = 100,
): Promise<PasswordReport> {
  const started = performance.now();
  const answers = await Promise.all(
    Array.from({ length: attempts }, (_, i) =>
      fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: base },
        body: JSON.stringify({ school, username, password: `wrong-${i}` }),
        signal: AbortSignal.timeout(120_000),
      }).then(async (res) => ({
        status: res.status,
        problem: (res.headers.get('content-type') ?? '').startsWith('application/problem+json'),
        retryAfter: res.headers.get('retry-after'),
        text: await res.text(),
      })),
    ),
  );
  const report: PasswordReport = {
    attempts,
    evaluated: 0,
    throttled: 0,
    other: {},
    allProblems: answers.every((a) => a.problem),
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
  for (const answer of answers) {
    if (answer.status === 401) report.evaluated++;
    else if (answer.status === 429 && answer.retryAfter) report.throttled++;
    else report.other[answer.status] = (report.other[answer.status] ?? 0) + 1;
  }
  return report;
}
