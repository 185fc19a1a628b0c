/**
 * The Measures are a trial (Art 18): their numbers may change. Every number lives here, and every
 * event records the `version` of the rule set that applied to it.
 */
import type { Agency, CaseChannel } from '@accord/events';

export type DayCounting = 'calendar' | 'working' | 'months';

export interface DeadlineRule {
  /** Stable name, shown in deadline explanations, e.g. `invitation.notice`. */
  readonly name: string;
  readonly article: string;
  readonly days: number;
  /**
   * `calendar`: every day counts, but a period ending on a rest day ends on the next working day.
   * `working`: only working days count (weekends and statutory holidays skipped, 调休 make-up days counted).
   * `months`: `days` is a number of months; the period ends on the corresponding day of the last month
   * (its last day when it has none), moved to the next working day when that is a rest day.
   */
  readonly counting: DayCounting;
}

export type LetterKind = 'JUDICIAL_SUGGESTION' | 'PROCURATORIAL_SUGGESTION' | 'RECONSIDERATION_OPINION';

/**
 * The fact from which an invitation's 30-day notice period runs (Arts 4–7): the moment the article
 * makes inviting possible. `ACCEPTANCE`: the inviting agency accepted the case (Art 4, literal);
 * `NON_SUPPORT_DECISION`: the procuratorate decided not to support the supervision application (Art 6);
 * `RISK_FINDING`: the court recorded that the dispute may lead to appeal, petition or instability (Art 5).
 */
export type NoticePeriodStart = 'ACCEPTANCE' | 'NON_SUPPORT_DECISION' | 'RISK_FINDING';

/** Where a law other than the Measures sets a period, the rule cites it; else it is the ledger's own choice. */
export interface LegalSource {
  /** e.g. `《中华人民共和国行政复议法》第七十六条`, or null when no law sets the period (our choice). */
  readonly citation: string | null;
  readonly en: string;
  readonly zh: string;
}

