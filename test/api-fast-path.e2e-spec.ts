import { AsyncResource } from 'node:async_hooks';
import { startApi, type ApiHarness } from './support/api-harness';
import { ACTIVITY, courtCase } from './support/api-fixtures';

/** Issue 14: what the hot paths must not do per request, held over HTTP against the real app. */
describe('the fast path', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApi();
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await h.close();
  });

  it("parses JSON bodies without AsyncResource.bind (Fastify's parser on Node 20 before 5.12: a closure and a deprecated property per request)", async () => {
    const caseId = await courtCase(h, { open: true });
    const bind = jest.spyOn(AsyncResource.prototype, 'bind');
    const staticBind = jest.spyOn(AsyncResource, 'bind');
    for (let i = 0; i < 3; i += 1) {
      await h.http.post(`/cases/${caseId}/activities`).set(h.staff.courtClerk).send(ACTIVITY).expect(201);
    }
    // A body that fails validation goes through the same parser, and still gets its 400.
    await h.http
      .post(`/cases/${caseId}/activities`)
      .set(h.staff.courtClerk)
      .send({ ...ACTIVITY, kind: 'PICNIC' })
      .expect(400);
    expect(bind).not.toHaveBeenCalled();
    expect(staticBind).not.toHaveBeenCalled();
  });
});
