import type { paths } from '@xinqiao/api-contract';
import createClient, { type FetchResponse, type MaybeOptionalInit } from 'openapi-fetch';
import type {
  MediaType,
  PathsWithMethod,
  RequiredKeysOf,
  HttpMethod as Verb,
} from 'openapi-typescript-helpers';
import { currentLocale } from '../i18n/index.ts';
import { networkProblem, problemFromBody } from './problem.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a typed call may add to openapi-fetch's options. */
export interface CallOptions {
  /** Keep a 401 from calling `onUnauthorized` (for requests made before anyone is known to be signed in). */
  quiet401?: boolean;
}

type Answer<T> = [T] extends [never] ? undefined : T;

/**
 * The body a successful call of `path` with `method` answers, from the generated contract (undefined for 204).
 *
 * @example
 * type Me = ApiAnswer<'get', '/api/auth/me'>;
 */
export type ApiAnswer<M extends Verb, P extends PathsWithMethod<paths, M>> = Answer<
  NonNullable<
    FetchResponse<Extract<paths[P][M], Record<string | number, unknown>>, unknown, MediaType>['data']
  >
>;

// The options argument may be left out exactly when nothing in it is required (as in openapi-fetch).
type InitArgs<Init> = RequiredKeysOf<Init> extends never ? [(Init & CallOptions)?] : [Init & CallOptions];

/** One typed method of the client: a path of the contract, its params and body, its success body back. */
export type TypedCall<M extends Verb> = <
  P extends PathsWithMethod<paths, M>,
  I extends MaybeOptionalInit<paths[P], M>,
>(
  path: P,
  ...init: InitArgs<I>
) => Promise<ApiAnswer<M, P>>;

interface UntypedFetchClient {
  request(
    method: string,
    path: string,
    init?: object,
  ): Promise<{ data?: unknown; error?: unknown; response: Response }>;
  use(middleware: { onRequest(options: { request: Request }): void }): void;
}

export interface ApiClientOptions {
  /** Prefix for every path; '' means the page's own origin, where the API serves the frontends. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** The language the API should answer its problems in; default: the page's current locale. */
  locale?: () => string;
}

const SAFE_METHODS: ReadonlySet<HttpMethod> = new Set(['GET']);

/**
 * The client of the Xinqiao API, typed by the generated contract (`@xinqiao/api-contract`) through openapi-fetch:
 * sends the session cookie and the UI's language (`Accept-Language`, so problems come back in the language shown),
 * adds the `x-csrf-token` header to every state-changing request, answers the success body, and throws
 * {@link ApiProblem} for any non-2xx answer (calling `onUnauthorized` on 401).
 *
 * @example
 * const client = new ApiClient();
 * client.csrfToken = me.csrfToken;
 * const year = await client.PUT('/api/student-affairs/enrolment', { body: { academicYear: 2025, enrolment: 30000 } });
 * const unit = await client.GET('/api/units/{id}', { params: { path: { id } } });
 */
export class ApiClient {
  /** The synchronizer token of the current session (from login or `/api/auth/me`). */
  csrfToken: string | null = null;
  /** Called when the API answers 401, so the shell can send the user back to the login page. */
  onUnauthorized: (() => void) | null = null;
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;
  private readonly locale: () => string;
  private readonly contract: UntypedFetchClient;

  /** GET a path of the contract. */
  readonly GET = ((path: string, init?: object) => this.call('get', path, init)) as TypedCall<'get'>;
  /** POST to a path of the contract. */
  readonly POST = ((path: string, init?: object) => this.call('post', path, init)) as TypedCall<'post'>;
  /** PUT to a path of the contract. */
  readonly PUT = ((path: string, init?: object) => this.call('put', path, init)) as TypedCall<'put'>;
  /** PATCH a path of the contract. */
  readonly PATCH = ((path: string, init?: object) => this.call('patch', path, init)) as TypedCall<'patch'>;
  /** DELETE a path of the contract. */
  readonly DELETE = ((path: string, init?: object) => this.call('delete', path, init)) as TypedCall<'delete'>;

  constructor(options: ApiClientOptions = {}) {
    this.baseUrl = options.baseUrl ?? '';
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.locale = options.locale ?? (() => currentLocale.value);
    this.contract = createClient<paths>({
      baseUrl: this.baseUrl,
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
      fetch: (request) => this.fetchImpl(request),
    }) as unknown as UntypedFetchClient;
    this.contract.use({
      onRequest: ({ request }) => {
        request.headers.set('accept-language', this.locale());
        if (!SAFE_METHODS.has(request.method as HttpMethod) && this.csrfToken) {
          request.headers.set('x-csrf-token', this.csrfToken);
        }
      },
    });
  }

  private async call(method: Verb, path: string, init: (object & CallOptions) | undefined): Promise<unknown> {
    const { quiet401, ...options } = init ?? {};
    let answer: Awaited<ReturnType<UntypedFetchClient['request']>>;
    try {
      answer = await this.contract.request(method, path, options);
    } catch (cause) {
      throw networkProblem(cause);
    }
    const { response } = answer;
    if (response.ok) return answer.data;
    if (response.status === 401 && !quiet401) this.onUnauthorized?.();
    throw problemFromBody(answer.error, response);
  }
}

/** The client every module uses; the shell sets its CSRF token after login. */
export const api = new ApiClient();
