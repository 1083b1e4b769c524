export {
  ACADEMIC_YEAR_FIRST_MONTH,
  type AcademicYear,
  type AcademicYearLocale,
  academicDate,
  academicYear,
  academicYearLabel,
  academicYearOf,
} from './academic-year';
export {
  type CalendarOptions,
  type DayInfo,
  type DayKind,
  type DayOverride,
  WorkingDayCalendar,
} from './calendar';
export {
  addCalendarDays,
  chinaToday,
  type DateInput,
  type IsoDate,
  isIsoDate,
  toChinaDate,
} from './iso-date';
export {
  CalendarDataError,
  type HolidayRange,
  type LocalizedName,
  type MakeUpWorkday,
  parseYearSchedule,
  type ScheduleSource,
  type YearSchedule,
} from './schedule';
export { officialSchedules } from './schedules/index';
