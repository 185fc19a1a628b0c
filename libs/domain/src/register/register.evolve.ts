import type { PartyRegisterEvent } from '@accord/events';
import { type FlagRecord, LIVE, type PartyRegisterState } from './register.state';

function updateFlag(
  state: PartyRegisterState,
  flagId: string,
  change: (flag: FlagRecord) => FlagRecord,
): PartyRegisterState {
  if (state.status === 'none') return state;
  const flags = state.flags.map((f) => (f.flagId === flagId ? change(f) : f));
  const active = flags.find((f) => LIVE.includes(f.status));
  return { ...state, flags, activeFlagId: active ? active.flagId : null };
}

export function evolvePartyRegister(
  state: PartyRegisterState,
  event: PartyRegisterEvent,
): PartyRegisterState {
  switch (event.type) {
    case 'PartyRecorded':
      return {
        status: 'recorded',
        partyId: event.data.partyId,
        party: { kind: event.data.kind, name: event.data.name },
        notes: [],
        flags: [],
        activeFlagId: null,
      };
    case 'IntegrityNoteAdded': {
      if (state.status === 'none') return state;
      const { noteId, polarity, text, caseRef, notedOn, notedBy } = event.data;
      return { ...state, notes: [...state.notes, { noteId, polarity, text, caseRef, notedOn, notedBy }] };
    }
    case 'FlagProposed': {
      if (state.status === 'none') return state;
      const d = event.data;
      const flag: FlagRecord = {
        flagId: d.flagId,
        status: 'proposed',
        proposedBy: d.proposedBy,
        grounds: d.grounds,
        evidence: d.evidence,
        proposedOn: d.proposedOn,
        confirmation: null,
        confirmedOn: null,
        reviewOn: null,
        reviewLimit: null,
        notification: null,
        contests: [],
        contestCooldownUntil: null,
        endedOn: null,
        endReason: null,
      };
      return { ...state, flags: [...state.flags, flag], activeFlagId: d.flagId };
    }
    case 'FlagConfirmed': {
      const { confirmation, confirmedOn, reviewOn, reviewLimit } = event.data;
      return updateFlag(state, event.data.flagId, (f) => ({
        ...f,
        status: 'confirmed',
        confirmation,
        confirmedOn,
        reviewOn,
        reviewLimit,
      }));
    }
    case 'FlagNotificationRecorded': {
      const { notifiedOn, means, note } = event.data;
      return updateFlag(state, event.data.flagId, (f) => ({
        ...f,
        notification: { notifiedOn, means, note },
      }));
    }
    case 'FlagContested': {
      const { contestId, contestedOn, grounds, recordedBy } = event.data;
      return updateFlag(state, event.data.flagId, (f) => ({
        ...f,
        status: 'contested',
        contests: [...f.contests, { contestId, contestedOn, grounds, recordedBy, decision: null }],
      }));
    }
    case 'FlagContestDecided': {
      const { contestId, decidedOn, outcome, reasons, decidedBy, cooldown } = event.data;
      return updateFlag(state, event.data.flagId, (f) => ({
        ...f,
        status: outcome === 'UPHELD' ? 'revoked' : 'confirmed',
        contests: f.contests.map((c) =>
          c.contestId === contestId ? { ...c, decision: { decidedOn, outcome, reasons, decidedBy } } : c,
        ),
        contestCooldownUntil: cooldown ? cooldown.dueBy : f.contestCooldownUntil,
        endedOn: outcome === 'UPHELD' ? decidedOn : null,
        endReason: outcome === 'UPHELD' ? reasons : null,
      }));
    }
    case 'FlagWithdrawn':
      return updateFlag(state, event.data.flagId, (f) => ({
        ...f,
        status: 'withdrawn',
        endedOn: event.data.withdrawnOn,
        endReason: event.data.reasons,
      }));
    case 'FlagExpired':
      return updateFlag(state, event.data.flagId, (f) => ({
        ...f,
        status: 'expired',
        endedOn: event.data.expiredOn,
        endReason: 'review date reached',
      }));
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
