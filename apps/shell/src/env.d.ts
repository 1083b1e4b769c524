/** Versions of the shared singletons, read from node_modules at build time (see shared-versions.ts). */
declare const __XQ_SHARED_VERSIONS__: Record<string, string>;
