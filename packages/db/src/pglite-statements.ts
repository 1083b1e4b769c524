import {
  type PGlite,
  parse,
  protocol,
  type QueryOptions,
  type Results,
  type Transaction,
} from '@electric-sql/pglite';

/** How many statements one database keeps prepared; the least recently used is closed beyond it. */
const CAPACITY = 400;

type BackendMessage = Awaited<ReturnType<PGlite['execProtocolStream']>>[number];

interface Prepared {
  name: string;
  /** The parameters' type oids, as PostgreSQL inferred them: how each value is serialised. */
  paramTypes: number[];
}

/** PGlite's internals this relies on (public methods with an underscore, kept by PGlite for its own wrappers). */
interface PGliteInternals {
  _checkReady(): Promise<void>;
  _runExclusiveQuery<T>(work: () => Promise<T>): Promise<T>;
  _runExclusiveTransaction<T>(work: () => Promise<T>): Promise<T>;
}

/**
 * PGlite with every parameterised statement sent as a named prepared statement, as `preparedStatements` does for
 * the PostgreSQL server. PGlite's `query` parses and plans each statement again (an unnamed statement), and on the
 * hot routes planning took 5–30 ms a statement against well under 1 ms to run it: the RLS policies of four or five
 * joined tables are planned into every statement (`pnpm --filter @xinqiao/api plans:profile`). A named statement is
 * parsed once, and after a few runs PostgreSQL keeps a generic plan; the policies read the caller's scope with
 * current_setting() when the plan runs, and PostgreSQL plans again when the role changes, so a cached plan answers
 * exactly as a fresh one. Each statement runs the steps PGlite's own `query` runs (bind, describe, execute, sync)
 * and is parsed into results by PGlite's own parser; statements without parameters, and COPY with a blob, go
 * through PGlite unchanged. The least recently used statement is closed past {@link CAPACITY}.
 *
 * @example
 * const orm = drizzle(namedStatements(await PGlite.create()));
 */
