import { AsyncResource } from 'node:async_hooks';
import fs from 'node:fs';
import { ACCESS_LOG_STREAM } from '@accord/events';
import type { SqliteEventStore } from '@accord/store';
import { AccessLog } from '@accord/api/access/access-log';
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

  it('reads that arrive while a commit syncs share the next commit, and each is logged before it answers', async () => {
    const commandCase = await courtCase(h, { open: true });
    const readCase = await courtCase(h, { open: true });
    const store = h.built.store as SqliteEventStore;
    const before = store.stats.commits;
    const realSync = fs.fdatasync;
    const held: (() => void)[] = [];
    jest.spyOn(fs, 'fdatasync').mockImplementation(((fd: number, done: fs.NoParamCallback) => {
      held.push(() => realSync(fd, done));
    }) as typeof fs.fdatasync);
    // A command commits and waits for its sync; twenty reads arrive meanwhile.
    const command = h.http
      .post(`/cases/${commandCase}/activities`)
      .set(h.staff.courtClerk)
      .send(ACTIVITY)
      .then((res) => res.status);
    for (let i = 0; i < 100 && held.length === 0; i += 1) await new Promise((r) => setTimeout(r, 10));
    const ids = Array.from({ length: 20 }, (_, i) => `fast-path-read-${i}`);
    // Released only once every read has recorded its access event, however slowly a loaded machine
    // delivers twenty requests: the claim is about reads that arrive during the sync.
    const recorded = jest.spyOn(AccessLog.prototype, 'record');
    const recordedReads = () =>
      new Set(recorded.mock.calls.map(([ctx]) => ctx.correlationId).filter((id) => ids.includes(id))).size;
    const reads = ids.map((id) =>
      h.http
        .get(`/cases/${readCase}`)
        .set(h.staff.courtClerk)
        .set('x-correlation-id', id)
        .then((res) => res.status),
    );
    for (let i = 0; i < 1000 && recordedReads() < ids.length; i += 1)
      await new Promise((r) => setTimeout(r, 10));
    expect(recordedReads()).toBe(ids.length);
    // The access log hands its queue to the store on the next turn; then give it a few more.
    for (let i = 0; i < 5; i += 1) await new Promise((r) => setImmediate(r));
    expect(held).toHaveLength(1);
    jest.restoreAllMocks();
    for (const release of held.splice(0)) release();
    expect(await command).toBe(201);
    expect(await Promise.all(reads)).toEqual(ids.map(() => 200));
    // The command's commit, then one for every read's access event: the reads did not queue behind
    // one another's appends (the first read's commit, then the other nineteen's).
    expect(store.stats.commits - before).toBe(2);
    const logged = new Set<string>();
    for (const event of await store.readStream(ACCESS_LOG_STREAM)) logged.add(event.correlationId);
    for (const id of ids) expect(logged.has(id)).toBe(true);
  });
});
