import { describe, expect, it } from 'vitest';
import { FairQueue, QueueWaitExceeded } from './fair-queue.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('FairQueue', () => {
  it('admits up to its concurrency at once and the rest in turn', async () => {
    const queue = new FairQueue({ concurrency: 2, maxWaitMs: 1_000, maxWaiting: 10 });
    const a = await queue.acquire('a');
    const b = await queue.acquire('b');
    let third = false;
    const c = queue.acquire('c').then((release) => {
      third = true;
      return release;
    });
    await tick();
    expect(third).toBe(false);
    a();
    (await c)();
    b();
    expect(queue.stats()).toMatchObject({ holding: 0, waiting: 0, admitted: 3 });
  });

  it('lets keys take turns: a burst under one key does not starve another key', async () => {
    const queue = new FairQueue({ concurrency: 1, maxWaitMs: 5_000, maxWaiting: 100 });
    const order: string[] = [];
    const hold = await queue.acquire('busy');
    const waits = [
      ...Array.from({ length: 5 }, (_, i) => ['busy', `busy${i}`] as const),
      ['quiet', 'quiet0'] as const,
    ].map(([key, name]) =>
      queue.acquire(key).then((release) => {
        order.push(name);
        release();
      }),
    );
    hold();
    await Promise.all(waits);
    // Round-robin: the quiet key is served second, not after the whole burst.
    expect(order.indexOf('quiet0')).toBe(1);
    expect(order.filter((n) => n.startsWith('busy'))).toEqual(['busy0', 'busy1', 'busy2', 'busy3', 'busy4']);
  });

  it('refuses a wait over its bound with a Retry-After estimate, and goes on serving the others', async () => {
    const queue = new FairQueue({ concurrency: 1, maxWaitMs: 50, maxWaiting: 100 });
    const hold = await queue.acquire('long');
    const started = performance.now();
    const refused = await queue.acquire('x').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(QueueWaitExceeded);
    expect((refused as QueueWaitExceeded).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(performance.now() - started).toBeLessThan(500);
    // A background waiter (no bound) is not refused.
    const background = queue.acquire('jobs', Number.POSITIVE_INFINITY);
    await new Promise((resolve) => setTimeout(resolve, 100));
    hold();
    (await background)();
    expect(queue.stats()).toMatchObject({ holding: 0, waiting: 0, refused: 1 });
  });

  it('refuses at once when too many wait', async () => {
    const queue = new FairQueue({ concurrency: 1, maxWaitMs: 1_000, maxWaiting: 1 });
    const hold = await queue.acquire('a');
    const first = queue.acquire('b');
    await expect(queue.acquire('c')).rejects.toBeInstanceOf(QueueWaitExceeded);
    hold();
    (await first)();
  });

  it('lets the event loop poll between turns, so I/O waiting meanwhile is not starved by busy turns', async () => {
    const queue = new FairQueue({
      concurrency: 1,
      maxWaitMs: 10_000,
      maxWaiting: 100,
      yieldBetweenTurns: true,
    });
    const finished: string[] = [];
    const turns = Array.from({ length: 10 }, async (_, i) => {
      const release = await queue.acquire(`k${i}`);
      const until = performance.now() + 3; // a turn that answers without I/O, as PGlite does
      while (performance.now() < until);
      finished.push(`turn ${i}`);
      release();
    });
    // I/O that becomes ready while the turns run: its callback runs in the loop's poll phase, not after all turns.
    const io = new Promise<void>((resolve) =>
      setTimeout(() => {
        finished.push('io');
        resolve();
      }, 1),
    );
    await Promise.all([...turns, io]);
    expect(finished.indexOf('io')).toBeLessThan(4);
  });
});
