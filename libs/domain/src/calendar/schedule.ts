import type { LegalDate } from '@accord/events';
import { isWeekendDayNumber, tryDayNumber } from './civil-date';

/** One year of the State Council's holiday arrangement (国务院办公厅关于部分节假日安排的通知). */
export interface YearSchedule {
  /** Statutory rest days: date → name, e.g. `国庆节 National Day`. Weekend days inside a holiday may be listed. */
  readonly holidays: Readonly<Record<LegalDate, string>>;
  /** Make-up working days (调休): weekend days on which people work. */
  readonly workdays: readonly LegalDate[];
  /** Where this year came from, e.g. `chinese-days 1.5.7` or `data/calendar.json`. */
  readonly source: string;
  /**
   * True for a year without an official arrangement: only the statutory holidays the national rules
   * fix by themselves (computed from the lunar calendar and solar terms) are known, not the bridging
   * days and make-up working days (调休) the State Council will set. Deadlines touching it are provisional.
   */
  readonly provisional?: boolean;
}

/** The calendar as data. A year absent here falls back to weekends only, and explanations say so. */
export interface CalendarSchedule {
  /** By year, `YYYY`. */
  readonly years: Readonly<Record<string, YearSchedule>>;
}

export interface ScheduleProblem {
  readonly year: string;
  /** The offending entry (a date or a field), so that staff can find it in their file. */
  readonly entry: string;
  readonly en: string;
  readonly zh: string;
}

const YEAR_PATTERN = /^\d{4}$/;

/** Every reason a schedule cannot be trusted; empty when it is sound. Shared by the domain and the loader. */
export function scheduleProblems(schedule: CalendarSchedule): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  for (const [year, data] of Object.entries(schedule.years)) {
    if (!YEAR_PATTERN.test(year) || year === '0000') {
      problems.push({ year, entry: year, en: 'is not a year (YYYY)', zh: '不是有效年份（YYYY）' });
      continue;
    }
    const checkDate = (date: string, what: 'holiday' | 'workday'): number | undefined => {
      const n = tryDayNumber(date);
      if (n === undefined) {
        problems.push({
          year,
          entry: `${what} ${JSON.stringify(date)}`,
          en: 'is not a real date (YYYY-MM-DD)',
          zh: '不是真实存在的日期（YYYY-MM-DD）',
        });
        return undefined;
      }
      if (!date.startsWith(`${year}-`)) {
        problems.push({
          year,
          entry: `${what} ${date}`,
          en: `lies outside the year ${year}`,
          zh: `不在 ${year} 年内`,
        });
        return undefined;
      }
      return n;
    };
    for (const [date, name] of Object.entries(data.holidays)) {
      checkDate(date, 'holiday');
      if (typeof name !== 'string' || name.trim() === '') {
        problems.push({
          year,
          entry: `holiday ${date}`,
          en: 'needs a name, e.g. "国庆节 National Day"',
          zh: '缺少节日名称，例如 "国庆节 National Day"',
        });
      }
    }
    const seen = new Set<string>();
    for (const date of data.workdays) {
      const n = checkDate(date, 'workday');
      if (n === undefined) continue;
      if (seen.has(date)) {
        problems.push({ year, entry: `workday ${date}`, en: 'is listed twice', zh: '重复列出' });
      }
      seen.add(date);
      if (!isWeekendDayNumber(n)) {
        problems.push({
          year,
          entry: `workday ${date}`,
          en: 'is not a Saturday or Sunday, so it cannot be a make-up working day (调休)',
          zh: '不是周六或周日，不能作为调休上班日',
        });
      }
      if (Object.prototype.hasOwnProperty.call(data.holidays, date)) {
        problems.push({
          year,
          entry: `workday ${date}`,
          en: 'is also listed as a holiday',
          zh: '同时被列为节假日',
        });
      }
    }
  }
  return problems;
}

export function describeProblem(problem: ScheduleProblem): string {
  return `${problem.year}: ${problem.entry} ${problem.en} (${problem.zh})`;
}

/** A schedule that cannot be trusted: the calendar refuses it rather than miscount deadlines. */
export class CalendarScheduleError extends Error {
  readonly code = 'CALENDAR_SCHEDULE_INVALID';
  constructor(
    readonly problems: readonly ScheduleProblem[],
    where = 'calendar schedule',
  ) {
    super(
      `${where} is invalid (日历数据无效):\n${problems.map((p) => `  - ${describeProblem(p)}`).join('\n')}`,
    );
    this.name = 'CalendarScheduleError';
  }
}
