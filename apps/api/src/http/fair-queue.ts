/** What {@link FairQueue} admits and how long a turn may be waited for. */
export interface FairQueueOptions {
  /** Holders at once: 1 for PGlite (one connection), the pool size on PostgreSQL. */
  concurrency: number;
  /** Longest wait for a turn before {@link QueueWaitExceeded} (ms); a waiter may ask for less, never more. */
  maxWaitMs: number;
  /** Waiters at most; one more is refused at once. */
  maxWaiting: number;
  /**
   * Hand each turn over on a later turn of the event loop (PGlite, which answers without I/O); without it a turn
   * is handed over at once (PostgreSQL, whose answers come through sockets: the loop polls between them anyway).
   */
  yieldBetweenTurns?: boolean;
}

/** Thrown to a waiter whose turn did not come within its bound (or when too many wait). */
export class QueueWaitExceeded extends Error {
  override name = 'QueueWaitExceeded';
  constructor(readonly retryAfterSeconds: number) {
    super(`no turn within the wait bound; retry after ${retryAfterSeconds} s`);
  }
}

/** A queue's figures, for tests and logs. */
export interface FairQueueStats {
  holding: number;
  waiting: number;
  keys: number;
  admitted: number;
  refused: number;
  /** Moving average of how long a turn is held (ms). */
  meanHoldMs: number;
  /** The longest turn held so far (ms): what a waiter may have had to wait for, at most, once. */
  maxHoldMs: number;
}

interface Waiter {
  key: string;
  admit: () => void;
  timer: NodeJS.Timeout | undefined;
}

/**
 * A fair gate in front of a scarce resource (the database's connection): at most `concurrency` holders; waiters
 * queue per key (a session, a client address, the background jobs) and keys take turns round-robin, first come
 * first served within a key, so one busy client or a long import cannot starve anybody else. A wait longer than
 * its bound ends in {@link QueueWaitExceeded} with an estimate for `Retry-After` instead of waiting for ever.
 *
 * @example
 * ```ts
 * const queue = new FairQueue({ concurrency: 1, maxWaitMs: 10_000, maxWaiting: 1_000 });
 * const release = await queue.acquire('session:abc');
 * try { await work(); } finally { release(); }
 * ```
 */
export class FairQueue {
  readonly #options: FairQueueOptions;
  /** Keys in turn order (a Map keeps insertion order); a served key moves to the back. */
  readonly #waiting = new Map<string, Waiter[]>();
  #waiters = 0;
  #holding = 0;
  #admitted = 0;
  #refused = 0;
  #meanHoldMs = 20;
  #maxHoldMs = 0;

  constructor(options: FairQueueOptions) {
    if (!(options.concurrency >= 1)) throw new Error('FairQueue: concurrency must be at least 1');
    this.#options = options;
  }

  get options(): Readonly<FairQueueOptions> {
    return this.#options;
  }

  /**
   * Waits for a turn under `key`; resolves with the function that ends it (call it exactly once). `maxWaitMs`
   * (at most the queue's own bound; `Infinity` for background work that must not be refused) bounds the wait.
   */
  acquire(key: string, maxWaitMs = this.#options.maxWaitMs): Promise<() => void> {
    // With yieldBetweenTurns a turn is taken at once (nothing can slip into it) and handed over on a later turn of
    // the event loop, never as a microtask. PGlite answers through promises without I/O, so turns handed over in
    // microtasks ran one request after another without the event loop polling its sockets: at 50 connections a
    // turn of the loop took ~150 ms and the server accepted one new connection per turn, so a connection opened
    // under load waited 1–5 s for its first answer while the open ones were served again and again. On PostgreSQL
    // the deferral only cost throughput (−20% at 4 connections), so it is PGlite's alone.
    const bound = Math.min(maxWaitMs, Number.isFinite(maxWaitMs) ? this.#options.maxWaitMs : Infinity);
    if (this.#holding < this.#options.concurrency && this.#waiters === 0) {
      return this.#handOver(this.#hold());
    }
    if (Number.isFinite(bound) && this.#waiters >= this.#options.maxWaiting) {
      this.#refused++;
      return Promise.reject(new QueueWaitExceeded(this.retryAfterSeconds()));
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        key,
        admit: () => resolve(this.#handOver(this.#hold())),
        timer: undefined,
      };
      if (Number.isFinite(bound)) {
        waiter.timer = setTimeout(() => {
          this.#remove(waiter);
          this.#refused++;
          reject(new QueueWaitExceeded(this.retryAfterSeconds()));
        }, bound);
      }
      const list = this.#waiting.get(key);
      if (list) list.push(waiter);
      else this.#waiting.set(key, [waiter]);
      this.#waiters++;
    });
  }

  /** Seconds after which a refused client may expect a turn: the waiters ahead times the mean hold, at least 1. */
  retryAfterSeconds(): number {
    const ahead = this.#waiters + this.#holding;
    return Math.max(1, Math.ceil((ahead * this.#meanHoldMs) / this.#options.concurrency / 1000));
  }

  stats(): FairQueueStats {
    return {
      holding: this.#holding,
      waiting: this.#waiters,
      keys: this.#waiting.size,
      admitted: this.#admitted,
      refused: this.#refused,
      meanHoldMs: Math.round(this.#meanHoldMs * 10) / 10,
      maxHoldMs: Math.round(this.#maxHoldMs),
    };
  }

  #handOver(release: () => void): Promise<() => void> {
    if (!this.#options.yieldBetweenTurns) return Promise.resolve(release);
    return new Promise((resolve) => setImmediate(() => resolve(release)));
  }

  #hold(): () => void {
    this.#holding++;
    this.#admitted++;
    const started = performance.now();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#holding--;
      const held = performance.now() - started;
      this.#meanHoldMs = this.#meanHoldMs * 0.9 + held * 0.1;
      this.#maxHoldMs = Math.max(this.#maxHoldMs, held);
      this.#next();
    };
  }

  /** Admits waiters while there is room: the first key's first waiter, then that key goes to the back. */
  #next(): void {
    while (this.#holding < this.#options.concurrency && this.#waiters > 0) {
      const [key, list] = this.#waiting.entries().next().value as [string, Waiter[]];
      const waiter = list.shift()!;
      this.#waiting.delete(key);
      if (list.length > 0) this.#waiting.set(key, list);
      this.#waiters--;
      if (waiter.timer) clearTimeout(waiter.timer);
      waiter.admit();
    }
  }

  #remove(waiter: Waiter): void {
    const list = this.#waiting.get(waiter.key);
    const at = list?.indexOf(waiter) ?? -1;
    if (!list || at < 0) return;
    list.splice(at, 1);
    if (list.length === 0) this.#waiting.delete(waiter.key);
    this.#waiters--;
  }
}
