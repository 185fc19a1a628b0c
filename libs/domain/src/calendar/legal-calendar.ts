import type { Instant, LegalDate } from '@accord/events';
import type { DeadlineRule } from '../rules/rule-set';

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

export interface SkippedDay {
  readonly date: LegalDate;
  readonly reason: 'weekend' | 'holiday';
  /** e.g. 国庆节 / National Day, when the calendar names it. */
  readonly name?: string;
}

/** Why a deadline falls where it does: shown to staff and stored on events. */
export interface DeadlineExplanation {
  readonly rule: string;
  readonly article: string;
  readonly counting: DeadlineRule['counting'];
  readonly days: number;
  /** The day the period starts; it is not counted. */
  readonly start: LegalDate;
  readonly dueBy: LegalDate;
  /** Days that counted towards the period. */
  readonly daysCounted: number;
  /** Rest days passed over (working counting), or by which a calendar period's end moved. */
  readonly skipped: readonly SkippedDay[];
  /** Make-up working days (调休, weekend days worked) that counted towards a working-day period. */
  readonly makeupDaysCounted?: readonly LegalDate[];
  /** Where the calendar of each year touched came from, e.g. `2025: chinese-days 1.5.7`, `2031: weekends only — no official schedule loaded`. */
  readonly sources: readonly string[];
  /**
   * Years touched that have no official schedule (v2): the due date may move when the State Council
   * publishes the year's arrangement. Absent on explanations stored under v1.
   */
  readonly provisionalYears?: readonly string[];
  /** Years touched with no schedule at all: counted on weekends only. Absent on explanations stored under v1. */
  readonly unscheduledYears?: readonly string[];
  /** One sentence in English (rendered from the fields above; `renderExplanation` gives it in Chinese). */
  readonly text: string;
}

export interface Deadline {
  readonly dueBy: LegalDate;
  /** True when the due date rests on a year without an official schedule (see `provisionalYears`). */
  readonly provisional: boolean;
  readonly explanation: DeadlineExplanation;
}

/**
 * The legal-day calendar (Asia/Shanghai). Built outside the domain from data (an official schedule
 * package plus staff corrections) and handed in with each command.
 */
export interface LegalCalendar {
  dayKind(date: LegalDate): DayKind;
  isWorkingDay(date: LegalDate): boolean;
  /** The due date of a period that starts on `start` (the start day is not counted). */
  deadline(start: LegalDate, rule: DeadlineRule): Deadline;
  /** The legal date (Asia/Shanghai) on which an instant falls. */
  legalDateOf(instant: Instant): LegalDate;
}
