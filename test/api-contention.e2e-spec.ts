import * as http from 'node:http';
import { startApi, type ApiHarness } from './support/api-harness';
import { ACTIVITY, courtCase } from './support/api-fixtures';
import { rawRequest } from './support/raw-http';

const BURST = 64;

/**
 * Issue 8 §8: commands on one stream inside one process queue instead of racing to the same
 * expected revision. 64 concurrent valid commands on one case, without If-Match, all succeed, and
 * the revisions they answer are contiguous.
 */
describe('contention: a burst on one case succeeds in order', () => {
  let h: ApiHarness;
  // 64 sockets opened beforehand, so the burst reaches the server in one go, as from 64 clients.
  const agent = new http.Agent({ keepAlive: true, maxSockets: BURST });

  beforeAll(async () => {
    h = await startApi();
    await Promise.all(Array.from({ length: BURST }, () => rawRequest(agent, `${h.url}/health`)));
  });
  afterAll(async () => {
    agent.destroy();
    await h.close();
  });

  it('64 concurrent activities on one case → 64 successes with contiguous revisions', async () => {
    const caseId = await courtCase(h, { open: true });
    const before = (await h.http.get(`/cases/${caseId}`).set(h.staff.courtClerk).expect(200)).body
      .revision as number;
    const answers = await Promise.all(
      Array.from({ length: BURST }, async () => {
        const res = await rawRequest(agent, `${h.url}/cases/${caseId}/activities`, {
          method: 'POST',
          headers: { ...h.staff.courtClerk, 'content-type': 'application/json' },
          body: JSON.stringify(ACTIVITY),
        });
        return { status: res.status, body: JSON.parse(res.text) as { revision: number; code?: string } };
      }),
    );
    expect(answers.map((a) => a.body.code ?? a.status)).toEqual(Array.from({ length: BURST }, () => 201));
    const revisions = answers.map((a) => a.body.revision).sort((a, b) => a - b);
    expect(revisions).toEqual(Array.from({ length: BURST }, (_, i) => before + 1 + i));
  });
});
