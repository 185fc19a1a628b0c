import {
  AGENCIES,
  COORDINATION_OFFICE_HOST,
  type Agency,
  type AgencyEvent,
  type LegalDate,
  type Liaison,
} from '@accord/events';
import type { Command } from '../shared/command';
import type { Decider } from '../shared/decider';
import { actingAgencyOrNull, isOneOf, isText, legalToday } from './guards';
import { dateGuards } from '../shared/input-guards';

const { pastDate } = dateGuards(
  (details) => liaisonError('LIAISON_INVALID_INPUT', details),
  (details) => liaisonError('LIAISON_DATE_IN_FUTURE', details),
);
import { liaisonError } from './agency.errors';

export type DesignateLiaison = Command<
  'DesignateLiaison',
  { agency: Agency; liaison: Liaison; from: LegalDate }
>;

export type AgencyCommand = DesignateLiaison;

export interface LiaisonTerm {
  readonly liaison: Liaison;
  readonly from: LegalDate;
  /** The day the successor took over; the term covers [from, to). */
  readonly to: LegalDate;
}

export type AgencyState =
  | { readonly status: 'none' }
  | {
      readonly status: 'active';
      readonly agency: Agency;
      /** Art 16: the county Coordination Office sits in the court. */
      readonly hostsCoordinationOffice: boolean;
      readonly liaison: Liaison;
      readonly liaisonFrom: LegalDate;
      /** Earlier liaisons, oldest first. */
      readonly pastLiaisons: readonly LiaisonTerm[];
    };

export const initialAgencyState = (): AgencyState => ({ status: 'none' });

export function decideAgency(command: AgencyCommand, state: AgencyState): AgencyEvent[] {
  switch (command.type) {
    case 'DesignateLiaison':
      return designate(command, state);
    default: {
      const _exhaustive: never = command.type;
      return _exhaustive;
    }
  }
}

function designate(command: DesignateLiaison, state: AgencyState): AgencyEvent[] {
  const { data, metadata } = command;
  const { actor } = metadata;
  if (actor.role === 'auditor') throw liaisonError('LIAISON_AUDITOR_READ_ONLY');
  if (!isOneOf(AGENCIES, data.agency))
    throw liaisonError('LIAISON_INVALID_INPUT', { field: 'agency', value: data.agency });
  if (state.status !== 'none' && state.agency !== data.agency)
    throw liaisonError('LIAISON_AGENCY_MISMATCH', { agency: data.agency, record: state.agency });
  // Art 16: 各自确定一名联络人 — each agency names its own.
  if (actingAgencyOrNull(actor) !== data.agency)
    throw liaisonError('LIAISON_NOT_OWN_AGENCY', { agency: data.agency, actor: actor.agency });
  if (actor.role !== 'lead') throw liaisonError('LIAISON_NEEDS_LEAD', { role: actor.role });
  const { liaison } = data;
  if (!liaison || !isText(liaison.staffId) || !isText(liaison.name) || typeof liaison.contact !== 'string')
    throw liaisonError('LIAISON_INVALID_INPUT', { field: 'liaison', value: liaison });
  const from = pastDate(data.from, 'from', legalToday(metadata));
  if (state.status !== 'none') {
    if (state.liaison.staffId === liaison.staffId)
      throw liaisonError('LIAISON_ALREADY_CURRENT', { staffId: liaison.staffId, since: state.liaisonFrom });
    if (from < state.liaisonFrom)
      throw liaisonError('LIAISON_DATE_OUT_OF_ORDER', { from, notBefore: state.liaisonFrom });
  }
  return [
    {
      type: 'LiaisonDesignated',
      data: {
        agency: data.agency,
        liaison: { staffId: liaison.staffId, name: liaison.name, contact: liaison.contact },
        from,
        replaced: state.status === 'none' ? null : state.liaison,
      },
    },
  ];
}

export function evolveAgency(state: AgencyState, event: AgencyEvent): AgencyState {
  switch (event.type) {
    case 'LiaisonDesignated': {
      const { agency, liaison, from } = event.data;
      return {
        status: 'active',
        agency,
        hostsCoordinationOffice: agency === COORDINATION_OFFICE_HOST,
        liaison,
        liaisonFrom: from,
        pastLiaisons:
          state.status === 'none'
            ? []
            : [...state.pastLiaisons, { liaison: state.liaison, from: state.liaisonFrom, to: from }],
      };
    }
    default: {
      const _exhaustive: never = event.type;
      return _exhaustive;
    }
  }
}

export const agencyDecider: Decider<AgencyCommand, AgencyState, AgencyEvent> = {
  decide: decideAgency,
  evolve: evolveAgency,
  initialState: initialAgencyState,
};
