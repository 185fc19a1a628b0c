import type { Agency, Event, LegalDate } from '../event';

/** Art 8: the letter's kind follows its issuer. */
export const SUGGESTION_LETTER_KINDS = [
  'JUDICIAL_SUGGESTION',
  'PROCURATORIAL_SUGGESTION',
  'RECONSIDERATION_OPINION',
] as const;
export type SuggestionLetterKind = (typeof SUGGESTION_LETTER_KINDS)[number];

export const LETTER_KIND_OF_ISSUER: Readonly<Record<Agency, SuggestionLetterKind>> = {
  COURT: 'JUDICIAL_SUGGESTION',
  PROCURATORATE: 'PROCURATORIAL_SUGGESTION',
  GOV_OFFICE: 'RECONSIDERATION_OPINION',
};

/** Art 8: unlawful act, flawed act (瑕疵), or a duty the organ is idle in (怠于履行). */
export const LETTER_GROUNDS = ['UNLAWFUL_ACT', 'FLAWED_ACT', 'DUTY_NOT_PERFORMED'] as const;
export type LetterGround = (typeof LETTER_GROUNDS)[number];

export const LETTER_RESPONSE_OUTCOMES = ['ADOPTED', 'PARTLY_ADOPTED', 'REJECTED'] as const;
export type LetterResponseOutcome = (typeof LETTER_RESPONSE_OUTCOMES)[number];

/** An administrative organ (行政机关), by its code and name. */
export interface OrganRef {
  readonly code: string;
  readonly name: string;
}

/**
 * A computed deadline as stored on an event: the due date and why it falls there. Same shape as the
 * domain calendar's `DeadlineExplanation`, restated here because the catalogue depends on nothing.
 */
export interface StoredDeadline {
  readonly rule: string;
  readonly article: string;
  /** `months` (v2): `days` is a number of months. */
  readonly counting: 'calendar' | 'working' | 'months';
  readonly days: number;
  readonly start: LegalDate;
  readonly dueBy: LegalDate;
  readonly daysCounted: number;
  readonly skipped: readonly {
    readonly date: LegalDate;
    readonly reason: 'weekend' | 'holiday';
    readonly name?: string;
  }[];
  readonly makeupDaysCounted?: readonly LegalDate[];
  readonly sources: readonly string[];
  /** v2: years without an official schedule (statutory holidays computed): the date may move. */
  readonly provisionalYears?: readonly string[];
  /** v2: years with no schedule at all (weekends only). */
  readonly unscheduledYears?: readonly string[];
  /** The sentence in English, as rendered when recorded (the API renders it again in the reader's language). */
  readonly text: string;
}

export type LetterIssued = Event<
  'LetterIssued',
  {
    letterId: string;
    kind: SuggestionLetterKind;
    issuer: Agency;
    organ: OrganRef;
    grounds: readonly LetterGround[];
    facts: string;
    /** The case the letter arose from, when there is one. */
    caseId: string | null;
    issuedOn: LegalDate;
  }
>;

export type LetterServed = Event<
  'LetterServed',
  {
    letterId: string;
    servedOn: LegalDate;
    responseDueBy: LegalDate;
    responseDeadline: StoredDeadline;
    /** v2: where the period comes from — a law's citation, or null where none sets one (our choice). */
    responseSource?: { readonly citation: string | null; readonly en: string; readonly zh: string };
  }
>;

export type LetterResponseRecorded = Event<
  'LetterResponseRecorded',
  {
    letterId: string;
    organCode: string;
    respondedOn: LegalDate;
    outcome: LetterResponseOutcome;
    /** What the organ says it did or will do. */
    summary: string;
    /** Why it rejected the letter (REJECTED), else null. */
    reasons: string | null;
    /** What it did not adopt (PARTLY_ADOPTED), else null. */
    notAdopted: string | null;
    /** Responded after the due date computed at service. */
    late: boolean;
  }
>;

export type LetterFollowUpRecorded = Event<
  'LetterFollowUpRecorded',
  { letterId: string; followedUpOn: LegalDate; means: string; note: string }
>;

export type LetterClosed = Event<'LetterClosed', { letterId: string; closedOn: LegalDate; note: string }>;

export type LetterEvent =
  LetterIssued | LetterServed | LetterResponseRecorded | LetterFollowUpRecorded | LetterClosed;

export const LETTER_EVENT_SCHEMA_VERSIONS: Readonly<Record<LetterEvent['type'], number>> = {
  LetterIssued: 1,
  LetterServed: 1,
  LetterResponseRecorded: 1,
  LetterFollowUpRecorded: 1,
  LetterClosed: 1,
};
