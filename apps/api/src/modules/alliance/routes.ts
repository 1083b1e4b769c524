import { createRouter } from '../../http/router.ts';
import { scoringRoutes } from './routes/scoring.ts';
import { structureRoutes } from './routes/structure.ts';
import { termRoutes } from './routes/term.ts';

/**
 * The peer alliance (朋辈互助联盟) under /api/alliance: structure (departments, terms, members, events, tasks),
 * scoring (check-ins, leave, tasks, ratings, rewards, corrections) priced by the school's plugin into an append-only
 * ledger, and the term (standings, sanctions, ledgers, re-pricing, XLSX export). See docs/alliance.md.
 */
export const allianceRoutes = createRouter()
  .route('/', structureRoutes)
  .route('/', scoringRoutes)
  .route('/', termRoutes);
