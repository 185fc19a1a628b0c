import type { Instant, LegalDate } from '@accord/events';
import { defineErrors } from '../shared/rule-error';

/**
 * Civil-date arithmetic on day numbers (days since 1970-01-01), after Howard Hinnant's
 * `days_from_civil` / `civil_from_days`. Exact for the proleptic Gregorian calendar, needs no clock and
 * no time zone database: Asia/Shanghai has been UTC+8 without DST since 1991, which covers every case
 * the ledger can hold.
 */
export const calendarError = defineErrors({
  CALENDAR_INVALID_DATE: {
    kind: 'rule',
    en: 'A legal date must be a real calendar date written YYYY-MM-DD.',
    zh: '法定日期必须是真实存在的日期，格式为 YYYY-MM-DD。',
  },
  CALENDAR_INVALID_INSTANT: {
    kind: 'rule',
    en: 'An instant must be an ISO-8601 date-time with a time zone offset or Z.',
    zh: '时间点必须是带时区偏移或 Z 的 ISO-8601 日期时间。',
  },
  CALENDAR_INVALID_PERIOD: {
    kind: 'rule',
    en: 'A deadline period must be a whole number of days between 1 and 10000.',
    zh: '期间必须是 1 至 10000 之间的整数天数。',
  },
});

/** Longest period the calendar will count; far above any rule, low enough that a typo cannot hang a request. */
export const MAX_PERIOD_DAYS = 10000;

/** Asia/Shanghai is UTC+8 all year (no DST since 1991). */
const SHANGHAI_OFFSET_MINUTES = 8 * 60;
const MINUTES_PER_DAY = 24 * 60;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function dayNumberFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDayNumber(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: month <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, month, day };
}

function validCivil(year: number, month: number, day: number): boolean {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The day number of a legal date, or undefined when it is not a real `YYYY-MM-DD` date. */
export function tryDayNumber(date: string): number | undefined {
  const match = DATE_PATTERN.exec(date);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return validCivil(year, month, day) ? dayNumberFromCivil(year, month, day) : undefined;
}

export function isLegalDate(value: unknown): value is LegalDate {
  return typeof value === 'string' && tryDayNumber(value) !== undefined;
}

export function toDayNumber(date: LegalDate): number {
  const n = typeof date === 'string' ? tryDayNumber(date) : undefined;
  if (n === undefined) throw calendarError('CALENDAR_INVALID_DATE', { date });
  return n;
}

export function fromDayNumber(dayNumber: number): LegalDate {
  const { year, month, day } = civilFromDayNumber(dayNumber);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** 0 = Sunday … 6 = Saturday. Day 0 (1970-01-01) was a Thursday. */
export function weekdayOfDayNumber(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function isWeekendDayNumber(dayNumber: number): boolean {
  const weekday = weekdayOfDayNumber(dayNumber);
  return weekday === 0 || weekday === 6;
}

export function yearOfDayNumber(dayNumber: number): number {
  return civilFromDayNumber(dayNumber).year;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LegalDate, to: LegalDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

export function addCalendarDays(date: LegalDate, days: number): LegalDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** The legal date (Asia/Shanghai) on which an instant falls: `2024-03-01T16:30:00Z` is 2024-03-02. */
export function legalDateOf(instant: Instant): LegalDate {
  const match = typeof instant === 'string' ? INSTANT_PATTERN.exec(instant) : null;
  if (!match) throw calendarError('CALENDAR_INVALID_INSTANT', { instant });
  const [, y, mo, d, h, mi, s, zulu, sign, oh, om] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  const offset = zulu ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  if (
    !validCivil(year, month, day) ||
    hour > 23 ||
    minute > 59 ||
    second > 60 ||
    Number(oh ?? 0) > 23 ||
    Number(om ?? 0) > 59
  ) {
    throw calendarError('CALENDAR_INVALID_INSTANT', { instant });
  }
  // Offsets are whole minutes, so seconds can never carry an instant across a day boundary.
  const utcMinutes = dayNumberFromCivil(year, month, day) * MINUTES_PER_DAY + hour * 60 + minute - offset;
  return fromDayNumber(Math.floor((utcMinutes + SHANGHAI_OFFSET_MINUTES) / MINUTES_PER_DAY));
}
