import { networkProblem, problemFromResponse } from './problem.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiClientOptions {
  /** Prefix for every path; '' means the page's own origin, where the API serves the frontends. */
  baseUrl?: string;
  fetch?: typeof fetch;
}

const SAFE_METHODS: ReadonlySet<HttpMethod> = new Set(['GET']);

/**
 * A small JSON client for the Xinqiao API: sends the session cookie, adds the `x-csrf-token` header to every
 * state-changing request, and throws {@link ApiProblem} for any non-2xx answer.
 *
 * @example
 * const client = new ApiClient();
 * client.csrfToken = me.csrfToken;
 * await client.put('/api/student-affairs/enrolment', { enrolment: 30000 });
 */
export class ApiClient {
  /** The synchronizer token of the current session (from login or `/api/auth/me`). */
  csrfToken: string | null = null;
  /** Called when the API answers 401, so the shell can send the user back to the login page. */
  onUnauthorized: (() => void) | null = null;
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;

  constructor(options: ApiClientOptions = {}) {
    this.baseUrl = options.baseUrl ?? '';
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  /**
   * GET a JSON resource. `quiet401` keeps a 401 from calling {@link onUnauthorized} (for requests made before it is
   * known whether anyone is signed in).
   */
  get<T>(path: string, signal?: AbortSignal, options: { quiet401?: boolean } = {}): Promise<T> {
    return this.request<T>('GET', path, undefined, signal, options);
  }

  /** POST a JSON body. */
  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  /** PUT a JSON body. */
  put<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('PUT', path, body);
  }

  /** PATCH a JSON body. */
  patch<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('PATCH', path, body);
  }

  /** DELETE a resource. */
  delete<T>(path: string): Promise<T> {
    return this.request<T>('DELETE', path);
  }

  /** Sends one request and returns the parsed JSON body (undefined for 204). */
  async request<T>(
    method: HttpMethod,
    path: string,
    body?: unknown,
    signal?: AbortSignal,
    options: { quiet401?: boolean } = {},
  ): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (!SAFE_METHODS.has(method) && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    let res: Response;
    try {
      res = await this.fetchImpl(this.baseUrl + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
        signal,
      });
    } catch (cause) {
      throw networkProblem(cause);
    }
    if (!res.ok) {
      if (res.status === 401 && !options.quiet401) this.onUnauthorized?.();
      throw await problemFromResponse(res);
    }
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

/** The client every module uses; the shell sets its CSRF token after login. */
export const api = new ApiClient();
