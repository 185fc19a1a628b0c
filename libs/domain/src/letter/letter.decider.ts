import {
  LETTER_GROUNDS,
  LETTER_KIND_OF_ISSUER,
  LETTER_RESPONSE_OUTCOMES,
  SUGGESTION_LETTER_KINDS,
  type Agency,
  type LegalDate,
  type LetterEvent,
  type LetterGround,
  type LetterResponseOutcome,
  type OrganRef,
  type StoredDeadline,
  type SuggestionLetterKind,
} from '@accord/events';
import type { Command } from '../shared/command';
import type { Decider } from '../shared/decider';
import { actingAgencyOrNull, isOneOf, isText, latest, legalToday } from '../agency/guards';
import { dateGuards } from '../shared/input-guards';
import { letterError } from './letter.errors';

export type IssueLetter = Command<
  'IssueLetter',
  {
    letterId: string;
    /** Optional: derived from the issuer; when given it must match (Art 8). */
    kind?: SuggestionLetterKind;
    organ: OrganRef;
    grounds: readonly LetterGround[];
    facts: string;
    caseId?: string | null;
    issuedOn: LegalDate;
    /** What the handler read of the named case: whether it exists and the issuer takes part in it (Art 8, Art 17). */
    caseFacts?: { readonly exists: boolean; readonly issuerTakesPart: boolean } | null;
  }
>;
export type ServeLetter = Command<'ServeLetter', { letterId: string; servedOn: LegalDate }>;
export type RecordLetterResponse = Command<
  'RecordLetterResponse',
  {
    letterId: string;
    respondedOn: LegalDate;
    outcome: LetterResponseOutcome;
    summary: string;
    reasons?: string | null;
    notAdopted?: string | null;
  }
>;
export type RecordFollowUp = Command<
  'RecordFollowUp',
  { letterId: string; followedUpOn: LegalDate; means: string; note: string }
>;
export type CloseLetter = Command<'CloseLetter', { letterId: string; closedOn: LegalDate; note: string }>;

export type LetterCommand = IssueLetter | ServeLetter | RecordLetterResponse | RecordFollowUp | CloseLetter;

export interface LetterResponse {
  readonly respondedOn: LegalDate;
  readonly outcome: LetterResponseOutcome;
  readonly summary: string;
  readonly reasons: string | null;
  readonly notAdopted: string | null;
  readonly late: boolean;
}

export interface LetterFile {
  readonly letterId: string;
  readonly kind: SuggestionLetterKind;
  readonly issuer: Agency;
  readonly organ: OrganRef;
  readonly grounds: readonly LetterGround[];
  readonly facts: string;
  readonly caseId: string | null;
  readonly issuedOn: LegalDate;
  readonly servedOn: LegalDate | null;
  readonly responseDueBy: LegalDate | null;
  readonly responseDeadline: StoredDeadline | null;
  readonly response: LetterResponse | null;
  readonly followUps: readonly {
    readonly followedUpOn: LegalDate;
    readonly means: string;
    readonly note: string;
  }[];
  readonly closedOn: LegalDate | null;
  readonly closingNote: string | null;
}

/**
 * issued → served → answered → closed. "Answered" is what Art 8 calls the organ having acted: its
 * written response (adopted, partly adopted, or rejected with reasons) is on record.
 */
export type LetterState =
  | { readonly status: 'none' }
  | ({ readonly status: 'issued' | 'served' | 'answered' | 'closed' } & LetterFile);

type OpenLetter = Exclude<LetterState, { status: 'none' }>;

export const initialLetterState = (): LetterState => ({ status: 'none' });

