import { createRouter } from '../../http/router.ts';
import { calendarRoutes } from './calendar/routes.ts';
import { importRoutes } from './import/routes.ts';
import { resultRoutes } from './results/routes.ts';
import { waveRoutes } from './waves/routes.ts';

/**
 * Screening under /api/screening: waves (cadence proposals, create, open/close, completion), imports (background,
 * with progress and row errors), results and tier tables, a student's history, follow-ups, counts and the school's
 * working-day calendar. Center staff manage and see scores; counsellors and station heads see tiers, reasons and
 * follow-ups in their part of the network; class committee members and dorm liaisons get 403 everywhere.
 */
export const screeningRoutes = createRouter()
  .route('/', waveRoutes)
  .route('/', importRoutes)
  .route('/', resultRoutes)
  .route('/', calendarRoutes);
