import type { ProblemBody, ProblemFieldError } from '../contract.ts';

/** Status used for failures that never reached the API (network down, CORS, aborted). */
export const NETWORK_FAILURE_STATUS = 0;

/**
 * An RFC 9457 problem answered by the API (or made up for a network failure), thrown by the API client so that
 * screens can show the title, the detail and the fields or rows it names. The API writes them in the language the
 * client asked for, so they are shown as they come; key any logic on `code`, never on the words.
 *
 * @example
 * try { await api.POST('/api/units', { body }) } catch (e) { if (e instanceof ApiProblem && e.status === 400) showFields(e.errors) }
 */
export class ApiProblem extends Error {
  readonly type: string;
  /** The API's stable code of the problem kind (`screening.wave-not-open`); undefined for a network failure. */
  readonly code: string | undefined;
  readonly title: string;
  readonly status: number;
  readonly detail: string | undefined;
  readonly errors: ProblemFieldError[];

  constructor(body: ProblemBody) {
    super(body.detail ? `${body.title}: ${body.detail}` : body.title);
    this.name = 'ApiProblem';
    this.type = body.type ?? 'about:blank';
    this.code = body.code;
    this.title = body.title;
    this.status = body.status;
    this.detail = body.detail;
    this.errors = body.errors ?? [];
  }

  /** True when the request never got an answer from the API. */
  get isNetworkFailure(): boolean {
    return this.status === NETWORK_FAILURE_STATUS;
  }
}

function isProblemBody(value: unknown): value is ProblemBody {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.title === 'string' && typeof v.status === 'number';
}

/**
 * Reads a failed response into an ApiProblem: the problem+json body when the API sent one, otherwise a problem
 * made from the status line so that every failure has a title.
 *
 * @example
 * if (!res.ok) throw await problemFromResponse(res)
 */
export async function problemFromResponse(res: Response): Promise<ApiProblem> {
  const text = await res.text().catch(() => '');
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON (a proxy's HTML error page, say): the status line names the problem.
  }
  return problemFromBody(body, res);
}

/**
 * The ApiProblem of a failed response whose body was already read: the problem+json body when it is one,
 * otherwise a problem made from the status line.
 *
 * @example
 * const { error, response } = await client.GET('/api/x'); if (!response.ok) throw problemFromBody(error, response)
 */
export function problemFromBody(body: unknown, res: Response): ApiProblem {
  if (isProblemBody(body)) return new ApiProblem(body);
  return new ApiProblem({ title: res.statusText || `HTTP ${res.status}`, status: res.status });
}

/**
 * Wraps anything thrown by `fetch` (offline, refused, aborted) as an ApiProblem with status 0.
 *
 * @example
 * fetch(url).catch((e) => { throw networkProblem(e) })
 */
export function networkProblem(cause: unknown): ApiProblem {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new ApiProblem({ title: 'Network error', status: NETWORK_FAILURE_STATUS, detail });
}
