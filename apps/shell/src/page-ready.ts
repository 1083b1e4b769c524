/**
 * The page's own content first. What the layout asks the API for on every page (the navigation's work counts, the
 * bell's notifications) waits until the page shown has rendered (a module's first render, My work's list), at most
 * {@link PAGE_READY_WAIT_MS}: on PGlite the API runs one query at a time, and a module's manifest and chunks queued
 * behind those two queries (a cold module rendered ~400 ms later; issue 15.6).
 */
export const PAGE_READY_WAIT_MS = 1500;

let ready: Promise<void> = Promise.resolve();
let settle: () => void = () => undefined;

/** A page change began (the router calls it): work deferred from now on waits for {@link pageRendered}. */
export function pageChanging(): void {
  ready = new Promise<void>((resolve) => {
    settle = resolve;
    setTimeout(resolve, PAGE_READY_WAIT_MS);
  });
}

/** The page's content is on screen (or its error is): deferred work may go. */
export function pageRendered(): void {
  settle();
}

/** Resolves when the current page has rendered, or after the wait. */
export function afterPageRendered(): Promise<void> {
  return ready;
}
