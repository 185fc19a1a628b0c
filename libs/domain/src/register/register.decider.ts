import { INTEGRITY_NOTE_POLARITIES, PARTY_KINDS, type Agency, type PartyRegisterEvent } from '@accord/events';
import type { Decider } from '../shared/decider';
import { actingAgencyOrNull, isOneOf, isText, isTextList } from '../agency/guards';
import type { AddIntegrityNote, PartyRegisterCommand, ProposeFlag } from './register.commands';
import { registerError } from './register.errors';
import { evolvePartyRegister } from './register.evolve';
import {
  confirmFlag,
  contestFlag,
  decideContest,
  expireFlag,
  recordNotification,
  withdrawFlag,
} from './register.flags';
import { invalid, registered, pastDate } from './register.guards';
import { initialPartyRegisterState, type PartyRegisterState } from './register.state';

/** One act per function; the acts on a proposed flag are in register.flags.ts, the fold in register.evolve.ts. */
export function decidePartyRegister(
  command: PartyRegisterCommand,
  state: PartyRegisterState,
): PartyRegisterEvent[] {
  const { actor } = command.metadata;
  if (actor.role === 'auditor') throw registerError('REGISTER_AUDITOR_READ_ONLY');
  const agency = actingAgencyOrNull(actor);
  // Art 11: the archive is shared by the three agencies; organs and parties never write to it.
  if (!agency) throw registerError('REGISTER_ACTOR_NOT_AGENCY', { actor: actor.agency });
  if (state.status !== 'none' && command.data.partyId !== state.partyId)
    throw registerError('REGISTER_PARTY_MISMATCH', {
      partyId: command.data.partyId,
      register: state.partyId,
    });
  switch (command.type) {
    case 'AddIntegrityNote':
      return addNote(command, state, agency);
    case 'ProposeFlag':
      return proposeFlag(command, state, agency);
    case 'ConfirmFlag':
      return confirmFlag(command, registered(state), agency);
    case 'RecordFlagNotification':
      return recordNotification(command, registered(state));
    case 'ContestFlag':
      return contestFlag(command, registered(state), agency);
    case 'DecideContest':
      return decideContest(command, registered(state), agency);
    case 'WithdrawFlag':
      return withdrawFlag(command, registered(state), agency);
    case 'ExpireFlag':
      return expireFlag(command, registered(state));
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

/** The first entry on a register records who the party is; later entries must not name someone else. */
function identify(command: AddIntegrityNote | ProposeFlag, state: PartyRegisterState): PartyRegisterEvent[] {
  const { partyId, party } = command.data;
  if (!isText(partyId)) invalid('partyId', partyId);
  if (party !== undefined && (!isOneOf(PARTY_KINDS, party?.kind) || !isText(party?.name)))
    invalid('party', party);
  if (state.status === 'none') {
    if (party === undefined) throw registerError('REGISTER_PARTY_IDENTITY_REQUIRED', { partyId });
    return [{ type: 'PartyRecorded', data: { partyId, kind: party.kind, name: party.name } }];
  }
  if (party !== undefined && (party.kind !== state.party.kind || party.name !== state.party.name))
    throw registerError('REGISTER_PARTY_MISMATCH', { party, register: state.party });
  return [];
}

function addNote(command: AddIntegrityNote, state: PartyRegisterState, agency: Agency): PartyRegisterEvent[] {
  const { data, metadata } = command;
  if (!isText(data.noteId)) invalid('noteId', data.noteId);
  if (state.status !== 'none' && state.notes.some((n) => n.noteId === data.noteId))
    throw registerError('REGISTER_NOTE_DUPLICATE', { noteId: data.noteId });
  if (!isOneOf(INTEGRITY_NOTE_POLARITIES, data.polarity)) invalid('polarity', data.polarity);
  if (!isText(data.text)) invalid('text', data.text);
  // Art 11: every entry names the case it rests on.
  if (!isText(data.caseRef)) invalid('caseRef', data.caseRef);
  const notedOn = pastDate('notedOn', data.notedOn, metadata);
  return [
    ...identify(command, state),
    {
      type: 'IntegrityNoteAdded',
      data: {
        partyId: data.partyId,
        noteId: data.noteId,
        polarity: data.polarity,
        text: data.text,
        caseRef: data.caseRef,
        notedOn,
        notedBy: agency,
      },
    },
  ];
}

function proposeFlag(command: ProposeFlag, state: PartyRegisterState, agency: Agency): PartyRegisterEvent[] {
  const { data, metadata } = command;
  if (!isText(data.flagId)) invalid('flagId', data.flagId);
  if (state.status !== 'none') {
    if (state.flags.some((f) => f.flagId === data.flagId))
      throw registerError('FLAG_DUPLICATE', { flagId: data.flagId });
    if (state.activeFlagId !== null)
      throw registerError('FLAG_ALREADY_ACTIVE', { flagId: state.activeFlagId });
  }
  // Art 11: a flag is a human judgment on named grounds and evidence, never a pattern alone.
  if (!isText(data.grounds) || !isTextList(data.evidence, { nonEmpty: true }))
    throw registerError('FLAG_NEEDS_GROUNDS_AND_EVIDENCE', {
      grounds: data.grounds,
      evidence: data.evidence,
    });
  const proposedOn = pastDate('proposedOn', data.proposedOn, metadata);
  return [
    ...identify(command, state),
    {
      type: 'FlagProposed',
      data: {
        partyId: data.partyId,
        flagId: data.flagId,
        proposedBy: agency,
        grounds: data.grounds,
        evidence: [...new Set(data.evidence)],
        proposedOn,
      },
    },
  ];
}

export const partyRegisterDecider: Decider<PartyRegisterCommand, PartyRegisterState, PartyRegisterEvent> = {
  decide: decidePartyRegister,
  evolve: evolvePartyRegister,
  initialState: initialPartyRegisterState,
};
