import { parseYearSchedule, type YearSchedule } from '../schedule';
import cn2025 from './cn-2025.json' with { type: 'json' };
import cn2026 from './cn-2026.json' with { type: 'json' };

/**
 * The State Council's holiday schedules shipped with Xinqiao (国务院办公厅《关于YYYY年部分节假日安排的通知》).
 * A year is added when its notice is published, usually in November of the year before; 2027 is not out yet.
 */
export const officialSchedules: readonly YearSchedule[] = [
  parseYearSchedule(cn2025),
  parseYearSchedule(cn2026),
];
