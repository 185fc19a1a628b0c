import { RULES_2021_V1, type DeadlineRule } from '../rules/rule-set';
import { RuleError } from '../shared/rule-error';
import { TEST_SCHEDULE_SOURCE, testCalendar } from '../testing/calendar';
import { createLegalCalendar, WEEKENDS_ONLY_SOURCE } from './calendar';
import { CalendarScheduleError, type CalendarSchedule } from './schedule';

const calendar = testCalendar();
const reply = RULES_2021_V1.invitationReply;
const notice = RULES_2021_V1.invitationNotice;
const working = (days: number): DeadlineRule => ({
  name: 'test.working',
  article: 'Art 4',
  days,
  counting: 'working',
});
const calendarDays = (days: number): DeadlineRule => ({
  name: 'test.calendar',
  article: 'Art 4',
  days,
  counting: 'calendar',
});

describe('the legal-day calendar', () => {
  describe('day kinds', () => {
    it.each([
      ['2024-10-01', 'holiday'],
      ['2024-02-10', 'holiday'], // a Saturday inside the Spring Festival holiday keeps its holiday name
      ['2024-10-12', 'makeup_workday'],
      ['2026-01-04', 'makeup_workday'],
      ['2024-10-13', 'weekend'],
      ['2024-10-08', 'workday'],
      ['2031-01-01', 'workday'], // no schedule for 2031: only weekends rest
      ['2031-01-04', 'weekend'],
    ] as const)('%s is a %s', (date, kind) => {
      expect(calendar.dayKind(date)).toBe(kind);
      expect(calendar.isWorkingDay(date)).toBe(kind === 'workday' || kind === 'makeup_workday');
    });

    it('refuses a date that does not exist', () => {
      expect(() => calendar.dayKind('2025-02-29')).toThrow(RuleError);
    });
  });

  describe('working-day periods (Art 4/7 reply: 3 working days)', () => {
    it('2024-02-08 + 3 working days crosses the 2024 Spring Festival and counts the make-up Sunday 2024-02-18', () => {
      const { dueBy, explanation } = calendar.deadline('2024-02-08', reply);
      expect(dueBy).toBe('2024-02-19');
      expect(explanation.skipped.map((d) => d.date)).toEqual([
        '2024-02-10',
        '2024-02-11',
        '2024-02-12',
        '2024-02-13',
        '2024-02-14',
        '2024-02-15',
        '2024-02-16',
        '2024-02-17',
      ]);
      expect(
        explanation.skipped.every((d) => d.reason === 'holiday' && d.name === '春节 Spring Festival'),
      ).toBe(true);
      expect(explanation.makeupDaysCounted).toEqual(['2024-02-18']);
    });

    it('2025-01-24 + 3 working days counts the make-up Sunday 2025-01-26 and crosses the 2025 Spring Festival', () => {
      const { dueBy, explanation } = calendar.deadline('2025-01-24', reply);
      expect(dueBy).toBe('2025-02-05');
      expect(explanation.makeupDaysCounted).toEqual(['2025-01-26']);
      expect(explanation.skipped).toEqual([
        { date: '2025-01-25', reason: 'weekend' },
        ...['28', '29', '30', '31'].map((d) => ({
          date: `2025-01-${d}`,
          reason: 'holiday',
          name: '春节 Spring Festival',
        })),
        ...['01', '02', '03', '04'].map((d) => ({
          date: `2025-02-${d}`,
          reason: 'holiday',
          name: '春节 Spring Festival',
        })),
      ]);
    });

    it('2026-02-12 + 3 working days counts the make-up Saturday 2026-02-14 and skips the nine-day 2026 Spring Festival', () => {
      const { dueBy, explanation } = calendar.deadline('2026-02-12', reply);
      expect(dueBy).toBe('2026-02-24');
      expect(explanation.makeupDaysCounted).toEqual(['2026-02-14']);
      expect(explanation.skipped).toHaveLength(9);
      expect(explanation.skipped[0]).toEqual({
        date: '2026-02-15',
        reason: 'holiday',
        name: '春节 Spring Festival',
      });
      expect(explanation.skipped[8]).toEqual({
        date: '2026-02-23',
        reason: 'holiday',
        name: '春节 Spring Festival',
      });
    });

    it('2024-09-30 + 3 working days skips National Day, 1–7 October', () => {
      const { dueBy, explanation } = calendar.deadline('2024-09-30', reply);
      expect(dueBy).toBe('2024-10-10');
      expect(explanation.skipped).toHaveLength(7);
      expect(explanation.skipped.every((d) => d.name === '国庆节 National Day')).toBe(true);
      expect(explanation.makeupDaysCounted).toEqual([]);
      expect(explanation.text).toBe(
        'invitation.reply (Art 4, Art 7): 3 working days from 2024-09-30 (the start day not counted) fall due on ' +
          '2024-10-10, passing over 7 rest days (国庆节 National Day ×7).',
      );
    });

    it('2024-10-09 + 3 working days ends on the make-up Saturday 2024-10-12', () => {
      const { dueBy, explanation } = calendar.deadline('2024-10-09', reply);
      expect(dueBy).toBe('2024-10-12');
      expect(explanation.skipped).toEqual([]);
      expect(explanation.makeupDaysCounted).toEqual(['2024-10-12']);
      expect(explanation.text).toContain('counting the make-up working day (调休) 2024-10-12');
    });

    it('a make-up Sunday is a working day: 2024-09-27 (Friday) + 1 working day is Sunday 2024-09-29', () => {
      const { dueBy, explanation } = calendar.deadline('2024-09-27', working(1));
      expect(dueBy).toBe('2024-09-29');
      expect(explanation.skipped).toEqual([{ date: '2024-09-28', reason: 'weekend' }]);
    });

    it('2025 National Day and Mid-autumn run together: 2025-09-30 + 1 working day is 2025-10-09', () => {
      const { dueBy, explanation } = calendar.deadline('2025-09-30', working(1));
      expect(dueBy).toBe('2025-10-09');
      expect(explanation.skipped.find((d) => d.date === '2025-10-06')?.name).toBe('中秋 Mid-autumn Festival');
      expect(explanation.text).toContain('8 rest days (国庆节 National Day ×7, 中秋 Mid-autumn Festival ×1)');
    });
  });

  describe('calendar-day periods (Art 4/7 notice: 30 days)', () => {
    it('a period ending on National Day 2025 moves to the next working day', () => {
      const { dueBy, explanation } = calendar.deadline('2025-09-01', notice);
      expect(dueBy).toBe('2025-10-09');
      expect(explanation.daysCounted).toBe(30);
      expect(explanation.skipped.map((d) => d.date)).toEqual([
        '2025-10-01',
        '2025-10-02',
        '2025-10-03',
        '2025-10-04',
        '2025-10-05',
        '2025-10-06',
        '2025-10-07',
        '2025-10-08',
      ]);
      expect(explanation.text).toBe(
        'invitation.notice (Art 4, Art 7): 30 calendar days from 2025-09-01 (the start day not counted) end on ' +
          '2025-10-01, a rest day, so the period runs to the next working day, 2025-10-09, passing over 8 rest days ' +
          '(国庆节 National Day ×7, 中秋 Mid-autumn Festival ×1).',
      );
    });

    it('a period ending on a weekend before the Dragon Boat Festival moves past both', () => {
      const { dueBy, explanation } = calendar.deadline('2024-05-09', notice);
      expect(dueBy).toBe('2024-06-11');
      expect(explanation.skipped).toEqual([
        { date: '2024-06-08', reason: 'weekend' },
        { date: '2024-06-09', reason: 'weekend' },
        { date: '2024-06-10', reason: 'holiday', name: '端午 Dragon Boat Festival' },
      ]);
    });

    it('a period ending on a make-up Saturday ends there', () => {
      const { dueBy, explanation } = calendar.deadline('2024-08-15', notice);
      expect(dueBy).toBe('2024-09-14');
      expect(explanation.skipped).toEqual([]);
      expect(explanation.text).toBe(
        'invitation.notice (Art 4, Art 7): 30 calendar days from 2024-08-15 (the start day not counted) end on 2024-09-14.',
      );
    });

    it('rest days inside the period count: only the last day moves', () => {
      expect(calendar.deadline('2024-09-20', calendarDays(15)).dueBy).toBe('2024-10-08');
      expect(calendar.deadline('2024-09-20', calendarDays(19)).dueBy).toBe('2024-10-09');
    });
  });

  describe('years without an official schedule', () => {
    it('fall back to weekends only, and the explanation says so', () => {
      const { dueBy, explanation } = calendar.deadline('2031-01-01', reply);
      expect(dueBy).toBe('2031-01-06');
      expect(explanation.skipped).toEqual([
        { date: '2031-01-04', reason: 'weekend' },
        { date: '2031-01-05', reason: 'weekend' },
      ]);
      expect(explanation.sources).toEqual([`2031: ${WEEKENDS_ONLY_SOURCE}`]);
    });

    it('a period across New Year names the source of each year it touches', () => {
      const { dueBy, explanation } = calendar.deadline('2026-12-20', notice);
      expect(dueBy).toBe('2027-01-19');
      expect(explanation.sources).toEqual([
        `2026: ${TEST_SCHEDULE_SOURCE}`,
        '2027: weekends only — no official schedule loaded',
      ]);
    });
  });

  it('stamps the rule on the explanation', () => {
    const { explanation } = calendar.deadline('2024-03-01', RULES_2021_V1.letterResponse.JUDICIAL_SUGGESTION);
    expect(explanation).toMatchObject({
      rule: 'letter.response.judicial',
      article: 'Art 8',
      counting: 'calendar',
      days: 60,
      start: '2024-03-01',
      dueBy: '2024-04-30',
      daysCounted: 60,
      sources: [`2024: ${TEST_SCHEDULE_SOURCE}`],
    });
  });

  it('explanations survive a JSON round trip unchanged, so they can be stored on events', () => {
    const { explanation } = calendar.deadline('2024-09-27', reply);
    expect(JSON.parse(JSON.stringify(explanation))).toEqual(explanation);
  });

  it.each([0, -1, 2.5, 10001, Number.NaN])('refuses a period of %p days', (days) => {
    expect(() => calendar.deadline('2024-03-01', working(days))).toThrow(
      expect.objectContaining({ code: 'CALENDAR_INVALID_PERIOD' }),
    );
  });

  it('refuses a start that is not a legal date', () => {
    expect(() => calendar.deadline('2024-03-01T00:00:00Z', reply)).toThrow(
      expect.objectContaining({ code: 'CALENDAR_INVALID_DATE' }),
    );
  });

  it('reads instants in Asia/Shanghai', () => {
    expect(calendar.legalDateOf('2024-03-01T16:30:00Z')).toBe('2024-03-02');
    expect(calendar.legalDateOf('2024-03-01T15:30:00Z')).toBe('2024-03-01');
  });

  describe('refuses a schedule it cannot trust', () => {
    const year = (holidays: Record<string, string>, workdays: string[]): CalendarSchedule => ({
      years: { '2030': { holidays, workdays, source: 'test' } },
    });
    it.each([
      [
        'a date that does not exist',
        year({ '2030-02-30': '春节' }, []),
        'holiday "2030-02-30" is not a real date',
      ],
      [
        'a date outside its year',
        year({ '2031-01-01': '元旦' }, []),
        'holiday 2031-01-01 lies outside the year 2030',
      ],
      [
        'a make-up workday on a weekday',
        year({}, ['2030-01-02']),
        'workday 2030-01-02 is not a Saturday or Sunday',
      ],
      [
        'a day both holiday and workday',
        year({ '2030-01-05': '元旦' }, ['2030-01-05']),
        'workday 2030-01-05 is also listed as a holiday',
      ],
      ['a holiday without a name', year({ '2030-01-01': ' ' }, []), 'holiday 2030-01-01 needs a name'],
    ])('%s', (_what, schedule, message) => {
      let thrown: unknown;
      try {
        createLegalCalendar(schedule);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(CalendarScheduleError);
      expect((thrown as CalendarScheduleError).code).toBe('CALENDAR_SCHEDULE_INVALID');
      expect((thrown as Error).message).toContain(`2030: ${message}`);
    });
  });
});
