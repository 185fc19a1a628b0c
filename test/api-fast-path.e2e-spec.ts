import { AsyncResource } from 'node:async_hooks';
import fs from 'node:fs';
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

  it('answers a command and a read only once the WAL is synced past what they wrote (synced off the event loop)', async () => {
    const caseId = await courtCase(h, { open: true });
    const realSync = fs.fdatasync;
    const held: (() => void)[] = [];
    jest.spyOn(fs, 'fdatasync').mockImplementation(((fd: number, done: fs.NoParamCallback) => {
      held.push(() => realSync(fd, done));
    }) as typeof fs.fdatasync);
    const answered: string[] = [];
    const command = h.http
      .post(`/cases/${caseId}/activities`)
      .set(h.staff.courtClerk)
      .send(ACTIVITY)
      .then((res) => {
        answered.push('command');
        return res;
      });
    const read = h.http
      .get(`/cases/${caseId}`)
      .set(h.staff.courtClerk)
      .then((res) => {
        answered.push('read');
        return res;
      });
    for (let i = 0; i < 100 && held.length === 0; i += 1) await new Promise((r) => setTimeout(r, 10));
    expect(held.length).toBeGreaterThan(0);
    // While its sync is held, the event loop is free (this health check answers) but neither waits less.
    await h.http.get('/health').expect(200);
    await new Promise((r) => setTimeout(r, 50));
    expect(answered).toEqual([]);
    jest.restoreAllMocks();
    for (const release of held.splice(0)) release();
    expect((await command).status).toBe(201);
    expect((await read).status).toBe(200);
  });
});
