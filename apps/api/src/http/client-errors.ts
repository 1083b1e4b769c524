import { maxHeaderSize } from 'node:http';
import type { Server } from 'node:net';
import type { Duplex } from 'node:stream';
import { type ProblemError, problem, renderProblem } from './problem.ts';

/**
 * Answers the requests Node's HTTP parser refuses before the app sees them as problem+json, like every other
 * error: headers over Node's limit (`--max-http-header-size`, 16 KiB by default) 431 `http.headers-too-large`,
 * a request not received within `requestTimeout`/`headersTimeout` 408 `http.request-timeout`, anything else
 * unparsable 400 `http.bad-request`. The headers were not read, so the answer is in the default language (zh-CN).
 *
 * @example
 * ```ts
 * const server = serve({ fetch: app.fetch, port });
 * answerClientErrors(server);
 * ```
 */
export function answerClientErrors(server: Pick<Server, 'on'>): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || (socket as Duplex & { _httpMessage?: unknown })._httpMessage) {
      socket.destroy();
      return;
    }
    socket.end(rawProblemResponse(problemOf(error)));
  });
}

function problemOf(error: NodeJS.ErrnoException): ProblemError {
  if (error.code === 'HPE_HEADER_OVERFLOW')
    return problem('http.headers-too-large', { maxKiB: Math.floor(maxHeaderSize / 1024) });
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return problem('http.request-timeout');
  return problem('http.bad-request');
}

function rawProblemResponse(error: ProblemError): string {
  const body = JSON.stringify(renderProblem(error, 'zh-CN'));
  const reason = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };
  return [
    `HTTP/1.1 ${error.status} ${reason[error.status as keyof typeof reason] ?? 'Bad Request'}`,
    'Content-Type: application/problem+json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}