export function namedStatements(pg: PGlite): PGlite {
  const internals = pg as unknown as PGliteInternals;
  const cache = new Map<string, Prepared>();
  let counter = 0;
  const send = (message: Uint8Array) => pg.execProtocolStream(message, { syncToFs: false });

  async function prepare(text: string): Promise<{ prepared: Prepared; messages: BackendMessage[] }> {
    const known = cache.get(text);
    if (known) {
      // Most recently used last: a Map keeps insertion order.
      cache.delete(text);
      cache.set(text, known);
      return { prepared: known, messages: [] };
    }
    const name = `xq_${(counter++).toString(36)}`;
    const messages = await send(protocol.serialize.parse({ name, text }));
    const described = await send(protocol.serialize.describe({ type: 'S', name }));
    const parameters = described.find((m) => m.name === 'parameterDescription') as
      | { dataTypeIDs: number[] }
      | undefined;
    const prepared = { name, paramTypes: parameters?.dataTypeIDs ?? [] };
    cache.set(text, prepared);
    if (cache.size > CAPACITY) {
      const [oldest, evicted] = cache.entries().next().value as [string, Prepared];
      cache.delete(oldest);
      await send(protocol.serialize.close({ type: 'S', name: evicted.name }));
    }
    return { prepared, messages };
  }

  function serialise(values: readonly unknown[], types: readonly number[], options?: QueryOptions) {
    const serializers = pg.serializers as Record<number, (value: unknown) => string>;
    return values.map((value, i) => {
      if (value === null || value === undefined) return null;
      const type = types[i]!;
      const serializer = options?.serializers?.[type] ?? serializers[type];
      return serializer ? serializer(value) : String(value);
    });
  }

  /** One statement, with the query lock held, in or out of a transaction. */
  function run<T>(text: string, params: readonly unknown[], options?: QueryOptions): Promise<Results<T>> {
    return exchange<T>(text, params, options, async () => {
      try {
        const { prepared, messages } = await prepare(text);
        return [
          ...messages,
          ...(await send(
            protocol.serialize.bind({
              statement: prepared.name,
              values: serialise(params, prepared.paramTypes, options),
            }),
          )),
          ...(await send(protocol.serialize.describe({ type: 'P' }))),
          ...(await send(protocol.serialize.execute({}))),
        ];
      } catch (error) {
        // A statement that failed is parsed again next time (a changed table can make its plan unusable).
        cache.delete(text);
        throw error;
      }
    });
  }

  /**
   * Sends a statement's messages (`steps`), then Sync whatever happened, and parses the answers with the query's
   * parsers over PGlite's ({@link parsersOf}); a failure carries the statement, as PGlite's own errors do.
   */
  async function exchange<T>(
    text: string,
    params: readonly unknown[],
    options: QueryOptions | undefined,
    steps: () => Promise<BackendMessage[]>,
  ): Promise<Results<T>> {
    const messages: BackendMessage[] = [];
    try {
      messages.push(...(await steps()));
    } catch (error) {
      throw Object.assign(error as object, { query: text, params, queryOptions: options });
    } finally {
      messages.push(...(await send(protocol.serialize.sync())));
    }
    return parse.parseResults(messages, parsersOf(options), {
      ...options,
      parsers: undefined,
    })[0] as Results<T>;
  }

  // The query's own parsers over PGlite's, without copying them: given both, parseResults spreads PGlite's ~400
  // parsers (one per type, array types included) into a new object for every statement, 0.1 ms each, 1.5 ms of a
  // My work request. A lookup falls through to the prototype instead.
  function parsersOf(options: QueryOptions | undefined): PGlite['parsers'] {
    if (!options?.parsers) return pg.parsers;
    return Object.assign(Object.create(pg.parsers) as PGlite['parsers'], options.parsers);
  }

  /**
   * A statement without parameters, unnamed (parsed and planned each time, so text built per call never fills the
   * cache), with the same steps and the same parsers as {@link run}: PGlite's own `query` would copy its ~400 type
   * parsers for each (see parsersOf), and the role switch and the settings sent ahead are such statements.
   */
  function runUnnamed<T>(text: string, options?: QueryOptions): Promise<Results<T>> {
    return exchange<T>(text, [], options, async () => [
      ...(await send(protocol.serialize.parse({ text }))),
      ...(await send(protocol.serialize.bind({ values: [] }))),
      ...(await send(protocol.serialize.describe({ type: 'P' }))),
      ...(await send(protocol.serialize.execute({}))),
    ]);
  }

  const named = (params: unknown[] | undefined) => params !== undefined && params.length > 0;
  const runAny = <T>(text: string, params: unknown[] | undefined, options?: QueryOptions) =>
    named(params) ? run<T>(text, params!, options) : runUnnamed<T>(text, options);

  async function query<T>(text: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    if (options?.blob) return pg.query<T>(text, params, options);
    await internals._checkReady();
    const results = await internals._runExclusiveTransaction(() =>
      internals._runExclusiveQuery(() => runAny<T>(text, params, options)),
    );
    await pg.syncToFs();
    return results;
  }

  function inTransaction(tx: Transaction): Transaction {
    return new Proxy(tx, {
      get(target, property, receiver) {
        if (property === 'query') {
          return <T>(text: string, params?: unknown[], options?: QueryOptions) => {
            if (target.closed) throw new Error('Transaction is closed');
            if (options?.blob) return target.query<T>(text, params, options);
            return internals._runExclusiveQuery(() => runAny<T>(text, params, options));
          };
        }
        return Reflect.get(target, property, receiver);
      },
    });
  }

  return new Proxy(pg, {
    get(target, property, receiver) {
      if (property === 'query') return query;
      if (property === 'transaction') {
        return <T>(work: (tx: Transaction) => Promise<T>) =>
          target.transaction((tx) => work(inTransaction(tx)));
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
