import { readFileSync } from 'node:fs';
import { getSolarDateFromLunar, getSolarTermDate } from 'chinese-days';
import {
  CalendarScheduleError,
  scheduleProblems,
  statutoryYearSchedule,
  type CalendarSchedule,
  type LunarYearFacts,
  type YearSchedule,
} from '@accord/domain';

/** The raw data `chinese-days` ships (and documents) as `dist/chinese-days.json`. */
interface ChineseDaysData {
  /** date → `English,中文,days`, e.g. `National Day,国庆节,3`. Weekend days inside a holiday are listed. */
  readonly holidays: Readonly<Record<string, string>>;
  /** Make-up working days (调休上班), same naming. */
  readonly workdays: Readonly<Record<string, string>>;
}

export interface PackageSchedule {
  readonly schedule: CalendarSchedule;
  /** e.g. `chinese-days 1.5.7`. */
  readonly source: string;
}

let cached: PackageSchedule | undefined;

/**
 * The official schedules as maintained by the `chinese-days` package (2004 onwards, one release per
 * State Council notice). Read once per process: the data only changes when the package is upgraded.
 */
export function packageSchedule(): PackageSchedule {
  cached ??= buildPackageSchedule();
  return cached;
}

function buildPackageSchedule(): PackageSchedule {
  const version = readJson<{ version: string }>(require.resolve('chinese-days/package.json')).version;
  const source = `chinese-days ${version}`;
  const data = readJson<ChineseDaysData>(require.resolve('chinese-days/dist/chinese-days.json'));
  const years: Record<string, { holidays: Record<string, string>; workdays: string[]; source: string }> = {};
  const yearOf = (date: string) => (years[date.slice(0, 4)] ??= { holidays: {}, workdays: [], source });
  for (const [date, name] of Object.entries(data.holidays)) yearOf(date).holidays[date] = holidayName(name);
  for (const date of Object.keys(data.workdays)) yearOf(date).workdays.push(date);
  const schedule: CalendarSchedule = { years: sortYears(years) };
  // An upgrade of the package must not slip a malformed year past us: the domain would miscount.
  const problems = scheduleProblems(schedule);
  if (problems.length > 0) throw new CalendarScheduleError(problems, source);
  return { schedule, source };
}

/** How many years past the last official one get computed statutory holidays. */
export const PROVISIONAL_YEARS_AHEAD = 10;

/**
 * The lunar-calendar and solar-term dates of a Gregorian year, from the package's lunar tables
 * (the domain counts; this only looks the dates up).
 */
export function lunarYearFacts(year: number): LunarYearFacts {
  return {
    springFestival: getSolarDateFromLunar(`${year}-01-01`).date,
    qingming: getSolarTermDate(year, 4, 'pure_brightness'),
    dragonBoat: getSolarDateFromLunar(`${year}-05-05`).date,
    midAutumn: getSolarDateFromLunar(`${year}-08-15`).date,
  };
}

/**
 * Years after the last official one, with the statutory holidays computed and marked provisional,
 * so that a deadline running into next year passes over New Year's Day and the Spring Festival
 * instead of counting them as working days.
 */
export function provisionalYears(
  official: Readonly<Record<string, YearSchedule>>,
): Record<string, YearSchedule> {
  const known = Object.keys(official).map(Number);
  if (known.length === 0) return {};
  const last = Math.max(...known);
  const source = `statutory holidays computed from the lunar calendar and solar terms (${packageSchedule().source}); no official schedule`;
  const years: Record<string, YearSchedule> = {};
  for (let year = last + 1; year <= last + PROVISIONAL_YEARS_AHEAD; year++) {
    years[String(year)] = statutoryYearSchedule(String(year), lunarYearFacts(year), source);
  }
  return years;
}

/** `National Day,国庆节,3` → `国庆节 National Day`, the form staff write in their file. */
export function holidayName(packageName: string): string {
  const [english, chinese] = packageName.split(',');
  return [chinese, english]
    .map((part) => part?.trim())
    .filter((part) => part)
    .join(' ');
}

export function sortYears<T>(years: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.entries(years).sort(([a], [b]) => a.localeCompare(b)));
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}