export interface RuleSet {
  readonly version: string;
  /** Arts 4–7: the fact the notice period runs from, by the channel of the inviting agency's case. */
  readonly noticePeriodStart: Readonly<Record<CaseChannel, NoticePeriodStart>>;
  /** Art 4: a notice served after its period is refused (v1) or recorded as late (v2). */
  readonly lateNotice: 'refuse' | 'record';
  /** Art 4 书面通知: the invitee's department the written notice is addressed to, by default. */
  readonly noticeAddressee: Readonly<Record<Agency, string>>;
  /** Art 4: the written notice and the written reply carry a document reference (v2). */
  readonly documentRefsRequired: boolean;
  /** Art 10: a major-risk assessment owes a prevention and handling plan within this period; null: not tracked (v1). */
  readonly preventionPlan: DeadlineRule | null;
  /**
   * Arts 2–3: `ALL_PARTIES_CONSENT` (v1): a withdrawal rests on every party's consent.
   * `APPLICANT` (v2): it is the applicant's own act; in litigation the court's approval (准许) is recorded.
   */
  readonly withdrawal: 'ALL_PARTIES_CONSENT' | 'APPLICANT';
  /** Art 2: a settlement (和解) records the respondent organ's agreement as well as the parties' (v2). */
  readonly settlementNeedsOrganAgreement: boolean;
  /**
   * Art 12: `GOV_OFFICE_PARTICIPANT` (v1): attendance by any participant, the report by a participating
   * government office. `AS_WRITTEN` (v2): the notifying agency records attendance; the government office
   * reports an unjustified absence whether or not it takes part in the case.
   */
  readonly absence: 'GOV_OFFICE_PARTICIPANT' | 'AS_WRITTEN';
  /** Art 8: a letter issued in the course of a dispute names an existing case the issuer takes part in (v2). */
  readonly letterCaseMustExist: boolean;
  /** Art 8: where each letter kind's response period comes from, recorded at service (v2); null: not recorded (v1). */
  readonly letterResponseSource: Readonly<Record<LetterKind, LegalSource>> | null;
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

const OUR_CHOICE_60_DAYS: LegalSource = {
  citation: null,
  en: 'no law sets this period; 60 days is our choice',
  zh: '法律未规定该期限，60 日为本系统的设定',
};

export const RULES_2021_V1: RuleSet = {
  version: 'lushan-2021-144/v1',
  noticePeriodStart: {
    RECONSIDERATION: 'ACCEPTANCE',
    LITIGATION: 'ACCEPTANCE',
    PROCURATORIAL_SUPERVISION: 'ACCEPTANCE',
  },
  lateNotice: 'refuse',
  noticeAddressee: { PROCURATORATE: '行政检察部门', COURT: '行政审判庭', GOV_OFFICE: '县政府办公室' },
  documentRefsRequired: false,
  preventionPlan: null,
  withdrawal: 'ALL_PARTIES_CONSENT',
  settlementNeedsOrganAgreement: false,
  absence: 'GOV_OFFICE_PARTICIPANT',
  letterCaseMustExist: false,
  letterResponseSource: null,
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

/**
 * v2: the Measures as their users read them (docs/rules.md, "Readings" and "v1 → v2"). Periods run from
 * the moment inviting becomes possible, late acts are recorded rather than refused, Art 12 and the
 * withdrawal follow the text, the plan of Art 10 is tracked, and Art 8 periods cite their source.
 */
export const RULES_2021_V2: RuleSet = {
  ...RULES_2021_V1,
  version: 'lushan-2021-144/v2',
  noticePeriodStart: {
    RECONSIDERATION: 'ACCEPTANCE',
    LITIGATION: 'RISK_FINDING',
    PROCURATORIAL_SUPERVISION: 'NON_SUPPORT_DECISION',
  },
  lateNotice: 'record',
  documentRefsRequired: true,
  // Reading of 及时 for the plan: as promptly as Art 4 expects a written answer between agencies, 3 working days.
  preventionPlan: { name: 'risk.plan', article: 'Art 10', days: 3, counting: 'working' },
  // 人数众多: ten or more, as the Supreme People's Court reads the same words (行诉解释 第二十九条).
  majorRiskPeopleThreshold: 10,
  withdrawal: 'APPLICANT',
  settlementNeedsOrganAgreement: true,
  absence: 'AS_WRITTEN',
  letterCaseMustExist: true,
  letterResponse: {
    ...RULES_2021_V1.letterResponse,
    PROCURATORIAL_SUGGESTION: {
      name: 'letter.response.procuratorial',
      article: 'Art 8',
      days: 2,
      counting: 'months',
    },
  },
  letterResponseSource: {
    JUDICIAL_SUGGESTION: OUR_CHOICE_60_DAYS,
    PROCURATORIAL_SUGGESTION: {
      citation: '《人民检察院检察建议工作规定》（2019）第十九条',
      en: 'the People’s Procuratorate Rules on Procuratorial Suggestions (2019), Art 19: two months from receipt',
      zh: '《人民检察院检察建议工作规定》第十九条：收到检察建议书之日起两个月以内书面回复',
    },
    RECONSIDERATION_OPINION: {
      citation: '《中华人民共和国行政复议法》（2023）第七十六条',
      en: 'Administrative Reconsideration Law (2023), Art 76: sixty days from receipt',
      zh: '《中华人民共和国行政复议法》第七十六条：自收到行政复议意见书之日起六十日内',
    },
  },
};

/** Every rule set ever in force, by version, so that history can be explained by the rules of its time. */
export const RULE_SETS: Readonly<Record<string, RuleSet>> = {
  [RULES_2021_V1.version]: RULES_2021_V1,
  [RULES_2021_V2.version]: RULES_2021_V2,
};

export const CURRENT_RULES: RuleSet = RULES_2021_V2;

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
    ...(rules.preventionPlan ? [rules.preventionPlan] : []),
    rules.flagContestCooldown,
    rules.flagMaxReviewPeriod,
  ];
}
