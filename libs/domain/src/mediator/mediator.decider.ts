import {
  MEDIATOR_SOURCES,
  ORGAN_MEDIATOR_SOURCES,
  type LegalDate,
  type MediatorEvent,
  type MediatorSource,
} from '@accord/events';
import type { Command } from '../shared/command';
import type { Decider } from '../shared/decider';
import { actingAgencyOrNull, isOneOf, isText, isTextList, legalToday } from '../agency/guards';
import { dateGuards } from '../shared/input-guards';
import { mediatorError } from './mediator.errors';

export type AdmitMediator = Command<
  'AdmitMediator',
  {
    mediatorId: string;
    name: string;
    source: MediatorSource;
    organisationCode?: string | null;
    expertise: readonly string[];
    admittedOn: LegalDate;
  }
>;
export type SuspendMediator = Command<
  'SuspendMediator',
  { mediatorId: string; suspendedOn: LegalDate; reason: string }
>;
export type ReinstateMediator = Command<
  'ReinstateMediator',
  { mediatorId: string; reinstatedOn: LegalDate; reason: string }
>;
export type RemoveMediator = Command<
  'RemoveMediator',
  { mediatorId: string; removedOn: LegalDate; reason: string }
>;

export type MediatorCommand = AdmitMediator | SuspendMediator | ReinstateMediator | RemoveMediator;

export interface MediatorStatusChange {
  readonly status: 'active' | 'suspended' | 'removed';
  readonly on: LegalDate;
  readonly reason: string;
}

export type MediatorState =
  | { readonly status: 'none' }
  | {
      readonly status: 'active' | 'suspended' | 'removed';
      readonly mediatorId: string;
      readonly name: string;
      readonly source: MediatorSource;
      /** The organ the member works for: the case decider refuses members from the respondent organ. */
      readonly organisationCode: string | null;
      readonly expertise: readonly string[];
      readonly admittedOn: LegalDate;
      readonly history: readonly MediatorStatusChange[];
    };

type Member = Exclude<MediatorState, { status: 'none' }>;

export const initialMediatorState = (): MediatorState => ({ status: 'none' });

/** Whether a member may be assigned to a case now (Art 13). */
export function isAssignable(state: MediatorState): boolean {
  return state.status === 'active';
}

