import type { OrganCommended, RecordedEvent } from '@accord/events';
import type { Projection, ProjectionTx } from '../projection';
import { domainEvent } from './events';

export const COMMENDATIONS_PROJECTION = 'commendations';
export const COMMENDATIONS = 'commendations';

/** One 通报表扬 (Art 12) as recorded; `organKey` compares organ codes as codes (case and blanks aside). */
export interface CommendationRow {
  readonly commendationId: string;
  readonly organCode: string;
  readonly organName: string;
  readonly organKey: string;
  readonly reason: string;
  readonly caseRefs: readonly string[];
  readonly commendedOn: string;
  readonly commendedBy: string;
  readonly position: number;
}

export const organKeyOf = (code: string): string => code.normalize('NFKC').trim().toUpperCase();

/**
 * Commendations of organs (Art 12), one document each, so the reports and the cross-organ list need
 * not read the whole log per request. A projection of its own: it reads only commendation streams
 * and rebuilds alone.
 */
export const commendationsProjection: Projection = {
  name: COMMENDATIONS_PROJECTION,
  version: 1,
  reads: ['commendation'],
  collections: [
    {
      name: COMMENDATIONS,
      keyType: 'text',
      fields: [
        { name: 'organKey', type: 'text', indexed: true },
        { name: 'commendedOn', type: 'text', indexed: true },
        { name: 'commendedBy', type: 'text' },
      ],
    },
  ],
  apply(event: RecordedEvent, tx: ProjectionTx): void {
    if (event.type !== 'OrganCommended') return;
    const d = domainEvent<OrganCommended>(event).data;
    tx.put(COMMENDATIONS, d.commendationId, {
      commendationId: d.commendationId,
      organCode: d.organ.code,
      organName: d.organ.name,
      organKey: organKeyOf(d.organ.code),
      reason: d.reason,
      caseRefs: [...d.caseRefs],
      commendedOn: d.commendedOn,
      commendedBy: d.commendedBy,
      position: event.position,
    } satisfies CommendationRow);
  },
};
