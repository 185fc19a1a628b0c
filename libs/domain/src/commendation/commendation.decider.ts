import type { Agency, CommendationEvent, LegalDate, OrganRef } from '@accord/events';
import type { Command } from '../shared/command';
import type { Decider } from '../shared/decider';
import { isText, isTextList, legalToday } from '../agency/guards';
import { dateGuards } from '../shared/input-guards';

const { pastDate } = dateGuards(
  (details) => commendationError('COMMENDATION_INVALID_INPUT', details),
  (details) => commendationError('COMMENDATION_DATE_IN_FUTURE', details),
);
import { commendationError } from './commendation.errors';

export type CommendOrgan = Command<
  'CommendOrgan',
  {
    commendationId: string;
    organ: OrganRef;
    reason: string;
    caseRefs?: readonly string[];
    commendedOn: LegalDate;
  }
>;

export type CommendationCommand = CommendOrgan;

export type CommendationState =
  | { readonly status: 'none' }
  | {
      readonly status: 'commended';
      readonly commendationId: string;
      readonly organ: OrganRef;
      readonly reason: string;
      readonly caseRefs: readonly string[];
      readonly commendedOn: LegalDate;
      readonly commendedBy: Agency;
    };

export const initialCommendationState = (): CommendationState => ({ status: 'none' });

export function decideCommendation(
  command: CommendationCommand,
  state: CommendationState,
): CommendationEvent[] {
  switch (command.type) {
    case 'CommendOrgan':
      return commend(command, state);
    default: {
      const _exhaustive: never = command.type;
      return _exhaustive;
    }
  }
}

function commend(command: CommendOrgan, state: CommendationState): CommendationEvent[] {
  const { data, metadata } = command;
  const { actor } = metadata;
  if (actor.role === 'auditor') throw commendationError('COMMENDATION_AUDITOR_READ_ONLY');
  // Art 12: 由县政府办通报表扬.
  if (actor.agency !== 'GOV_OFFICE')
    throw commendationError('COMMENDATION_NOT_GOV_OFFICE', { actor: actor.agency });
  if (state.status !== 'none')
    throw commendationError('COMMENDATION_ALREADY_RECORDED', { commendationId: state.commendationId });
  const invalid = (field: string, value: unknown) =>
    commendationError('COMMENDATION_INVALID_INPUT', { field, value });
  if (!isText(data.commendationId)) throw invalid('commendationId', data.commendationId);
  if (!data.organ || !isText(data.organ.code) || !isText(data.organ.name)) throw invalid('organ', data.organ);
  if (!isText(data.reason)) throw invalid('reason', data.reason);
  const caseRefs = data.caseRefs ?? [];
  if (!isTextList(caseRefs, { nonEmpty: false })) throw invalid('caseRefs', caseRefs);
  const commendedOn = pastDate(data.commendedOn, 'commendedOn', legalToday(metadata));
  return [
    {
      type: 'OrganCommended',
      data: {
        commendationId: data.commendationId,
        organ: { code: data.organ.code, name: data.organ.name },
        reason: data.reason,
        caseRefs: [...new Set(caseRefs)],
        commendedOn,
        commendedBy: 'GOV_OFFICE',
      },
    },
  ];
}

export function evolveCommendation(_state: CommendationState, event: CommendationEvent): CommendationState {
  switch (event.type) {
    case 'OrganCommended':
      return { status: 'commended', ...event.data };
    default: {
      const _exhaustive: never = event.type;
      return _exhaustive;
    }
  }
}

export const commendationDecider: Decider<CommendationCommand, CommendationState, CommendationEvent> = {
  decide: decideCommendation,
  evolve: evolveCommendation,
  initialState: initialCommendationState,
};
