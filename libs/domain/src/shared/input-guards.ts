import type { LegalDate } from '@accord/events';
import { isLegalDate } from '../calendar/civil-date';
import type { RuleError, RuleErrorSpec } from './rule-error';

/**
 * The two input refusals every aggregate has: a malformed field, and an act dated after today.
 * Codes stay per aggregate (`CASE_INVALID_INPUT`, `LETTER_DATE_IN_FUTURE`, …: clients rely on them);
 * the wording and the checks are defined here once.
 */

/** The catalogue entry of an aggregate's `*_DATE_IN_FUTURE` code. */
export const DATE_IN_FUTURE_SPEC: RuleErrorSpec = {
  kind: 'rule',
  en: 'A date of something that has happened cannot be later than today (Asia/Shanghai).',
  zh: '已发生事项的日期不得晚于今日（北京时间）。',
};

/** The catalogue entry of an aggregate's `*_INVALID_INPUT` code, naming what the command is. */
export function invalidInputSpec(what: { en: string; zh: string }, article?: string): RuleErrorSpec {
  return {
    kind: 'rule',
    ...(article === undefined ? {} : { article }),
    en: `The ${what.en} is incomplete or malformed: a required field is missing or has an impossible value.`,
    zh: `${what.zh}内容不完整或格式错误：缺少必填项或取值不合理。`,
  };
}

export interface DateGuards {
  /** A real calendar date `YYYY-MM-DD`. */
  requireDate(value: unknown, field: string): LegalDate;
  /** A real date that has already come (Asia/Shanghai): acts are recorded once done. */
  pastDate(value: unknown, field: string, today: LegalDate): LegalDate;
}

/** The date checks, refusing with the aggregate's own two codes. */
export function dateGuards(
  invalid: (details: Record<string, unknown>) => RuleError,
  inFuture: (details: Record<string, unknown>) => RuleError,
): DateGuards {
  const requireDate = (value: unknown, field: string): LegalDate => {
    if (!isLegalDate(value)) throw invalid({ field, problem: 'must be a date YYYY-MM-DD', value });
    return value;
  };
  return {
    requireDate,
    pastDate(value, field, today) {
      const date = requireDate(value, field);
      if (date > today) throw inFuture({ field, date, today });
      return date;
    },
  };
}
