import type { Instant, LegalDate } from '@accord/events';
import type { DeadlineRule } from '../rules/rule-set';
import {
  calendarError,
  fromDayNumber,
  isWeekendDayNumber,
  legalDateOf,
  MAX_PERIOD_DAYS,
  toDayNumber,
  yearOfDayNumber,
} from './civil-date';
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
  for (const [year, data] of Object.entries(schedule.years)) {
    sources.set(Number(year), data.source);
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

  const sourcesFor = (from: number, to: number): string[] => {
    const result: string[] = [];
    for (let year = yearOfDayNumber(from); year <= yearOfDayNumber(to); year++) {
      result.push(`${year}: ${sources.get(year) ?? WEEKENDS_ONLY_SOURCE}`);
    }
    return result;
  };

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
        due = from + rule.days;
        while (!isWorking(due)) {
          skipped.push(skippedDay(due));
          due++;
        }
      }
      const dueBy = fromDayNumber(due);
      const explanation: DeadlineExplanation = {
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
        text: explain(rule, start, dueBy, skipped, makeupDaysCounted),
      };
      return { dueBy, explanation };
    },
  };
}

function explain(
  rule: DeadlineRule,
  start: LegalDate,
  dueBy: LegalDate,
  skipped: readonly SkippedDay[],
  makeup: readonly LegalDate[],
): string {
  const unit = rule.counting === 'working' ? 'working day' : 'calendar day';
  const head = `${rule.name} (${rule.article}): ${rule.days} ${unit}${rule.days === 1 ? '' : 's'} from ${start} (the start day not counted)`;
  const rest = summariseSkipped(skipped);
  const counted =
    makeup.length > 0
      ? `, counting the make-up working day${makeup.length === 1 ? '' : 's'} (调休) ${makeup.join(', ')}`
      : '';
  if (rule.counting === 'working') {
    return skipped.length === 0
      ? `${head} fall due on ${dueBy}${counted}.`
      : `${head} fall due on ${dueBy}, passing over ${rest}${counted}.`;
  }
  if (skipped.length === 0) return `${head} end on ${dueBy}.`;
  const nominalEnd = skipped[0]!.date;
  return `${head} end on ${nominalEnd}, a rest day, so the period runs to the next working day, ${dueBy}, passing over ${rest}.`;
}

function summariseSkipped(skipped: readonly SkippedDay[]): string {
  const groups = new Map<string, number>();
  for (const day of skipped) {
    const label = day.reason === 'holiday' ? (day.name ?? 'holiday') : 'weekend';
    groups.set(label, (groups.get(label) ?? 0) + 1);
  }
  const parts = [...groups].map(([label, count]) => `${label} ×${count}`);
  return `${skipped.length} rest day${skipped.length === 1 ? '' : 's'} (${parts.join(', ')})`;
}
