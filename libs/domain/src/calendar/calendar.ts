import type { Instant, LegalDate } from '@accord/events';
import type { DeadlineRule } from '../rules/rule-set';
import {
  calendarError,
  civilFromDayNumber,
  dayNumberFromCivil,
  daysInMonth,
  fromDayNumber,
  isWeekendDayNumber,
  legalDateOf,
  MAX_PERIOD_DAYS,
  toDayNumber,
  yearOfDayNumber,
} from './civil-date';
import { renderExplanation } from './explanation';
import type { DayKind, Deadline, DeadlineExplanation, LegalCalendar, SkippedDay } from './legal-calendar';
import { type CalendarSchedule, CalendarScheduleError, scheduleProblems } from './schedule';

interface ScheduledDay {
  readonly kind: 'holiday' | 'makeup_workday';
  readonly name?: string;
}

export const WEEKENDS_ONLY_SOURCE = 'weekends only — no official schedule loaded';

/**
 * Builds the legal-day calendar from data. Days are looked up by day number in one map, so counting a
 * period costs one lookup per day passed and no string work except for the days it reports.
 */
export function createLegalCalendar(schedule: CalendarSchedule): LegalCalendar {
  const problems = scheduleProblems(schedule);
  if (problems.length > 0) throw new CalendarScheduleError(problems);

  const days = new Map<number, ScheduledDay>();
  const sources = new Map<number, string>();
  const provisionalYears = new Set<number>();
  for (const [year, data] of Object.entries(schedule.years)) {
    sources.set(Number(year), data.source);
    if (data.provisional === true) provisionalYears.add(Number(year));
    for (const [date, name] of Object.entries(data.holidays)) {
      days.set(toDayNumber(date), { kind: 'holiday', name });
    }
    for (const date of data.workdays) days.set(toDayNumber(date), { kind: 'makeup_workday' });
  }

  const kindOf = (n: number): DayKind => {
    const scheduled = days.get(n);
    if (scheduled) return scheduled.kind;
    return isWeekendDayNumber(n) ? 'weekend' : 'workday';
  };

  const isWorking = (n: number): boolean => {
    const kind = kindOf(n);
    return kind === 'workday' || kind === 'makeup_workday';
  };

  const skippedDay = (n: number): SkippedDay => {
    const scheduled = days.get(n);
    return scheduled?.kind === 'holiday' && scheduled.name !== undefined
      ? { date: fromDayNumber(n), reason: 'holiday', name: scheduled.name }
      : { date: fromDayNumber(n), reason: 'weekend' };
  };

  const sourcesFor = (from: number, to: number): string[] =>
    yearsBetween(from, to).map((year) => `${year}: ${sources.get(year) ?? WEEKENDS_ONLY_SOURCE}`);

  return {
    dayKind: (date: LegalDate) => kindOf(toDayNumber(date)),
    isWorkingDay: (date: LegalDate) => isWorking(toDayNumber(date)),
    legalDateOf: (instant: Instant) => legalDateOf(instant),
    deadline(start: LegalDate, rule: DeadlineRule): Deadline {
      const from = toDayNumber(start);
      if (!Number.isInteger(rule.days) || rule.days < 1 || rule.days > MAX_PERIOD_DAYS) {
        throw calendarError('CALENDAR_INVALID_PERIOD', { rule: rule.name, days: rule.days });
      }
      const skipped: SkippedDay[] = [];
      const makeupDaysCounted: LegalDate[] = [];
      let due = from;
      if (rule.counting === 'working') {
        // Only working days count: weekends and holidays pass by, 调休 make-up days count.
        let counted = 0;
        while (counted < rule.days) {
          due++;
          if (isWorking(due)) {
            counted++;
            if (days.get(due)?.kind === 'makeup_workday') makeupDaysCounted.push(fromDayNumber(due));
          } else {
            skipped.push(skippedDay(due));
          }
        }
      } else {
        // Every day counts; a period whose last day is a rest day ends on the next working day.
        due = rule.counting === 'months' ? addMonths(from, rule.days) : from + rule.days;
        while (!isWorking(due)) {
          skipped.push(skippedDay(due));
          due++;
        }
      }
      const dueBy = fromDayNumber(due);
      const years = yearsBetween(from, due);
      const provisional = years.filter((y) => provisionalYears.has(y)).map(String);
      const unscheduled = years.filter((y) => !sources.has(y)).map(String);
      const facts: Omit<DeadlineExplanation, 'text'> = {
        rule: rule.name,
        article: rule.article,
        counting: rule.counting,
        days: rule.days,
        start,
        dueBy,
        daysCounted: rule.days,
        skipped,
        makeupDaysCounted,
        sources: sourcesFor(from, due),
        provisionalYears: provisional,
        unscheduledYears: unscheduled,
      };
      const explanation: DeadlineExplanation = {
        ...facts,
        text: renderExplanation({ ...facts, text: '' }, 'en'),
      };
      return { dueBy, provisional: provisional.length + unscheduled.length > 0, explanation };
    },
  };
}

function yearsBetween(from: number, to: number): number[] {
  const years: number[] = [];
  for (let year = yearOfDayNumber(from); year <= yearOfDayNumber(to); year++) years.push(year);
  return years;
}

/** The corresponding day `months` later, or that month's last day when it has none (民法典 第二百零一条). */
function addMonths(from: number, months: number): number {
  const { year, month, day } = civilFromDayNumber(from);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return dayNumberFromCivil(y, m, Math.min(day, daysInMonth(y, m)));
}
