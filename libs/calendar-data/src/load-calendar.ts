import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import {
  createLegalCalendar,
  WEEKENDS_ONLY_SOURCE,
  type CalendarSchedule,
  type LegalCalendar,
} from '@accord/domain';
import { readCalendarFile } from './calendar-file';
import { packageSchedule, provisionalYears, sortYears } from './chinese-days-schedule';

export const CALENDAR_FILE_NAME = 'calendar.json';

export interface LoadCalendarOptions {
  /** The staff file itself; when given, it must exist. */
  readonly file?: string;
  /** Where `calendar.json` is looked for (the app's configured data dir); default `./data`. A missing default file is fine. */
  readonly dataDir?: string;
  /** Defaults to `process.cwd()`; file paths in `sources` are shown relative to it. */
  readonly cwd?: string;
  /** Defaults to the clock; decides which years the calendar should already hold (see `warnings`). */
  readonly now?: Date;
}

export interface LoadedCalendar {
  readonly calendar: LegalCalendar;
  readonly schedule: CalendarSchedule;
  /** Where each year came from, e.g. `2025: chinese-days 1.5.7`, `2027: data/calendar.json`, then the fallback. */
  readonly sources: readonly string[];
  /** The staff file that was applied, if any. */
  readonly file?: string;
  /** Years that deadlines are about to reach but no official schedule covers: to be logged at boot. */
  readonly warnings: readonly string[];
}

/**
 * The legal-day calendar for the running system: the official schedules from `chinese-days`, with each
 * year found in the staff file replacing the package's (a correction, or next year's notice published
 * before the package catches up).
 *
 * `loadCalendar('path/to/calendar.json')` or `loadCalendar({ dataDir })`.
 */
export function loadCalendar(options: LoadCalendarOptions | string = {}): LoadedCalendar {
  const opts: LoadCalendarOptions = typeof options === 'string' ? { file: options } : options;
  const cwd = opts.cwd ?? process.cwd();

  const explicit = opts.file !== undefined;
  const dataDir = opts.dataDir ?? './data';
  const file = resolve(cwd, opts.file ?? join(dataDir, CALENDAR_FILE_NAME));

  const official = packageSchedule().schedule;
  let years = { ...provisionalYears(official.years), ...official.years };
  let applied: string | undefined;
  if (explicit || existsSync(file)) {
    const staff = readCalendarFile(file, display(cwd, file));
    years = { ...years, ...staff.years };
    applied = file;
  }

  const schedule: CalendarSchedule = { years: sortYears(years) };
  const sources = [
    ...Object.entries(schedule.years).map(([year, data]) => `${year}: ${data.source}`),
    `other years: ${WEEKENDS_ONLY_SOURCE}`,
  ];
  return {
    calendar: createLegalCalendar(schedule),
    schedule,
    sources,
    warnings: missingYears(schedule, opts.now ?? new Date(), display(cwd, file)),
    ...(applied === undefined ? {} : { file: applied }),
  };
}

/**
 * The State Council publishes next year's arrangement around November; until then a deadline running
 * into January is counted on weekends only. Say so early: this year always, next year from December.
 */
function missingYears(schedule: CalendarSchedule, now: Date, file: string): string[] {
  const shanghai = new Date(now.getTime() + 8 * 3600_000);
  const year = shanghai.getUTCFullYear();
  const wanted = shanghai.getUTCMonth() === 11 ? [year, year + 1] : [year];
  return wanted
    .filter((y) => schedule.years[String(y)] === undefined || schedule.years[String(y)]?.provisional)
    .map(
      (y) =>
        `${y}: no official holiday schedule loaded, deadlines are provisional (statutory holidays computed, no 调休); add the State Council's ` +
        `notice for ${y} to ${file} (see libs/calendar-data/calendar.example.json)`,
    );
}

function display(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}
