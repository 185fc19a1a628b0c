import type {
  Actor,
  FlagConfirmation,
  FlagConfirmed,
  FlagContestDecided,
  FlagContested,
  FlagExpired,
  FlagNotificationRecorded,
  FlagProposed,
  FlagWithdrawn,
  IntegrityNoteAdded,
  PartyRecorded,
} from '@accord/events';
import { metadata } from '../agency/testing';
import { RULES_2021_V1 } from '../rules/rule-set';
import { testCalendar } from '../testing/calendar';
import type {
  AddIntegrityNote,
  ConfirmFlag,
  ContestFlag,
  DecideContest,
  ExpireFlag,
  ProposeFlag,
  RecordFlagNotification,
  WithdrawFlag,
} from './register.commands';

export const PARTY_ID = 'party-0417';
export const PARTY = { kind: 'NATURAL_PERSON', name: '张某 Zhang' } as const;
export const FLAG_ID = 'flag-1';

export function addNote(
  by: Actor,
  today: string,
  data: Partial<AddIntegrityNote['data']> = {},
): AddIntegrityNote {
  return {
    type: 'AddIntegrityNote',
    data: {
      partyId: PARTY_ID,
      party: PARTY,
      noteId: 'note-1',
      polarity: 'NEGATIVE',
      text: 'Filed the same claim in three channels within one month.',
      caseRef: 'case-2024-031',
      notedOn: today,
      ...data,
    },
    metadata: metadata(by, today),
  };
}

export function proposeFlag(by: Actor, today: string, data: Partial<ProposeFlag['data']> = {}): ProposeFlag {
  return {
    type: 'ProposeFlag',
    data: {
      partyId: PARTY_ID,
      party: PARTY,
      flagId: FLAG_ID,
      grounds: 'Eleven suits on the same demolition decision after final judgment.',
      evidence: ['case-2024-031', 'case-2024-044'],
      proposedOn: today,
      ...data,
    },
    metadata: metadata(by, today),
  };
}

export function confirmFlag(
  by: Actor,
  today: string,
  reviewOn: string,
  data: Partial<ConfirmFlag['data']> = {},
): ConfirmFlag {
  return {
    type: 'ConfirmFlag',
    data: { partyId: PARTY_ID, flagId: FLAG_ID, confirmedOn: today, reviewOn, ...data },
    metadata: metadata(by, today),
  };
}

export function notifyParty(by: Actor, today: string, notifiedOn = today): RecordFlagNotification {
  return {
    type: 'RecordFlagNotification',
    data: { partyId: PARTY_ID, flagId: FLAG_ID, notifiedOn, means: 'POST', note: 'Registered post.' },
    metadata: metadata(by, today),
  };
}

export function contestFlag(by: Actor, today: string, contestId = 'contest-1'): ContestFlag {
  return {
    type: 'ContestFlag',
    data: {
      partyId: PARTY_ID,
      flagId: FLAG_ID,
      contestId,
      contestedOn: today,
      grounds: 'The later suits concerned a different decision.',
    },
    metadata: metadata(by, today),
  };
}

export function decideContest(
  by: Actor,
  today: string,
  outcome: DecideContest['data']['outcome'],
  contestId = 'contest-1',
): DecideContest {
  return {
    type: 'DecideContest',
    data: {
      partyId: PARTY_ID,
      flagId: FLAG_ID,
      contestId,
      decidedOn: today,
      outcome,
      reasons: 'Checked the case files.',
    },
    metadata: metadata(by, today),
  };
}

export function withdrawFlag(by: Actor, today: string): WithdrawFlag {
  return {
    type: 'WithdrawFlag',
    data: {
      partyId: PARTY_ID,
      flagId: FLAG_ID,
      withdrawnOn: today,
      reasons: 'The party settled all disputes.',
    },
    metadata: metadata(by, today),
  };
}

export function expireFlag(by: Actor, today: string, expiredOn = today): ExpireFlag {
  return {
    type: 'ExpireFlag',
    data: { partyId: PARTY_ID, flagId: FLAG_ID, expiredOn },
    metadata: metadata(by, today),
  };
}

export const partyRecorded = (): PartyRecorded => ({
  type: 'PartyRecorded',
  data: { partyId: PARTY_ID, ...PARTY },
});

export function noteAdded(
  notedOn: string,
  data: Partial<IntegrityNoteAdded['data']> = {},
): IntegrityNoteAdded {
  return {
    type: 'IntegrityNoteAdded',
    data: {
      partyId: PARTY_ID,
      noteId: 'note-1',
      polarity: 'NEGATIVE',
      text: 'Filed the same claim in three channels within one month.',
      caseRef: 'case-2024-031',
      notedOn,
      notedBy: 'COURT',
      ...data,
    },
  };
}

export function flagProposed(proposedOn: string, data: Partial<FlagProposed['data']> = {}): FlagProposed {
  return {
    type: 'FlagProposed',
    data: {
      partyId: PARTY_ID,
      flagId: FLAG_ID,
      proposedBy: 'COURT',
      grounds: 'Eleven suits on the same demolition decision after final judgment.',
      evidence: ['case-2024-031', 'case-2024-044'],
      proposedOn,
      ...data,
    },
  };
}

export function flagConfirmed(
  confirmedOn: string,
  reviewOn: string,
  confirmation: FlagConfirmation = { via: 'AGENCY', agency: 'PROCURATORATE' },
): FlagConfirmed {
  return {
    type: 'FlagConfirmed',
    data: {
      partyId: PARTY_ID,
      flagId: FLAG_ID,
      confirmation,
      confirmedOn,
      reviewOn,
      reviewLimit: testCalendar().deadline(confirmedOn, RULES_2021_V1.flagMaxReviewPeriod).explanation,
    },
  };
}

export function partyNotified(notifiedOn: string): FlagNotificationRecorded {
  return {
    type: 'FlagNotificationRecorded',
    data: { partyId: PARTY_ID, flagId: FLAG_ID, notifiedOn, means: 'POST', note: 'Registered post.' },
  };
}

export function flagContested(contestedOn: string, contestId = 'contest-1'): FlagContested {
  return {
    type: 'FlagContested',
    data: {
      partyId: PARTY_ID,
      flagId: FLAG_ID,
      contestId,
      contestedOn,
      grounds: 'The later suits concerned a different decision.',
      recordedBy: 'COURT',
    },
  };
}

export function contestDecided(
  decidedOn: string,
  outcome: FlagContestDecided['data']['outcome'],
  contestId = 'contest-1',
): FlagContestDecided {
  return {
    type: 'FlagContestDecided',
    data: {
      partyId: PARTY_ID,
      flagId: FLAG_ID,
      contestId,
      decidedOn,
      outcome,
      reasons: 'Checked the case files.',
      decidedBy: 'GOV_OFFICE',
      cooldown:
        outcome === 'REJECTED'
          ? testCalendar().deadline(decidedOn, RULES_2021_V1.flagContestCooldown).explanation
          : null,
    },
  };
}

export function flagWithdrawn(
  withdrawnOn: string,
  withdrawnBy: FlagWithdrawn['data']['withdrawnBy'] = 'COURT',
): FlagWithdrawn {
  return {
    type: 'FlagWithdrawn',
    data: {
      partyId: PARTY_ID,
      flagId: FLAG_ID,
      withdrawnOn,
      reasons: 'The party settled all disputes.',
      withdrawnBy,
    },
  };
}

export function flagExpired(expiredOn: string, reviewOn: string): FlagExpired {
  return { type: 'FlagExpired', data: { partyId: PARTY_ID, flagId: FLAG_ID, expiredOn, reviewOn } };
}
