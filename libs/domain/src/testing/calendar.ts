import type { LegalDate } from '@accord/events';
import { createLegalCalendar } from '../calendar/calendar';
import { addCalendarDays, daysBetween } from '../calendar/civil-date';
import type { LegalCalendar } from '../calendar/legal-calendar';
import type { CalendarSchedule, YearSchedule } from '../calendar/schedule';

/**
 * The official holiday arrangements of 2024–2026 (the State Council General Office's yearly notices
 * 关于部分节假日安排的通知), checked in so that domain tests run without the loader.
 * A loader test holds this copy to the `chinese-days` package, day by day.
 */
export const TEST_SCHEDULE_SOURCE = 'test schedule (State Council notices, as in chinese-days 1.5.7)';

const NEW_YEAR = "元旦 New Year's Day";
const SPRING = '春节 Spring Festival';
const QINGMING = '清明 Tomb-sweeping Day';
const LABOUR = '劳动节 Labour Day';
const DRAGON_BOAT = '端午 Dragon Boat Festival';
const MID_AUTUMN = '中秋 Mid-autumn Festival';
const NATIONAL = '国庆节 National Day';

type Span = readonly [first: LegalDate, last: LegalDate, name: string];

const ARRANGEMENTS: Readonly<Record<string, { holidays: readonly Span[]; workdays: readonly LegalDate[] }>> =
  {
    '2024': {
      holidays: [
        ['2024-01-01', '2024-01-01', NEW_YEAR],
        ['2024-02-10', '2024-02-17', SPRING],
        ['2024-04-04', '2024-04-06', QINGMING],
        ['2024-05-01', '2024-05-05', LABOUR],
        ['2024-06-10', '2024-06-10', DRAGON_BOAT],
        ['2024-09-15', '2024-09-17', MID_AUTUMN],
        ['2024-10-01', '2024-10-07', NATIONAL],
      ],
      workdays: [
        '2024-02-04',
        '2024-02-18',
        '2024-04-07',
        '2024-04-28',
        '2024-05-11',
        '2024-09-14',
        '2024-09-29',
        '2024-10-12',
      ],
    },
    '2025': {
      holidays: [
        ['2025-01-01', '2025-01-01', NEW_YEAR],
        ['2025-01-28', '2025-02-04', SPRING],
        ['2025-04-04', '2025-04-06', QINGMING],
        ['2025-05-01', '2025-05-05', LABOUR],
        ['2025-05-31', '2025-06-02', DRAGON_BOAT],
        ['2025-10-01', '2025-10-05', NATIONAL],
        ['2025-10-06', '2025-10-06', MID_AUTUMN],
        ['2025-10-07', '2025-10-08', NATIONAL],
      ],
      workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
    },
    '2026': {
      holidays: [
        ['2026-01-01', '2026-01-03', NEW_YEAR],
        ['2026-02-15', '2026-02-23', SPRING],
        ['2026-04-04', '2026-04-06', QINGMING],
        ['2026-05-01', '2026-05-05', LABOUR],
        ['2026-06-19', '2026-06-21', DRAGON_BOAT],
        ['2026-09-25', '2026-09-27', MID_AUTUMN],
        ['2026-10-01', '2026-10-07', NATIONAL],
      ],
      workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
    },
  };

function yearSchedule(spans: readonly Span[], workdays: readonly LegalDate[]): YearSchedule {
  const holidays: Record<LegalDate, string> = {};
  for (const [first, last, name] of spans) {
    for (let i = 0; i <= daysBetween(first, last); i++) holidays[addCalendarDays(first, i)] = name;
  }
  return { holidays, workdays, source: TEST_SCHEDULE_SOURCE };
}

export const TEST_SCHEDULE: CalendarSchedule = {
  years: Object.fromEntries(
    Object.entries(ARRANGEMENTS).map(([year, { holidays, workdays }]) => [
      year,
      yearSchedule(holidays, workdays),
    ]),
  ),
};

let shared: LegalCalendar | undefined;

/** The real 2024–2026 calendar; other years are weekends only. */
export function testCalendar(): LegalCalendar {
  shared ??= createLegalCalendar(TEST_SCHEDULE);
  return shared;
}
