import { type CaseEvent, sameOrganCode } from '@accord/events';
import type { AssignMediator } from '../case.commands';
import { caseError } from '../case.errors';
import { notBefore, participantCase, pastDate, requireText, today } from '../case.guards';
import type { CaseState } from '../case.state';

/**
 * Art 13: assigning a member of the mediator pool to a case.
 */

export function assignMediator({ data, metadata }: AssignMediator, state: CaseState): CaseEvent[] {
  const { s } = participantCase(state, data.caseId, metadata);
  const m = data.mediator;
  const mediatorId = requireText(m?.mediatorId, 'mediator.mediatorId');
  // Art 13: the pool is of people fit for the work; a suspended or removed member is not.
  if (m.status !== 'active')
    throw caseError('ASSIGNMENT_MEDIATOR_NOT_ACTIVE', { mediatorId, status: m.status });
  // Art 2 (fairness) with Art 13: no one mediates a dispute against their own organ.
  if (m.organisationCode !== null && sameCode(m.organisationCode, s.respondent.code)) {
    throw caseError('ASSIGNMENT_CONFLICT_OF_INTEREST', { mediatorId, organisationCode: m.organisationCode });
  }
  if (s.mediators.some((x) => x.mediatorId === mediatorId))
    throw caseError('ASSIGNMENT_DUPLICATE', { mediatorId });
  const assignedOn = pastDate(data.assignedOn, 'assignedOn', today(metadata));
  notBefore(assignedOn, 'assignedOn', s.acceptedOn, 'acceptedOn');
  return [
    {
      type: 'MediatorAssigned',
      data: {
        caseId: s.caseId,
        mediator: {
          mediatorId,
          name: requireText(m.name, 'mediator.name'),
          source: m.source,
          organisationCode:
            m.organisationCode === null ? null : requireText(m.organisationCode, 'mediator.organisationCode'),
        },
        assignedOn,
      },
    },
  ];
}

/** Art 13: organ codes compared after NFKC and case folding, so no lookalike passes for another organ. */
function sameCode(a: string, b: string): boolean {
  return sameOrganCode(a.trim(), b.trim());
}
