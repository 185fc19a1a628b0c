import { readFileSync } from 'node:fs';
import { describeProblem, scheduleProblems, type CalendarSchedule, type YearSchedule } from '@accord/domain';
import { sortYears } from './chinese-days-schedule';

/**
 * Staff corrections: `{ "years": { "2027": { "holidays": { "2027-01-01": "元旦 New Year's Day" },
 * "workdays": ["2027-02-07"], "notice": "国办发明电〔2026〕…号" } } }`. A year in the file replaces that
 * year from the package, so the State Council's late-year notice can be applied without a release.
 * Keys starting with `$` (e.g. `$comment`) are ignored, so the file can explain itself.
 */
export class CalendarFileError extends Error {
  readonly code = 'CALENDAR_FILE_INVALID';
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(
      `Calendar file ${file} is invalid (日历文件无效), fix it or remove it:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'CalendarFileError';
  }
}

const YEAR_KEYS = new Set(['holidays', 'workdays', 'notice']);

/** Reads and validates a staff calendar file; every problem is reported at once, naming its entry. */
export function readCalendarFile(file: string, label: string = file): CalendarSchedule {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CalendarFileError(label, [`cannot be read: ${(error as Error).message}`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CalendarFileError(label, [`is not valid JSON: ${(error as Error).message}`]);
  }
  return parseCalendarFile(json, label);
}

export function parseCalendarFile(json: unknown, label: string): CalendarSchedule {
  const problems: string[] = [];
  if (!isPlainObject(json))
    throw new CalendarFileError(label, ['must be a JSON object with a "years" object']);
  for (const key of Object.keys(json)) {
    if (key !== 'years' && !key.startsWith('$'))
      problems.push(`unknown key ${JSON.stringify(key)} (expected "years")`);
  }
  const yearsJson = json['years'];
  if (!isPlainObject(yearsJson)) {
    throw new CalendarFileError(label, [...problems, '"years" must be an object keyed by year, e.g. "2027"']);
  }

  const years: Record<string, YearSchedule> = {};
  for (const [year, entry] of Object.entries(yearsJson)) {
    const at = `years.${year}`;
    if (!/^\d{4}$/.test(year)) {
      problems.push(`${at}: ${JSON.stringify(year)} is not a year (YYYY)`);
      continue;
    }
    if (!isPlainObject(entry)) {
      problems.push(`${at} must be an object with "holidays" and "workdays"`);
      continue;
    }
    for (const key of Object.keys(entry)) {
      if (!YEAR_KEYS.has(key) && !key.startsWith('$')) {
        problems.push(
          `${at}: unknown key ${JSON.stringify(key)} (expected "holidays", "workdays", "notice")`,
        );
      }
    }
    const { holidays, workdays, notice } = entry;
    let valid = true;
    if (!isPlainObject(holidays)) {
      problems.push(
        `${at}.holidays must be an object of date → name, e.g. { "${year}-10-01": "国庆节 National Day" }`,
      );
      valid = false;
    } else {
      for (const [date, name] of Object.entries(holidays)) {
        if (typeof name !== 'string') {
          problems.push(`${at}.holidays["${date}"] must be a name (string), e.g. "国庆节 National Day"`);
          valid = false;
        }
      }
    }
    if (!Array.isArray(workdays)) {
      problems.push(`${at}.workdays must be an array of dates (use [] when there are none)`);
      valid = false;
    } else {
      workdays.forEach((date, i) => {
        if (typeof date !== 'string') {
          problems.push(`${at}.workdays[${i}] must be a date string, got ${JSON.stringify(date)}`);
          valid = false;
        }
      });
    }
    if (notice !== undefined && (typeof notice !== 'string' || notice.trim() === '')) {
      problems.push(`${at}.notice must be a non-empty string naming the official notice`);
      valid = false;
    }
    if (!valid) continue;
    years[year] = {
      holidays: holidays as Record<string, string>,
      workdays: workdays as string[],
      source: typeof notice === 'string' ? `${label} (${notice.trim()})` : label,
    };
  }

  // The same checks the domain applies (real dates, inside their year, make-up days on weekends, no day both).
  problems.push(...scheduleProblems({ years }).map((p) => `years.${describeProblem(p)}`));
  if (problems.length > 0) throw new CalendarFileError(label, problems);
  return { years: sortYears(years) };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
