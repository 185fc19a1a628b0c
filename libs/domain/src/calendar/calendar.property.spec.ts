import fc from 'fast-check';
import type { DeadlineRule } from '../rules/rule-set';
import { testCalendar } from '../testing/calendar';
import { createLegalCalendar } from './calendar';
import { fromDayNumber, isWeekendDayNumber, toDayNumber, yearOfDayNumber } from './civil-date';
import type { LegalCalendar } from './legal-calendar';
import type { CalendarSchedule } from './schedule';

const covered = fc.integer({ min: toDayNumber('2024-01-01'), max: toDayNumber('2026-12-31') });
const uncovered = fc.integer({ min: toDayNumber('2031-01-01'), max: toDayNumber('2031-12-31') });
const anyStart = fc.oneof(covered, uncovered).map(fromDayNumber);
const counting = fc.constantFrom<DeadlineRule['counting']>('calendar', 'working');
const rule = (days: number, how: DeadlineRule['counting']): DeadlineRule => ({
  name: 'prop',
  article: 'Art 4',
  days,
  counting: how,
});

/** Arbitrary official-looking schedules for 2030: random weekday holidays and random make-up weekends. */
const randomSchedule: fc.Arbitrary<CalendarSchedule> = fc
  .uniqueArray(fc.integer({ min: toDayNumber('2030-01-01'), max: toDayNumber('2030-12-31') }), {
    maxLength: 60,
  })
  .map((picked) => {
    const holidays: Record<string, string> = {};
    const workdays: string[] = [];
    for (const n of picked) {
      if (isWeekendDayNumber(n)) workdays.push(fromDayNumber(n));
      else holidays[fromDayNumber(n)] = `节日 ${n}`;
    }
    return { years: { '2030': { holidays, workdays, source: 'random' } } };
  });

const calendars: fc.Arbitrary<{ calendar: LegalCalendar; start: string }> = fc.oneof(
  anyStart.map((start) => ({ calendar: testCalendar(), start })),
  fc
    .tuple(randomSchedule, fc.integer({ min: toDayNumber('2029-12-01'), max: toDayNumber('2030-12-31') }))
    .map(([schedule, n]) => ({ calendar: createLegalCalendar(schedule), start: fromDayNumber(n) })),
);

function workingDaysAfter(calendar: LegalCalendar, start: string, through: string): number {
  let count = 0;
  for (let n = toDayNumber(start) + 1; n <= toDayNumber(through); n++) {
    if (calendar.isWorkingDay(fromDayNumber(n))) count++;
  }
  return count;
}

describe('deadline properties', () => {
  it('a due date is never a rest day, in either counting', () => {
    fc.assert(
      fc.property(calendars, fc.integer({ min: 1, max: 90 }), counting, ({ calendar, start }, days, how) => {
        const { dueBy } = calendar.deadline(start, rule(days, how));
        expect(calendar.isWorkingDay(dueBy)).toBe(true);
        expect(toDayNumber(dueBy)).toBeGreaterThan(toDayNumber(start));
      }),
      { numRuns: 1000 },
    );
  });

  it('more days never give an earlier due date', () => {
    fc.assert(
      fc.property(
        calendars,
        fc.integer({ min: 1, max: 90 }),
        fc.integer({ min: 0, max: 30 }),
        counting,
        ({ calendar, start }, days, more, how) => {
          const shorter = calendar.deadline(start, rule(days, how)).dueBy;
          const longer = calendar.deadline(start, rule(days + more, how)).dueBy;
          expect(toDayNumber(longer)).toBeGreaterThanOrEqual(toDayNumber(shorter));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('a later start never gives an earlier due date', () => {
    fc.assert(
      fc.property(
        calendars,
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 90 }),
        counting,
        ({ calendar, start }, later, days, how) => {
          const first = calendar.deadline(start, rule(days, how)).dueBy;
          const second = calendar.deadline(fromDayNumber(toDayNumber(start) + later), rule(days, how)).dueBy;
          expect(toDayNumber(second)).toBeGreaterThanOrEqual(toDayNumber(first));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('a working-day period holds exactly its number of working days after the start', () => {
    fc.assert(
      fc.property(calendars, fc.integer({ min: 1, max: 90 }), ({ calendar, start }, days) => {
        const { dueBy } = calendar.deadline(start, rule(days, 'working'));
        expect(workingDaysAfter(calendar, start, dueBy)).toBe(days);
      }),
      { numRuns: 1000 },
    );
  });

  it('a calendar-day period ends on the first working day on or after start + days', () => {
    fc.assert(
      fc.property(calendars, fc.integer({ min: 1, max: 90 }), ({ calendar, start }, days) => {
        const { dueBy } = calendar.deadline(start, rule(days, 'calendar'));
        const nominal = toDayNumber(start) + days;
        expect(toDayNumber(dueBy)).toBeGreaterThanOrEqual(nominal);
        for (let n = nominal; n < toDayNumber(dueBy); n++)
          expect(calendar.isWorkingDay(fromDayNumber(n))).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('the explanation accounts for every day between start and due date', () => {
    fc.assert(
      fc.property(calendars, fc.integer({ min: 1, max: 90 }), counting, ({ calendar, start }, days, how) => {
        const { dueBy, explanation } = calendar.deadline(start, rule(days, how));
        const from = toDayNumber(start);
        const to = toDayNumber(dueBy);
        expect(explanation.dueBy).toBe(dueBy);
        expect(explanation.start).toBe(start);
        expect(explanation.daysCounted).toBe(days);
        expect(to - from).toBe(explanation.daysCounted + explanation.skipped.length);

        const skipped = explanation.skipped.map((d) => toDayNumber(d.date));
        expect(skipped).toEqual([...skipped].sort((a, b) => a - b));
        expect(new Set(skipped).size).toBe(skipped.length);
        for (const day of explanation.skipped) {
          const n = toDayNumber(day.date);
          expect(n).toBeGreaterThan(from);
          expect(n).toBeLessThanOrEqual(to);
          expect(calendar.dayKind(day.date)).toBe(day.reason);
          expect(day.reason === 'holiday').toBe(day.name !== undefined);
        }
        if (how === 'working') {
          // Every rest day passed is reported, and every make-up day that counted too.
          const rest: string[] = [];
          const makeup: string[] = [];
          for (let n = from + 1; n <= to; n++) {
            const kind = calendar.dayKind(fromDayNumber(n));
            if (kind === 'holiday' || kind === 'weekend') rest.push(fromDayNumber(n));
            if (kind === 'makeup_workday') makeup.push(fromDayNumber(n));
          }
          expect(explanation.skipped.map((d) => d.date)).toEqual(rest);
          expect(explanation.makeupDaysCounted).toEqual(makeup);
        }
        const years: number[] = [];
        for (let y = yearOfDayNumber(from); y <= yearOfDayNumber(to); y++) years.push(y);
        expect(explanation.sources.map((s) => Number(s.slice(0, 4)))).toEqual(years);
        expect(explanation.text).toContain(dueBy);
      }),
      { numRuns: 1000 },
    );
  });
});
