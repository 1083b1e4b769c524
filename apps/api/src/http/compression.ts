import type { Context, MiddlewareHandler } from 'hono';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX, compress } from 'hono/compress';

/** Bodies smaller than this go out as they are: gzip saves too little on them to pay for itself. */
export const COMPRESS_MIN_BYTES = 1024;

/**
 * Text the platform answers with, except event streams: compressing one holds its events back until a block of
 * compressed output fills, which breaks live progress.
 */
function isCompressible(type: string): boolean {
  return COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type) && !/^\s*text\/event-stream/i.test(type);
}

const JSON_TYPE = /^\s*application\/(?:[a-z0-9.+-]*\+)?json(?:[;\s]|$)/i;

/**
 * Gives a JSON body its Content-Length. `c.json()` leaves it out, and without it the size threshold cannot tell a
 * 40-byte answer from a 400 KB list. JSON is always a whole value in memory here (never streamed), so measuring
 * costs one copy.
 */
const measureJson: MiddlewareHandler = async (c, next) => {
  jsonWithLength(c);
  await next();
  const res = c.res;
  // The headers first: asking for the body makes @hono/node-server build the whole fetch Response.
  if (res.headers.has('Content-Length') || res.headers.has('Content-Encoding')) return;
  if (!JSON_TYPE.test(res.headers.get('Content-Type') ?? '') || !res.body) return;
  const bytes = new Uint8Array(await res.arrayBuffer());
  c.res = new Response(bytes, res);
  c.res.headers.set('Content-Length', String(bytes.byteLength));
};

/**
 * Makes this request's `c.json()` state its Content-Length, as `c.json()` would answer otherwise. Measuring the
 * answer afterwards ({@link measureJson}) made @hono/node-server turn its light response into a fetch Response, read
 * it back and build another: a tenth of a small list request's CPU (docs/performance.md).
 */
function jsonWithLength(c: Context): void {
  const json = c.json;
  c.json = ((object: unknown, arg?: number | ResponseInit, headers?: Record<string, string | string[]>) => {
    const text = JSON.stringify(object) as string | undefined;
    if (text === undefined) return json(object as never, arg as never, headers as never);
    const length = String(Buffer.byteLength(text));
    return c.body(
      text,
      arg as never,
      {
        'Content-Type': 'application/json',
        ...headers,
        'Content-Length': length,
      } as never,
    );
  }) as typeof c.json;
}

const gzipOrDeflate = compress({ threshold: COMPRESS_MIN_BYTES, contentTypeFilter: isCompressible });

/**
 * Compresses responses of 1 KB or more whose type is text (JSON, problem+json, scripts, HTML) with gzip or
 * deflate, as the request's Accept-Encoding allows, streaming. A response that is already encoded (a static file
 * served from its precompressed `.br`/`.gz` copy), a range, a HEAD, an event stream, binary types (XLSX) and
 * `Cache-Control: no-transform` pass untouched. Headers such as `no-store` are kept.
 *
 * @example
 * ```ts
 * app.use('*', compressResponses()); // first, so it sees every other middleware's final response
 * ```
 */
export function compressResponses(): MiddlewareHandler {
  return (c, next) =>
    gzipOrDeflate(c, async () => {
      await measureJson(c, next);
      varyOnEncoding(c);
    });
}

/**
 * `Vary: Accept-Encoding` on what the compressor may encode, set on the response's own headers before it looks:
 * it sets the header with `c.header()`, which copies a finished response twice to make its headers writable.
 */
function varyOnEncoding(c: Context): void {
  const headers = c.res.headers;
  const length = headers.get('Content-Length');
  if (length !== null && Number(length) < COMPRESS_MIN_BYTES) return;
  if (!isCompressible(headers.get('Content-Type') ?? '')) return;
  const vary = headers.get('Vary');
  if (vary === '*' || (vary && /(^|,)\s*accept-encoding\s*(,|$)/i.test(vary))) return;
  headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
}
