import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clockFromEnv } from './clock.ts';

describe('clockFromEnv', () => {
  it('is the real time without a clock file', () => {
    const before = Date.now();
    const now = clockFromEnv({ NODE_ENV: 'production' })().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThan(before + 1_000);
  });

  it('runs ahead by the file’s milliseconds, for tests only', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'xinqiao-clock-')), 'offset');
    expect(() => clockFromEnv({ NODE_ENV: 'production', XINQIAO_TEST_CLOCK_FILE: file })).toThrow(
      /test only/,
    );
    const clock = clockFromEnv({ NODE_ENV: 'test', XINQIAO_TEST_CLOCK_FILE: file });
    expect(Math.abs(clock().getTime() - Date.now())).toBeLessThan(1_000);
    writeFileSync(file, String(86_400_000));
    const later = Date.now() + 250;
    while (Date.now() < later) {
      // the offset is read again after 200 ms
    }
    expect(clock().getTime() - Date.now()).toBeGreaterThan(86_399_000);
  });
});
