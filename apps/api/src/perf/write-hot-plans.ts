// `pnpm --filter @xinqiao/api plans:write`: rewrites hot-plans.txt from a freshly seeded PGlite.
import { readFileSync, writeFileSync } from 'node:fs';
import { collectHotPlans, HOT_PLANS_PATH } from './hot-plans.ts';

const plans = await collectHotPlans();
let previous = '';
try {
  previous = readFileSync(HOT_PLANS_PATH, 'utf8');
} catch {
  // first run: nothing to compare with
}
writeFileSync(HOT_PLANS_PATH, plans);
console.log(previous === plans ? `${HOT_PLANS_PATH} unchanged` : `${HOT_PLANS_PATH} written`);
