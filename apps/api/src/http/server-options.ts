import type { Server, ServerOptions } from 'node:http';

/** Node's HTTP timeouts and limits as the API sets them (docs/security.md, "Slow clients"). */
export interface HttpServerSettings {
  /** Headers must arrive within this long of the connection's request starting (Node's default: 60 s). */
  headersTimeoutMs: number;
  /** The whole request, body included, within this long; a backstop behind the app's own body deadline. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this long (Node's default: 5 s). */
  keepAliveTimeoutMs: number;
  /** How often Node checks the two timeouts above (its default, 30 s, lets a slow client overstay by that much). */
  connectionsCheckingIntervalMs: number;
  /** Headers read per request; more are dropped (Node's default: 2,000). */
  maxHeadersCount: number;
}

/**
 * The settings for an API whose bodies must arrive within `bodyDeadlineMs` (AppConfig.bodyDeadlineMs): Node's
 * request timeout ends a request 15 s after the app's own deadline would have, headers get 15 s.
 *
 * @example
 * ```ts
 * const settings = httpServerSettings(config.bodyDeadlineMs);
 * const server = serve({ fetch: app.fetch, port, serverOptions: serverOptionsOf(settings) });
 * tuneHttpServer(server as Server, settings);
 * ```
 */
export function httpServerSettings(bodyDeadlineMs: number): HttpServerSettings {
  return {
    headersTimeoutMs: 15_000,
    requestTimeoutMs: bodyDeadlineMs + 15_000,
    keepAliveTimeoutMs: 10_000,
    connectionsCheckingIntervalMs: 2_000,
    maxHeadersCount: 200,
  };
}

/** The options `http.createServer` takes from {@link HttpServerSettings} (some exist only as options). */
export function serverOptionsOf(settings: HttpServerSettings): ServerOptions {
  return {
    headersTimeout: settings.headersTimeoutMs,
    requestTimeout: settings.requestTimeoutMs,
    keepAliveTimeout: settings.keepAliveTimeoutMs,
    connectionsCheckingInterval: settings.connectionsCheckingIntervalMs,
  };
}

/** Sets the settings on a created server too (the properties win over the options on every Node version). */
export function tuneHttpServer(server: Server, settings: HttpServerSettings): void {
  server.headersTimeout = settings.headersTimeoutMs;
  server.requestTimeout = settings.requestTimeoutMs;
  server.keepAliveTimeout = settings.keepAliveTimeoutMs;
  server.maxHeadersCount = settings.maxHeadersCount;
}
