import type { MiddlewareHandler } from 'hono';
import { mayCarryBody } from './may-carry-body.ts';
import { problem } from './problem.ts';

/**
 * Receives a request's whole body, within `deadlineMs` of starting to read it, before anything below opens a
 * database transaction: a client that sends its body slowly (or announces a Content-Length and stops) holds a
 * socket and a little memory, never the database's connection. Past the deadline it answers 408
 * `http.request-timeout` and closes the connection. Later readers (`c.req.json()`, `formData()`, the raw
 * stream) read the received bytes. Runs after the body-size limit, so at most that much is held per request.
 *
 * @example
 * ```ts
 * app.use('/api/*', limitBodySize(config.maxBodyBytes));
 * app.use('/api/*', receiveBodyFirst(config.bodyDeadlineMs));
 * ```
 */
export function receiveBodyFirst(deadlineMs: number): MiddlewareHandler {
  return async (c, next) => {
    const raw = c.req.raw;
    if (raw.method === 'GET' || raw.method === 'HEAD' || !mayCarryBody(c) || !raw.body) return next();
    const body = await readWithin(raw.body, deadlineMs).catch((error: unknown) => {
      if (error instanceof DeadlinePassed) {
        c.header('connection', 'close');
        throw problem('http.request-timeout').withHeaders({ connection: 'close' });
      }
      if (error instanceof Error && error.name === 'BodyLimitError') throw error; // limitBodySize answers 413
      throw problem('http.bad-request'); // the client went away or sent a broken body
    });
    c.req.raw = new Request(raw.url, {
      method: raw.method,
      headers: raw.headers,
      body: body as NonNullable<RequestInit['body']>,
      signal: raw.signal,
    });
    await next();
  };
}

class DeadlinePassed extends Error {}

async function readWithin(stream: ReadableStream<Uint8Array>, deadlineMs: number): Promise<Uint8Array> {
  const reader = stream.getReader();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlinePassed()), deadlineMs);
  });
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), deadline]);
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } catch (error) {
    void reader.cancel().catch(() => {});
    throw error;
  } finally {
    clearTimeout(timer);
  }
  if (chunks.length === 1) return chunks[0]!;
  const whole = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.byteLength;
  }
  return whole;
}