export function decideLetter(command: LetterCommand, state: LetterState): LetterEvent[] {
  if (command.metadata.actor.role === 'auditor') throw letterError('LETTER_AUDITOR_READ_ONLY');
  switch (command.type) {
    case 'IssueLetter':
      return issue(command, state);
    case 'ServeLetter':
      return serve(command, existing(state));
    case 'RecordLetterResponse':
      return respond(command, existing(state));
    case 'RecordFollowUp':
      return followUp(command, existing(state));
    case 'CloseLetter':
      return close(command, existing(state));
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

function existing(state: LetterState): OpenLetter {
  if (state.status === 'none') throw letterError('LETTER_NOT_FOUND');
  if (state.status === 'closed') throw letterError('LETTER_CLOSED', { closedOn: state.closedOn });
  return state;
}

function invalid(field: string, value: unknown): never {
  throw letterError('LETTER_INVALID_INPUT', { field, value });
}

const { pastDate } = dateGuards(
  (details) => letterError('LETTER_INVALID_INPUT', details),
  (details) => letterError('LETTER_DATE_IN_FUTURE', details),
);

function requireNotBefore(field: string, date: LegalDate, notBefore: LegalDate, step: string): void {
  if (date < notBefore) throw letterError('LETTER_DATE_OUT_OF_ORDER', { field, date, notBefore, step });
}

function requireIssuer(command: LetterCommand, letter: OpenLetter): void {
  const agency = actingAgencyOrNull(command.metadata.actor);
  if (agency !== letter.issuer)
    throw letterError('LETTER_NOT_ISSUER', { issuer: letter.issuer, actor: command.metadata.actor.agency });
}

function issue(command: IssueLetter, state: LetterState): LetterEvent[] {
  if (state.status !== 'none') throw letterError('LETTER_ALREADY_ISSUED', { letterId: state.letterId });
  const { data, metadata } = command;
  const issuer = actingAgencyOrNull(metadata.actor);
  // Art 8: letters go from the three agencies to an organ, never from an organ.
  if (!issuer) throw letterError('LETTER_ISSUER_NOT_AGENCY', { actor: metadata.actor.agency });
  const kind = LETTER_KIND_OF_ISSUER[issuer];
  if (data.kind !== undefined && data.kind !== kind) {
    if (!isOneOf(SUGGESTION_LETTER_KINDS, data.kind)) invalid('kind', data.kind);
    throw letterError('LETTER_KIND_MISMATCH', { issuer, kind: data.kind, expected: kind });
  }
  if (!isText(data.letterId)) invalid('letterId', data.letterId);
  if (!data.organ || !isText(data.organ.code) || !isText(data.organ.name)) invalid('organ', data.organ);
  if (
    !Array.isArray(data.grounds) ||
    data.grounds.length === 0 ||
    !data.grounds.every((g) => isOneOf(LETTER_GROUNDS, g)) ||
    new Set(data.grounds).size !== data.grounds.length
  )
    invalid('grounds', data.grounds);
  if (!isText(data.facts)) invalid('facts', data.facts);
  const caseId = data.caseId ?? null;
  if (caseId !== null && !isText(caseId)) invalid('caseId', caseId);
  // Art 8 (v2): 在行政争议化解过程中 — the letter comes out of a case the issuer takes part in.
  if (metadata.rules.letterCaseMustExist) {
    if (caseId === null) throw letterError('LETTER_CASE_REQUIRED');
    if (!data.caseFacts?.exists || !data.caseFacts.issuerTakesPart)
      throw letterError('LETTER_CASE_NOT_FOUND', { caseId });
  }
  const issuedOn = pastDate(data.issuedOn, 'issuedOn', legalToday(metadata));
  return [
    {
      type: 'LetterIssued',
      data: {
        letterId: data.letterId,
        kind,
        issuer,
        organ: { code: data.organ.code, name: data.organ.name },
        grounds: [...data.grounds],
        facts: data.facts,
        caseId,
        issuedOn,
      },
    },
  ];
}

function serve(command: ServeLetter, letter: OpenLetter): LetterEvent[] {
  requireIssuer(command, letter);
  if (letter.servedOn !== null) throw letterError('LETTER_ALREADY_SERVED', { servedOn: letter.servedOn });
  const { metadata } = command;
  const servedOn = pastDate(command.data.servedOn, 'servedOn', legalToday(metadata));
  requireNotBefore('servedOn', servedOn, letter.issuedOn, 'issue');
  // Art 8: the organ's response period runs from service, by the rule for the letter's kind.
  const deadline = metadata.calendar.deadline(servedOn, metadata.rules.letterResponse[letter.kind]);
  return [
    {
      type: 'LetterServed',
      data: {
        letterId: letter.letterId,
        servedOn,
        responseDueBy: deadline.dueBy,
        responseDeadline: deadline.explanation,
        ...(metadata.rules.letterResponseSource
          ? { responseSource: { ...metadata.rules.letterResponseSource[letter.kind] } }
          : {}),
      },
    },
  ];
}

function respond(command: RecordLetterResponse, letter: OpenLetter): LetterEvent[] {
  const { data, metadata } = command;
  // Art 8: the organ answers for itself; the agencies cannot record an answer on its behalf.
  if (metadata.actor.agency !== `ORGAN:${letter.organ.code}`)
    throw letterError('LETTER_RESPONDER_NOT_ADDRESSEE', {
      organ: letter.organ.code,
      actor: metadata.actor.agency,
    });
  if (letter.response !== null)
    throw letterError('LETTER_ALREADY_ANSWERED', { respondedOn: letter.response.respondedOn });
  if (letter.servedOn === null || letter.responseDueBy === null) throw letterError('LETTER_NOT_SERVED');
  if (!isOneOf(LETTER_RESPONSE_OUTCOMES, data.outcome)) invalid('outcome', data.outcome);
  if (!isText(data.summary)) invalid('summary', data.summary);
  const reasons = data.reasons ?? null;
  const notAdopted = data.notAdopted ?? null;
  if (data.outcome === 'REJECTED' && !isText(reasons)) throw letterError('LETTER_REJECTION_NEEDS_REASONS');
  if (data.outcome === 'PARTLY_ADOPTED' && !isText(notAdopted))
    throw letterError('LETTER_PARTIAL_NEEDS_DETAIL');
  const respondedOn = pastDate(data.respondedOn, 'respondedOn', legalToday(metadata));
  requireNotBefore('respondedOn', respondedOn, letter.servedOn, 'service');
  return [
    {
      type: 'LetterResponseRecorded',
      data: {
        letterId: letter.letterId,
        organCode: letter.organ.code,
        respondedOn,
        outcome: data.outcome,
        summary: data.summary,
        reasons: isText(reasons) ? reasons : null,
        notAdopted: isText(notAdopted) ? notAdopted : null,
        late: respondedOn > letter.responseDueBy,
      },
    },
  ];
}

function followUp(command: RecordFollowUp, letter: OpenLetter): LetterEvent[] {
  requireIssuer(command, letter);
  // Art 8: 督促履行 presupposes a letter the organ has received.
  if (letter.servedOn === null) throw letterError('LETTER_NOT_SERVED');
  const { data, metadata } = command;
  if (!isText(data.means)) invalid('means', data.means);
  if (!isText(data.note)) invalid('note', data.note);
  const followedUpOn = pastDate(data.followedUpOn, 'followedUpOn', legalToday(metadata));
  requireNotBefore('followedUpOn', followedUpOn, letter.servedOn, 'service');
  return [
    {
      type: 'LetterFollowUpRecorded',
      data: { letterId: letter.letterId, followedUpOn, means: data.means, note: data.note },
    },
  ];
}

function close(command: CloseLetter, letter: OpenLetter): LetterEvent[] {
  requireIssuer(command, letter);
  if (letter.response === null) throw letterError('LETTER_NOT_ACTED_UPON', { status: letter.status });
  const { data, metadata } = command;
  if (!isText(data.note)) invalid('note', data.note);
  const closedOn = pastDate(data.closedOn, 'closedOn', legalToday(metadata));
  const lastStep = latest([letter.response.respondedOn, ...letter.followUps.map((f) => f.followedUpOn)]);
  requireNotBefore('closedOn', closedOn, lastStep, 'last recorded step');
  return [{ type: 'LetterClosed', data: { letterId: letter.letterId, closedOn, note: data.note } }];
}

export function evolveLetter(state: LetterState, event: LetterEvent): LetterState {
  switch (event.type) {
    case 'LetterIssued': {
      const d = event.data;
      return {
        status: 'issued',
        letterId: d.letterId,
        kind: d.kind,
        issuer: d.issuer,
        organ: d.organ,
        grounds: d.grounds,
        facts: d.facts,
        caseId: d.caseId,
        issuedOn: d.issuedOn,
        servedOn: null,
        responseDueBy: null,
        responseDeadline: null,
        response: null,
        followUps: [],
        closedOn: null,
        closingNote: null,
      };
    }
    case 'LetterServed':
      if (state.status === 'none') return state;
      return {
        ...state,
        status: 'served',
        servedOn: event.data.servedOn,
        responseDueBy: event.data.responseDueBy,
        responseDeadline: event.data.responseDeadline,
      };
    case 'LetterResponseRecorded': {
      if (state.status === 'none') return state;
      const { respondedOn, outcome, summary, reasons, notAdopted, late } = event.data;
      return {
        ...state,
        status: 'answered',
        response: { respondedOn, outcome, summary, reasons, notAdopted, late },
      };
    }
    case 'LetterFollowUpRecorded': {
      if (state.status === 'none') return state;
      const { followedUpOn, means, note } = event.data;
      return { ...state, followUps: [...state.followUps, { followedUpOn, means, note }] };
    }
    case 'LetterClosed':
      if (state.status === 'none') return state;
      return { ...state, status: 'closed', closedOn: event.data.closedOn, closingNote: event.data.note };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

export const letterDecider: Decider<LetterCommand, LetterState, LetterEvent> = {
  decide: decideLetter,
  evolve: evolveLetter,
  initialState: initialLetterState,
};
