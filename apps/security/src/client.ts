/** The demo accounts' password (README, "Demo accounts"). */
export const DEMO_PASSWORD = 'Xinqiao-demo-2026';

/** A signed-in demo account: its cookie and CSRF token. */
export interface Session {
  school: string;
  username: string;
  role: string;
  cookie: string;
  csrfToken: string;
}

/** Signs in through `POST /api/auth/login`; throws with the answer when it is not 200. */
export async function signIn(base: string, school: string, username: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ school, username, password: DEMO_PASSWORD }),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`login ${school}/${username}: ${res.status} ${text.slice(0, 300)}`);
  const body = JSON.parse(text) as { csrfToken: string; roles: { role: string }[] };
  const cookie = (res.headers.getSetCookie?.() ?? [res.headers.get('set-cookie') ?? ''])
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('xq_session='));
  if (!cookie) throw new Error(`login ${school}/${username}: no session cookie`);
  return { school, username, role: body.roles[0]?.role ?? '?', cookie, csrfToken: body.csrfToken };
}

/** Headers that authenticate a request as `session` (cookie, CSRF token, same-origin). */
export function authHeaders(base: string, session: Session | undefined, extra: Record<string, string> = {}) {
  return {
    origin: base,
    ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
    ...extra,
  };
}

/** `fetch` as `session`; a plain object body is sent as JSON. */
export async function call(
  base: string,
  session: Session | undefined,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<Response> {
  const isRaw =
    init.body === undefined ||
    typeof init.body === 'string' ||
    init.body instanceof Uint8Array ||
    init.body instanceof FormData;
  return fetch(`${base}${path}`, {
    method: init.method ?? 'GET',
    headers: authHeaders(base, session, {
      ...(isRaw ? {} : { 'content-type': 'application/json' }),
      ...init.headers,
    }),
    body: isRaw ? (init.body as BodyInit | undefined) : JSON.stringify(init.body),
    signal: AbortSignal.timeout(init.timeoutMs ?? 60_000),
  });
}

/** The JSON of a response after checking its status. */
// biome-ignore lint/suspicious/noExplicitAny: the suite reads the API's JSON loosely
export async function expectJson(res: Response, status: number, what: string): Promise<any> {
  const text = await res.text();
  if (res.status !== status)
    throw new Error(`${what}: expected ${status}, got ${res.status}: ${text.slice(0, 400)}`);
  return text ? JSON.parse(text) : undefined;
}

/** Percentiles of a list of latencies (ms). */
export function percentiles(values: number[]): { n: number; p50: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    n: sorted.length,
    p50: Math.round(at(0.5)),
    p99: Math.round(at(0.99)),
    max: Math.round(sorted.at(-1) ?? 0),
  };
}
