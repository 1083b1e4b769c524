// `pnpm start`: builds the server bundle when a source file is newer than it, then runs it (bin/server-bundle.mjs).
import { pathToFileURL } from 'node:url';
import { ensureServerBundle } from './server-bundle.mjs';

const bundle = await ensureServerBundle((line) => console.log(line));
// Stack traces name the TypeScript source.
process.setSourceMapsEnabled(true);
await import(pathToFileURL(bundle).href);
