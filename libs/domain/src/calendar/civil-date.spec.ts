import fc from 'fast-check';
import { RuleError } from '../shared/rule-error';
import {
  addCalendarDays,
  daysBetween,
  fromDayNumber,
  isLegalDate,
  legalDateOf,
  toDayNumber,
  weekdayOfDayNumber,
} from './civil-date';

const DAY_MS = 86_400_000;

describe('civil dates', () => {
  it('agrees with the platform calendar on day numbers, dates and weekdays (years 1–9999)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -719162, max: 2932896 }), (n) => {
        const platform = new Date(n * DAY_MS);
        const iso = platform.toISOString().slice(0, 10);
        expect(fromDayNumber(n)).toBe(iso);
        expect(toDayNumber(iso)).toBe(n);
        expect(weekdayOfDayNumber(n)).toBe(platform.getUTCDay());
      }),
      { numRuns: 2000 },
    );
  });

  it('knows fixed points: the epoch, a leap day and a Sunday', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(weekdayOfDayNumber(toDayNumber('2024-10-13'))).toBe(0);
  });

  it.each([
    '2024-02-30',
    '2023-02-29',
    '2024-13-01',
    '2024-00-10',
    '2024-1-01',
    '24-01-01',
    '',
    '2024-01-01T00:00Z',
  ])('refuses %j as a legal date', (text) => {
    expect(isLegalDate(text)).toBe(false);
    expect(() => toDayNumber(text)).toThrow(expect.objectContaining({ code: 'CALENDAR_INVALID_DATE' }));
  });

  describe('legalDateOf (Asia/Shanghai, UTC+8)', () => {
    it.each([
      ['2024-03-01T16:30:00Z', '2024-03-02'],
      ['2024-03-01T15:59:59.999Z', '2024-03-01'],
      ['2024-03-01T16:00:00Z', '2024-03-02'],
      ['2024-03-02T00:00:00+08:00', '2024-03-02'],
      ['2024-03-01T23:59:59+08:00', '2024-03-01'],
      ['2024-03-01T12:00:00-05:00', '2024-03-02'],
      ['2024-12-31T16:00:00Z', '2025-01-01'],
      ['2024-02-28T20:00Z', '2024-02-29'],
      ['2024-03-01T00:30:00+0930', '2024-02-29'],
    ])('%s falls on %s', (instant, date) => {
      expect(legalDateOf(instant)).toBe(date);
    });

    it('agrees with the platform for any instant', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 4102444800000 }), (ms) => {
          const instant = new Date(ms).toISOString();
          expect(legalDateOf(instant)).toBe(new Date(ms + 8 * 3600_000).toISOString().slice(0, 10));
        }),
        { numRuns: 2000 },
      );
    });

    it.each([
      '2024-03-01',
      '2024-03-01T16:30:00',
      '2024-02-30T00:00:00Z',
      '2024-03-01T24:00:00Z',
      'yesterday',
    ])('refuses %j', (instant) => {
      let thrown: unknown;
      try {
        legalDateOf(instant);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(RuleError);
      expect((thrown as RuleError).code).toBe('CALENDAR_INVALID_INSTANT');
      expect((thrown as RuleError).spec.zh).toMatch(/时间点/);
    });
  });
});