export function decideMediator(command: MediatorCommand, state: MediatorState): MediatorEvent[] {
  const { actor } = command.metadata;
  if (actor.role === 'auditor') throw mediatorError('MEDIATOR_AUDITOR_READ_ONLY');
  // Art 13 names no keeper of the pool: any of the three agencies, by a lead, since admission vouches for a person.
  if (!actingAgencyOrNull(actor) || actor.role !== 'lead')
    throw mediatorError('MEDIATOR_NOT_POOL_MANAGER', { actor: actor.agency, role: actor.role });
  switch (command.type) {
    case 'AdmitMediator':
      return admit(command, state);
    case 'SuspendMediator': {
      const member = current(state);
      if (member.status !== 'active') throw mediatorError('MEDIATOR_NOT_ACTIVE', { status: member.status });
      const { suspendedOn, reason } = command.data;
      return [
        {
          type: 'MediatorSuspended',
          data: {
            mediatorId: member.mediatorId,
            suspendedOn: change(command, member, suspendedOn, 'suspendedOn'),
            reason,
          },
        },
      ];
    }
    case 'ReinstateMediator': {
      const member = current(state);
      if (member.status !== 'suspended')
        throw mediatorError('MEDIATOR_NOT_SUSPENDED', { status: member.status });
      const { reinstatedOn, reason } = command.data;
      return [
        {
          type: 'MediatorReinstated',
          data: {
            mediatorId: member.mediatorId,
            reinstatedOn: change(command, member, reinstatedOn, 'reinstatedOn'),
            reason,
          },
        },
      ];
    }
    case 'RemoveMediator': {
      const member = current(state);
      const { removedOn, reason } = command.data;
      return [
        {
          type: 'MediatorRemoved',
          data: {
            mediatorId: member.mediatorId,
            removedOn: change(command, member, removedOn, 'removedOn'),
            reason,
          },
        },
      ];
    }
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

function invalid(field: string, value: unknown): never {
  throw mediatorError('MEDIATOR_INVALID_INPUT', { field, value });
}

const { pastDate } = dateGuards(
  (details) => mediatorError('MEDIATOR_INVALID_INPUT', details),
  (details) => mediatorError('MEDIATOR_DATE_IN_FUTURE', details),
);

function current(state: MediatorState): Member {
  if (state.status === 'none') throw mediatorError('MEDIATOR_NOT_FOUND');
  if (state.status === 'removed')
    throw mediatorError('MEDIATOR_REMOVED', { removedOn: state.history.at(-1)?.on });
  return state;
}

/** A status change: needs a reason and a date not before the last change. */
function change(
  command: SuspendMediator | ReinstateMediator | RemoveMediator,
  member: Member,
  date: unknown,
  field: string,
): LegalDate {
  if (!isText(command.data.reason)) invalid('reason', command.data.reason);
  const on = pastDate(date, field, legalToday(command.metadata));
  const last = member.history.at(-1)?.on ?? member.admittedOn;
  if (on < last) throw mediatorError('MEDIATOR_DATE_OUT_OF_ORDER', { field, date: on, notBefore: last });
  return on;
}

function admit(command: AdmitMediator, state: MediatorState): MediatorEvent[] {
  if (state.status !== 'none')
    throw mediatorError('MEDIATOR_ALREADY_ADMITTED', { mediatorId: state.mediatorId });
  const { data, metadata } = command;
  if (!isText(data.mediatorId)) invalid('mediatorId', data.mediatorId);
  if (!isText(data.name)) invalid('name', data.name);
  if (!isOneOf(MEDIATOR_SOURCES, data.source)) invalid('source', data.source);
  if (!isTextList(data.expertise, { nonEmpty: false })) invalid('expertise', data.expertise);
  const organisationCode = data.organisationCode ?? null;
  if (organisationCode !== null && !isText(organisationCode)) invalid('organisationCode', organisationCode);
  if (organisationCode === null && ORGAN_MEDIATOR_SOURCES.includes(data.source))
    throw mediatorError('MEDIATOR_ORGANISATION_REQUIRED', { source: data.source });
  const admittedOn = pastDate(data.admittedOn, 'admittedOn', legalToday(metadata));
  return [
    {
      type: 'MediatorAdmitted',
      data: {
        mediatorId: data.mediatorId,
        name: data.name,
        source: data.source,
        organisationCode,
        expertise: [...new Set(data.expertise)],
        admittedOn,
      },
    },
  ];
}

export function evolveMediator(state: MediatorState, event: MediatorEvent): MediatorState {
  switch (event.type) {
    case 'MediatorAdmitted': {
      const d = event.data;
      return {
        status: 'active',
        mediatorId: d.mediatorId,
        name: d.name,
        source: d.source,
        organisationCode: d.organisationCode,
        expertise: d.expertise,
        admittedOn: d.admittedOn,
        history: [{ status: 'active', on: d.admittedOn, reason: 'admitted' }],
      };
    }
    case 'MediatorSuspended':
      return moved(state, 'suspended', event.data.suspendedOn, event.data.reason);
    case 'MediatorReinstated':
      return moved(state, 'active', event.data.reinstatedOn, event.data.reason);
    case 'MediatorRemoved':
      return moved(state, 'removed', event.data.removedOn, event.data.reason);
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

function moved(state: MediatorState, status: Member['status'], on: LegalDate, reason: string): MediatorState {
  if (state.status === 'none') return state;
  return { ...state, status, history: [...state.history, { status, on, reason }] };
}

export const mediatorDecider: Decider<MediatorCommand, MediatorState, MediatorEvent> = {
  decide: decideMediator,
  evolve: evolveMediator,
  initialState: initialMediatorState,
};
