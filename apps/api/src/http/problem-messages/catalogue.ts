import type { ProblemCode, ProblemParams } from './codes.ts';
import type { TextOf } from './kind.ts';
import type { MessageCode, MessageParams } from './message-codes.ts';

/** The texts of one problem code in one language: a title for the kind, a detail for this occurrence. */
export interface ProblemTexts<C extends ProblemCode> {
  readonly title: string;
  readonly detail: TextOf<ProblemParams<C>>;
}

/**
 * Every text of the API's problems and messages in one language. Mapped over every code, so a code without its
 * texts in a language, or with texts that read a parameter the code does not have, fails to compile.
 */
export interface Catalogue {
  readonly problems: { readonly [C in ProblemCode]: ProblemTexts<C> };
  readonly messages: { readonly [C in MessageCode]: TextOf<MessageParams<C>> };
}

/** The texts of one area (a module) in one language; a language's index puts its areas together. */
export interface CataloguePart {
  readonly problems: Partial<Catalogue['problems']>;
  readonly messages: Partial<Catalogue['messages']>;
}
