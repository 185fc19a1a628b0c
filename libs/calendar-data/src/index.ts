export {
  loadCalendar,
  CALENDAR_FILE_NAME,
  type LoadCalendarOptions,
  type LoadedCalendar,
} from './load-calendar';
export { readCalendarFile, parseCalendarFile, CalendarFileError } from './calendar-file';
export {
  packageSchedule,
  holidayName,
  lunarYearFacts,
  provisionalYears,
  type PackageSchedule,
} from './chinese-days-schedule';
