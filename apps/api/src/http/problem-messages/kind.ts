import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** A value a message may be filled in with: words, numbers, a yes or no, or a list the text joins the way its language does. */
export type ParamValue = string | number | boolean | readonly string[] | undefined;

/** The named parameters of a message. */
export type Params = { readonly [name: string]: ParamValue };

/** The parameters of a message that takes none. */
export type NoParams = Record<never, never>;

declare const paramsOf: unique symbol;

/** A kind of problem: its HTTP status, and (as a type only) the parameters its texts are filled in with. */
export interface ProblemKind<P extends Params> {
  readonly status: ContentfulStatusCode;
  readonly [paramsOf]?: P;
}

/** A kind of field or row message: (as a type only) the parameters its text is filled in with. */
export interface MessageKind<P extends Params> {
  readonly [paramsOf]?: P;
}

/**
 * Declares a problem kind in the table of problem codes.
 *
 * @example
 * const problemKinds = { 'screening.wave-not-open': problemKind<{ wave: string }>(409) };
 */
export function problemKind<P extends Params = NoParams>(status: ContentfulStatusCode): ProblemKind<P> {
  return { status };
}

/**
 * Declares a field or row message kind in the table of message codes.
 *
 * @example
 * const messageKinds = { 'people.username-taken': messageKind() };
 */
export function messageKind<P extends Params = NoParams>(): MessageKind<P> {
  return {};
}

/** A text that takes no parameters is written as is; one that takes some is a function of them. */
export type TextOf<P extends Params> = [keyof P] extends [never] ? string : (params: P) => string;

/** `[params?]` for a message whose parameters may all be left out, else `[params]`: a forgotten one fails to compile. */
export type ParamsArgs<P extends Params> = NoParams extends P ? [params?: P] : [params: P];
