// Entry of the parsing thread: a worker starts as plain Node.js, so it registers tsx (as `pnpm start` does for the
// API) before loading the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
