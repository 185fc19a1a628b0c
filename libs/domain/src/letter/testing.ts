import type {
  Actor,
  LetterClosed,
  LetterFollowUpRecorded,
  LetterIssued,
  LetterResponseRecorded,
  LetterServed,
} from '@accord/events';
import { metadata } from '../agency/testing';
import { testCalendar } from '../testing/calendar';
import { RULES_2021_V1 } from '../rules/rule-set';
import type {
  CloseLetter,
  IssueLetter,
  RecordFollowUp,
  RecordLetterResponse,
  ServeLetter,
} from './letter.decider';

export const LETTER_ID = 'letter-2024-017';
export const ORGAN = { code: 'LS-NRB', name: '鲁山县自然资源局 Lushan County Natural Resources Bureau' };
export const ORGAN_ACTOR: Actor = { agency: `ORGAN:${ORGAN.code}`, staffId: 'nrb-office', role: 'clerk' };

export function issueLetter(by: Actor, today: string, data: Partial<IssueLetter['data']> = {}): IssueLetter {
  return {
    type: 'IssueLetter',
    data: {
      letterId: LETTER_ID,
      organ: ORGAN,
      grounds: ['FLAWED_ACT'],
      facts: 'The expropriation notice omitted the compensation standard.',
      caseId: 'case-2024-031',
      issuedOn: today,
      ...data,
    },
    metadata: metadata(by, today),
  };
}

export function serveLetter(by: Actor, today: string, servedOn = today): ServeLetter {
  return { type: 'ServeLetter', data: { letterId: LETTER_ID, servedOn }, metadata: metadata(by, today) };
}

export function recordResponse(
  by: Actor,
  today: string,
  data: Partial<RecordLetterResponse['data']> = {},
): RecordLetterResponse {
  return {
    type: 'RecordLetterResponse',
    data: {
      letterId: LETTER_ID,
      respondedOn: today,
      outcome: 'ADOPTED',
      summary: 'The notice was reissued with the compensation standard.',
      ...data,
    },
    metadata: metadata(by, today),
  };
}

export function recordFollowUp(by: Actor, today: string, followedUpOn = today): RecordFollowUp {
  return {
    type: 'RecordFollowUp',
    data: {
      letterId: LETTER_ID,
      followedUpOn,
      means: 'telephone',
      note: 'Asked when the notice will be reissued.',
    },
    metadata: metadata(by, today),
  };
}

export function closeLetter(by: Actor, today: string, closedOn = today): CloseLetter {
  return {
    type: 'CloseLetter',
    data: { letterId: LETTER_ID, closedOn, note: 'The organ has answered; the letter is closed.' },
    metadata: metadata(by, today),
  };
}

export function letterIssued(issuedOn: string, data: Partial<LetterIssued['data']> = {}): LetterIssued {
  return {
    type: 'LetterIssued',
    data: {
      letterId: LETTER_ID,
      kind: 'JUDICIAL_SUGGESTION',
      issuer: 'COURT',
      organ: ORGAN,
      grounds: ['FLAWED_ACT'],
      facts: 'The expropriation notice omitted the compensation standard.',
      caseId: 'case-2024-031',
      issuedOn,
      ...data,
    },
  };
}

/** Served under the real calendar and rule set, so the stored deadline is what the decider computes. */
export function letterServed(servedOn: string): LetterServed {
  const deadline = testCalendar().deadline(servedOn, RULES_2021_V1.letterResponse.JUDICIAL_SUGGESTION);
  return {
    type: 'LetterServed',
    data: {
      letterId: LETTER_ID,
      servedOn,
      responseDueBy: deadline.dueBy,
      responseDeadline: deadline.explanation,
    },
  };
}

export function responseRecorded(
  respondedOn: string,
  data: Partial<LetterResponseRecorded['data']> = {},
): LetterResponseRecorded {
  return {
    type: 'LetterResponseRecorded',
    data: {
      letterId: LETTER_ID,
      organCode: ORGAN.code,
      respondedOn,
      outcome: 'ADOPTED',
      summary: 'The notice was reissued with the compensation standard.',
      reasons: null,
      notAdopted: null,
      late: false,
      ...data,
    },
  };
}

export function followUpRecorded(followedUpOn: string): LetterFollowUpRecorded {
  return {
    type: 'LetterFollowUpRecorded',
    data: {
      letterId: LETTER_ID,
      followedUpOn,
      means: 'telephone',
      note: 'Asked when the notice will be reissued.',
    },
  };
}

export function letterClosed(closedOn: string): LetterClosed {
  return {
    type: 'LetterClosed',
    data: { letterId: LETTER_ID, closedOn, note: 'The organ has answered; the letter is closed.' },
  };
}
