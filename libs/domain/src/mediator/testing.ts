import type {
  Actor,
  MediatorAdmitted,
  MediatorReinstated,
  MediatorRemoved,
  MediatorSuspended,
} from '@accord/events';
import { metadata } from '../agency/testing';
import type { AdmitMediator, ReinstateMediator, RemoveMediator, SuspendMediator } from './mediator.decider';

export const MEDIATOR_ID = 'mediator-007';

export function admitMediator(
  by: Actor,
  today: string,
  data: Partial<AdmitMediator['data']> = {},
): AdmitMediator {
  return {
    type: 'AdmitMediator',
    data: {
      mediatorId: MEDIATOR_ID,
      name: '李某 Li',
      source: 'ADMINISTRATIVE_ORGAN',
      organisationCode: 'LS-JUSTICE',
      expertise: ['land expropriation', 'compensation'],
      admittedOn: today,
      ...data,
    },
    metadata: metadata(by, today),
  };
}

export function suspendMediator(by: Actor, today: string, suspendedOn = today): SuspendMediator {
  return {
    type: 'SuspendMediator',
    data: { mediatorId: MEDIATOR_ID, suspendedOn, reason: 'On secondment until year end.' },
    metadata: metadata(by, today),
  };
}

export function reinstateMediator(by: Actor, today: string, reinstatedOn = today): ReinstateMediator {
  return {
    type: 'ReinstateMediator',
    data: { mediatorId: MEDIATOR_ID, reinstatedOn, reason: 'Back from secondment.' },
    metadata: metadata(by, today),
  };
}

export function removeMediator(
  by: Actor,
  today: string,
  data: Partial<RemoveMediator['data']> = {},
): RemoveMediator {
  return {
    type: 'RemoveMediator',
    data: { mediatorId: MEDIATOR_ID, removedOn: today, reason: 'Retired.', ...data },
    metadata: metadata(by, today),
  };
}

export function mediatorAdmitted(
  admittedOn: string,
  data: Partial<MediatorAdmitted['data']> = {},
): MediatorAdmitted {
  return {
    type: 'MediatorAdmitted',
    data: {
      mediatorId: MEDIATOR_ID,
      name: '李某 Li',
      source: 'ADMINISTRATIVE_ORGAN',
      organisationCode: 'LS-JUSTICE',
      expertise: ['land expropriation', 'compensation'],
      admittedOn,
      ...data,
    },
  };
}

export const mediatorSuspended = (suspendedOn: string): MediatorSuspended => ({
  type: 'MediatorSuspended',
  data: { mediatorId: MEDIATOR_ID, suspendedOn, reason: 'On secondment until year end.' },
});

export const mediatorReinstated = (reinstatedOn: string): MediatorReinstated => ({
  type: 'MediatorReinstated',
  data: { mediatorId: MEDIATOR_ID, reinstatedOn, reason: 'Back from secondment.' },
});

export const mediatorRemoved = (removedOn: string): MediatorRemoved => ({
  type: 'MediatorRemoved',
  data: { mediatorId: MEDIATOR_ID, removedOn, reason: 'Retired.' },
});
