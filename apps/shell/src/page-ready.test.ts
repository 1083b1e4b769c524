import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterPageRendered, PAGE_READY_WAIT_MS, pageChanging, pageRendered } from './page-ready.ts';

const settled = async (promise: Promise<void>) => {
  let done = false;
  void promise.then(() => {
    done = true;
  });
  await Promise.resolve();
  await Promise.resolve();
  return done;
};

describe('page-ready', () => {
  afterEach(() => vi.useRealTimers());

  it('holds deferred work from a page change until the page has rendered', async () => {
    pageChanging();
    const waiting = afterPageRendered();
    expect(await settled(waiting)).toBe(false);
    pageRendered();
    expect(await settled(waiting)).toBe(true);
  });

  it('lets it go after the wait when the page never says it rendered', async () => {
    vi.useFakeTimers();
    pageChanging();
    const waiting = afterPageRendered();
    vi.advanceTimersByTime(PAGE_READY_WAIT_MS - 1);
    expect(await settled(waiting)).toBe(false);
    vi.advanceTimersByTime(1);
    expect(await settled(waiting)).toBe(true);
  });
});
