import { readFileSync } from 'node:fs';
import type { Clock } from './context.ts';

/** How long a read offset is used before the file is read again. */
const REREAD_MS = 200;

/**
 * The API process's clock. The real time, except for browser tests: with `NODE_ENV=test` and
 * `XINQIAO_TEST_CLOCK_FILE` naming a file, the clock runs ahead by the milliseconds the file holds (no file, or
 * nothing in it: 0), read again at most every 200 ms. So an end-to-end spec can let a day pass — a slot a student
 * booked a day ahead starts, the center records the session — without waiting, and put the clock back after.
 * In any other environment the variable is refused, so a server cannot be started with a clock someone moves.
 *
 * @example
 * const clock = clockFromEnv(process.env); // () => new Date() in production
 */
export function clockFromEnv(env: NodeJS.ProcessEnv): Clock {
  const file = env.XINQIAO_TEST_CLOCK_FILE;
  if (!file) return () => new Date();
  if (env.NODE_ENV !== 'test') throw new Error('XINQIAO_TEST_CLOCK_FILE is for NODE_ENV=test only');
  let offset = 0;
  let readAt = 0;
  return () => {
    const now = Date.now();
    if (now - readAt >= REREAD_MS) {
      readAt = now;
      try {
        offset = Number(readFileSync(file, 'utf8').trim()) || 0;
      } catch {
        offset = 0;
      }
    }
    return new Date(now + offset);
  };
}
