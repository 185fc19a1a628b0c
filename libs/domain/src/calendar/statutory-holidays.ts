import type { LegalDate } from '@accord/events';
import { addCalendarDays } from './civil-date';
import type { YearSchedule } from './schedule';

/**
 * The lunar and solar-term dates of one Gregorian year that the national holiday rules depend on.
 * Computed outside the domain (libs/calendar-data, from a maintained package) and handed in.
 */
export interface LunarYearFacts {
  /** 农历正月初一 (Spring Festival day) falling in this year. */
  readonly springFestival: LegalDate;
  /** 清明 solar term. */
  readonly qingming: LegalDate;
  /** 农历五月初五 (Dragon Boat Festival). */
  readonly dragonBoat: LegalDate;
  /** 农历八月十五 (Mid-Autumn Festival). */
  readonly midAutumn: LegalDate;
}

/**
 * A year's statutory holidays as the national holiday rules fix them by themselves (全国年节及纪念日放假办法
 * 第二条): New Year's Day 1 day; Spring Festival 4 days (除夕 to 正月初三); Qingming 1 day; Labour Day 2 days
 * (1–2 May); Dragon Boat 1 day; Mid-Autumn 1 day; National Day 3 days (1–3 October). The State
 * Council's yearly notice adds bridging days and make-up working days (调休) that no rule fixes, so the
 * year is marked provisional until that notice is loaded.
 */
export function statutoryYearSchedule(year: string, facts: LunarYearFacts, source: string): YearSchedule {
  const holidays: Record<LegalDate, string> = {};
  const add = (date: LegalDate, name: string) => {
    if (date.startsWith(`${year}-`)) holidays[date] = name;
  };
  add(`${year}-01-01`, "元旦 New Year's Day");
  for (let offset = -1; offset <= 2; offset++) {
    add(addCalendarDays(facts.springFestival, offset), '春节 Spring Festival');
  }
  add(facts.qingming, '清明 Tomb-sweeping Day');
  add(`${year}-05-01`, '劳动节 Labour Day');
  add(`${year}-05-02`, '劳动节 Labour Day');
  add(facts.dragonBoat, '端午 Dragon Boat Festival');
  add(facts.midAutumn, '中秋 Mid-autumn Festival');
  for (const day of ['01', '02', '03']) add(`${year}-10-${day}`, '国庆节 National Day');
  const sorted = Object.fromEntries(Object.entries(holidays).sort(([a], [b]) => a.localeCompare(b)));
  return { holidays: sorted, workdays: [], source, provisional: true };
}
