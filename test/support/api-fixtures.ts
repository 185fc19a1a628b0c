import type { ApiHarness } from './api-harness';

/** A litigation case body the COURT may register (Art 1). */
export function litigationCase(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    channel: 'LITIGATION',
    externalCaseNumber: '（2024）鲁0423行初12号',
    acceptedOn: '2024-03-01',
    parties: [
      {
        partyId: 'p-1',
        kind: 'NATURAL_PERSON',
        name: '张三',
        idScheme: 'RESIDENT_ID',
        idNumber: '370423199001011234',
      },
    ],
    respondent: { code: 'county-land-bureau', name: '县自然资源局' },
    matter: 'Compensation for land requisition',
    peopleInvolved: 2,
    ...overrides,
  };
}

export const ACTIVITY = {
  kind: 'HEARING',
  heldOn: '2024-03-05',
  agencies: ['COURT'],
  partyIds: ['p-1'],
  others: [],
};

/** Registers a COURT case and, with `open`, assesses it eligible and opens a resolution (so activities may be recorded). */
export async function courtCase(h: ApiHarness, options: { open?: boolean } = {}): Promise<string> {
  const court = h.auth('COURT', 'clerk-1', 'clerk');
  const created = await h.http.post('/cases').set(court).send(litigationCase()).expect(201);
  const id = created.body.id as string;
  if (options.open) {
    await h.http
      .post(`/cases/${id}/eligibility`)
      .set(court)
      .send({
        outcome: 'ELIGIBLE',
        grounds: [{ category: 1, reasons: 'compensation dispute' }],
        assessedOn: '2024-03-02',
      })
      .expect(201);
    await h.http.post(`/cases/${id}/resolution`).set(court).send({ openedOn: '2024-03-03' }).expect(200);
  }
  return id;
}
