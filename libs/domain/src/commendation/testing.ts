import type { Actor, OrganCommended } from '@accord/events';
import { metadata } from '../agency/testing';
import type { CommendOrgan } from './commendation.decider';

export const COMMENDED_ORGAN = {
  code: 'LS-HRSS',
  name: '鲁山县人力资源和社会保障局 Lushan County HR and Social Security Bureau',
};

export function commendOrgan(
  by: Actor,
  today: string,
  data: Partial<CommendOrgan['data']> = {},
): CommendOrgan {
  return {
    type: 'CommendOrgan',
    data: {
      commendationId: 'commendation-2024-03',
      organ: COMMENDED_ORGAN,
      reason: 'Its deputy head attended every mediation session and the wage dispute was settled.',
      caseRefs: ['case-2024-031'],
      commendedOn: today,
      ...data,
    },
    metadata: metadata(by, today),
  };
}

export function organCommended(
  commendedOn: string,
  data: Partial<OrganCommended['data']> = {},
): OrganCommended {
  return {
    type: 'OrganCommended',
    data: {
      commendationId: 'commendation-2024-03',
      organ: COMMENDED_ORGAN,
      reason: 'Its deputy head attended every mediation session and the wage dispute was settled.',
      caseRefs: ['case-2024-031'],
      commendedOn,
      commendedBy: 'GOV_OFFICE',
      ...data,
    },
  };
}
