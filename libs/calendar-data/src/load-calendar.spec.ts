import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDayDetail, isWorkday } from 'chinese-days';
import { addCalendarDays, daysBetween, RULES_2021_V1, WEEKENDS_ONLY_SOURCE } from '@accord/domain';
import { TEST_SCHEDULE, testCalendar } from '@accord/domain/testing/calendar';
import { CalendarFileError, holidayName, loadCalendar, packageSchedule } from './index';

const PACKAGE = `chinese-days ${JSON.parse(readFileSync(require.resolve('chinese-days/package.json'), 'utf8')).version}`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'accord-calendar-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function writeFile(name: string, content: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function datesOf(from: string, to: string): string[] {
  return Array.from({ length: daysBetween(from, to) + 1 }, (_, i) => addCalendarDays(from, i));
}

const fix2031 = {
  years: {
    '2031': {
      notice: '国办发明电〔2030〕1号',
      holidays: { '2031-01-01': "元旦 New Year's Day", '2031-10-01': '国庆节 National Day' },
      workdays: ['2031-01-04'],
    },
  },
};

describe('loadCalendar', () => {
  describe('from the chinese-days package', () => {
    it('loads every year the package covers (2004–2026), each with its source', () => {
      const { sources, schedule, file } = loadCalendar({ dataDir: dir });
      expect(file).toBeUndefined();
      expect(Object.keys(schedule.years)).toEqual(Array.from({ length: 23 }, (_, i) => String(2004 + i)));
      expect(sources).toContain(`2025: ${PACKAGE}`);
      expect(sources[0]).toBe(`2004: ${PACKAGE}`);
      expect(sources[sources.length - 1]).toBe(`other years: ${WEEKENDS_ONLY_SOURCE}`);
    });

    it('agrees with the package’s own API on every day it covers', () => {
      const { calendar, schedule } = loadCalendar({ dataDir: dir });
      const disagreements: string[] = [];
      for (const date of datesOf('2004-01-01', '2026-12-31')) {
        const detail = getDayDetail(date);
        const kind = calendar.dayKind(date);
        if (calendar.isWorkingDay(date) !== isWorkday(date)) disagreements.push(`${date}: working day?`);
        if (detail.work !== isWorkday(date)) disagreements.push(`${date}: package contradicts itself`);
        const name = schedule.years[date.slice(0, 4)]?.holidays[date];
        if (kind === 'holiday' && name !== holidayName(detail.name)) disagreements.push(`${date}: ${name}`);
      }
      expect(disagreements).toEqual([]);
    });

    it('names holidays the way staff write them', () => {
      expect(holidayName('National Day,国庆节,3')).toBe('国庆节 National Day');
      const { calendar } = loadCalendar({ dataDir: dir });
      expect(
        calendar.deadline('2025-09-30', RULES_2021_V1.majorRiskEscalation).explanation.skipped[5],
      ).toEqual({
        date: '2025-10-06',
        reason: 'holiday',
        name: '中秋 Mid-autumn Festival',
      });
    });

    it('the checked-in test schedule of 2024–2026 agrees with the package, day by day and name by name', () => {
      const official = packageSchedule().schedule;
      const { calendar } = loadCalendar({ dataDir: dir });
      for (const year of ['2024', '2025', '2026']) {
        expect(TEST_SCHEDULE.years[year]?.holidays).toEqual(official.years[year]?.holidays);
        expect([...(TEST_SCHEDULE.years[year]?.workdays ?? [])].sort()).toEqual(
          [...(official.years[year]?.workdays ?? [])].sort(),
        );
      }
      for (const date of datesOf('2024-01-01', '2026-12-31')) {
        expect([date, testCalendar().dayKind(date)]).toEqual([date, calendar.dayKind(date)]);
        const detail = getDayDetail(date);
        expect([date, testCalendar().isWorkingDay(date)]).toEqual([date, detail.work]);
      }
    });
  });

  describe('with a staff file', () => {
    it('adds a year the package does not cover (2031) and names the file as its source', () => {
      writeFile('calendar.json', fix2031);
      const { calendar, sources, file } = loadCalendar({ dataDir: dir, cwd: dir });
      expect(file).toBe(join(dir, 'calendar.json'));
      expect(sources).toContain('2031: calendar.json (国办发明电〔2030〕1号)');
      expect(calendar.dayKind('2031-01-01')).toBe('holiday');
      expect(calendar.dayKind('2031-01-04')).toBe('makeup_workday');
      const { dueBy, explanation } = calendar.deadline('2030-12-31', RULES_2021_V1.invitationReply);
      // 2031-01-01 holiday, 01-02 Thu, 01-03 Fri, 01-04 Saturday make-up day.
      expect(dueBy).toBe('2031-01-04');
      expect(explanation.sources).toEqual([
        `2030: ${WEEKENDS_ONLY_SOURCE}`,
        '2031: calendar.json (国办发明电〔2030〕1号)',
      ]);
    });

    it('replaces a package year wholesale when it corrects it', () => {
      // A correction of 2025 that, say, moves the National Day make-up Saturday: the package's 2025 is gone.
      writeFile('calendar.json', {
        years: { '2025': { holidays: { '2025-10-01': '国庆节 National Day' }, workdays: ['2025-10-12'] } },
      });
      const { calendar, sources } = loadCalendar({ dataDir: dir, cwd: dir });
      expect(sources).toContain('2025: calendar.json');
      expect(sources).toContain(`2024: ${PACKAGE}`);
      expect(calendar.dayKind('2025-10-02')).toBe('workday');
      expect(calendar.dayKind('2025-10-11')).toBe('weekend');
      expect(calendar.dayKind('2025-10-12')).toBe('makeup_workday');
      expect(calendar.dayKind('2024-10-01')).toBe('holiday');
    });

    it('finds the file in the given data dir, or takes an explicit path', () => {
      const nested = join(dir, 'data-dir');
      mkdirSync(nested);
      writeFileSync(join(nested, 'calendar.json'), JSON.stringify(fix2031));
      expect(loadCalendar({ dataDir: nested }).calendar.dayKind('2031-10-01')).toBe('holiday');
      expect(loadCalendar({ cwd: dir }).calendar.dayKind('2031-10-01')).toBe('workday');
      const explicit = writeFile('staff.json', fix2031);
      expect(loadCalendar(explicit).calendar.dayKind('2031-10-01')).toBe('holiday');
    });

    it('loads the shipped example', () => {
      const { calendar, sources } = loadCalendar(join(__dirname, '..', 'calendar.example.json'));
      expect(sources.find((s) => s.startsWith('2027: '))).toMatch(/calendar\.example\.json/);
      expect(calendar.dayKind('2027-10-01')).toBe('holiday');
    });
  });

  describe('refuses a bad staff file, naming the file and the entry', () => {
    const year = (entry: unknown) => ({ years: { '2031': entry } });
    it.each([
      ['not JSON', '{ "years": ', 'is not valid JSON'],
      ['not an object', '[]', 'must be a JSON object'],
      ['no years', {}, '"years" must be an object'],
      ['an unknown key', { years: {}, yeras: {} }, 'unknown key "yeras"'],
      [
        'a year that is not a year',
        { years: { '31': { holidays: {}, workdays: [] } } },
        'years.31: "31" is not a year',
      ],
      ['missing workdays', year({ holidays: {} }), 'years.2031.workdays must be an array'],
      [
        'holidays as a list',
        year({ holidays: ['2031-01-01'], workdays: [] }),
        'years.2031.holidays must be an object',
      ],
      [
        'a bad date',
        year({ holidays: { '2031-02-29': '春节' }, workdays: [] }),
        'years.2031: holiday "2031-02-29" is not a real date',
      ],
      [
        'a badly written date',
        year({ holidays: {}, workdays: ['2031/01/04'] }),
        'years.2031: workday "2031/01/04" is not a real date',
      ],
      [
        'a make-up workday that is not a weekend day',
        year({ holidays: {}, workdays: ['2031-01-06'] }),
        'years.2031: workday 2031-01-06 is not a Saturday or Sunday',
      ],
      [
        'a date outside its year',
        year({ holidays: { '2032-01-01': '元旦' }, workdays: [] }),
        'years.2031: holiday 2032-01-01 lies outside the year 2031',
      ],
      [
        'a holiday that is also a workday',
        year({ holidays: { '2031-01-04': '元旦' }, workdays: ['2031-01-04'] }),
        'years.2031: workday 2031-01-04 is also listed as a holiday',
      ],
      ['a holiday without a name', year({ holidays: { '2031-01-01': 1 }, workdays: [] }), 'must be a name'],
    ])('%s', (_what, content, message) => {
      writeFile('calendar.json', content);
      let thrown: unknown;
      try {
        loadCalendar({ dataDir: dir, cwd: dir });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(CalendarFileError);
      expect((thrown as CalendarFileError).code).toBe('CALENDAR_FILE_INVALID');
      expect((thrown as CalendarFileError).file).toBe('calendar.json');
      expect((thrown as Error).message).toContain('Calendar file calendar.json is invalid');
      expect((thrown as Error).message).toContain(message);
    });

    it('reports every problem at once', () => {
      writeFile(
        'calendar.json',
        year({ holidays: { '2031-13-01': '?', '2030-12-31': 'x' }, workdays: ['2031-01-06'] }),
      );
      let thrown: unknown;
      try {
        loadCalendar({ dataDir: dir });
      } catch (error) {
        thrown = error;
      }
      expect((thrown as CalendarFileError).problems).toEqual([
        'years.2031: holiday "2031-13-01" is not a real date (YYYY-MM-DD) (不是真实存在的日期（YYYY-MM-DD）)',
        'years.2031: holiday 2030-12-31 lies outside the year 2031 (不在 2031 年内)',
        'years.2031: workday 2031-01-06 is not a Saturday or Sunday, so it cannot be a make-up working day (调休) (不是周六或周日，不能作为调休上班日)',
      ]);
    });

    it('refuses an explicit file that does not exist', () => {
      expect(() => loadCalendar(join(dir, 'missing.json'))).toThrow(/missing\.json .*cannot be read/s);
    });
  });

  describe('warns at boot about years deadlines are about to reach without a schedule', () => {
    it('none while the current year is covered', () => {
      expect(loadCalendar({ dataDir: dir, now: new Date('2026-06-30T00:00:00Z') }).warnings).toEqual([]);
    });

    it('next year from December (Asia/Shanghai), until staff add it', () => {
      const { warnings } = loadCalendar({ dataDir: dir, cwd: dir, now: new Date('2026-11-30T16:00:00Z') });
      expect(warnings).toEqual([
        "2027: no official holiday schedule loaded, deadlines count weekends only; add the State Council's notice " +
          'for 2027 to calendar.json (see libs/calendar-data/calendar.example.json)',
      ]);
      writeFile('calendar.json', { years: { '2027': { holidays: {}, workdays: [] } } });
      expect(loadCalendar({ dataDir: dir, now: new Date('2026-11-30T16:00:00Z') }).warnings).toEqual([]);
    });

    it('the current year always', () => {
      const { warnings } = loadCalendar({ dataDir: dir, now: new Date('2031-03-01T00:00:00Z') });
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/^2031: no official holiday schedule loaded/);
    });
  });

  it('falls back to weekends only for an uncovered year, and says so', () => {
    const { calendar } = loadCalendar({ dataDir: dir });
    const { dueBy, explanation } = calendar.deadline('2031-09-30', RULES_2021_V1.invitationReply);
    expect(dueBy).toBe('2031-10-03'); // no National Day without an official schedule
    expect(explanation.sources).toEqual([`2031: ${WEEKENDS_ONLY_SOURCE}`]);
    expect(explanation.skipped).toEqual([]);
  });
});
