/**
 * The Measures are a trial (Art 18): their numbers may change. Every number lives here, and every
 * event records the `version` of the rule set that applied to it.
 */
export type DayCounting = 'calendar' | 'working';

export interface DeadlineRule {
  /** Stable name, shown in deadline explanations, e.g. `invitation.notice`. */
  readonly name: string;
  readonly article: string;
  readonly days: number;
  /**
   * `calendar`: every day counts, but a period ending on a rest day ends on the next working day.
   * `working`: only working days count (weekends and statutory holidays skipped, 调休 make-up days counted).
   */
  readonly counting: DayCounting;
}

export type LetterKind = 'JUDICIAL_SUGGESTION' | 'PROCURATORIAL_SUGGESTION' | 'RECONSIDERATION_OPINION';

export interface RuleSet {
  readonly version: string;
  /** Art 4/7: written notice within 30 days from the inviting agency's acceptance of the case. */
  readonly invitationNotice: DeadlineRule;
  /** Art 4/7: written reply within 3 days of receiving the notice (counted in working days). */
  readonly invitationReply: DeadlineRule;
  /** Art 8: the organ's response to a letter is due within this period of service, per kind. */
  readonly letterResponse: Readonly<Record<LetterKind, DeadlineRule>>;
  /** Art 10: a major-risk case is reported to county leadership "in time": within this period of the assessment. */
  readonly majorRiskEscalation: DeadlineRule;
  /** Art 10: the number of people involved from which a case is major risk, whatever its stated level. */
  readonly majorRiskPeopleThreshold: number;
  /** Art 11: after a contest is rejected, a new contest waits this long. */
  readonly flagContestCooldown: DeadlineRule;
  /** Art 11: longest allowed period between a flag's confirmation and its review (expiry) date. */
  readonly flagMaxReviewPeriod: DeadlineRule;
  /**
   * Art 11: when the register raises a pattern alert for human review (never a flag): this many
   * filings by one party against the same organ within this many calendar days.
   */
  readonly abusePatternAlert: { readonly minFilings: number; readonly windowDays: number };
}

export const RULES_2021_V1: RuleSet = {
  version: 'lushan-2021-144/v1',
  invitationNotice: { name: 'invitation.notice', article: 'Art 4, Art 7', days: 30, counting: 'calendar' },
  invitationReply: { name: 'invitation.reply', article: 'Art 4, Art 7', days: 3, counting: 'working' },
  letterResponse: {
    JUDICIAL_SUGGESTION: {
      name: 'letter.response.judicial',
      article: 'Art 8',
      days: 60,
      counting: 'calendar',
    },
    PROCURATORIAL_SUGGESTION: {
      name: 'letter.response.procuratorial',
      article: 'Art 8',
      days: 60,
      counting: 'calendar',
    },
    RECONSIDERATION_OPINION: {
      name: 'letter.response.reconsideration',
      article: 'Art 8',
      days: 60,
      counting: 'calendar',
    },
  },
  majorRiskEscalation: { name: 'risk.escalation', article: 'Art 10', days: 1, counting: 'working' },
  majorRiskPeopleThreshold: 5,
  flagContestCooldown: {
    name: 'register.contest.cooldown',
    article: 'Art 11',
    days: 30,
    counting: 'calendar',
  },
  flagMaxReviewPeriod: { name: 'register.flag.review', article: 'Art 11', days: 365, counting: 'calendar' },
  abusePatternAlert: { minFilings: 3, windowDays: 365 },
};

/** Every rule set ever in force, by version, so that history can be explained by the rules of its time. */
export const RULE_SETS: Readonly<Record<string, RuleSet>> = { [RULES_2021_V1.version]: RULES_2021_V1 };

export const CURRENT_RULES: RuleSet = RULES_2021_V1;

/** The rule set an event was decided under, so that history is explained by the rules of its time. */
export function ruleSetByVersion(version: string): RuleSet | undefined {
  return Object.prototype.hasOwnProperty.call(RULE_SETS, version) ? RULE_SETS[version] : undefined;
}

/** Every deadline rule of a rule set, for validation and documentation. */
export function deadlineRules(rules: RuleSet): DeadlineRule[] {
  return [
    rules.invitationNotice,
    rules.invitationReply,
    ...Object.values(rules.letterResponse),
    rules.majorRiskEscalation,
    rules.flagContestCooldown,
    rules.flagMaxReviewPeriod,
  ];
}
