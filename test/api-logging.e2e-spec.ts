import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { type EventStore, openSqliteStore } from '@accord/store';
import { startApi, type ApiHarness } from './support/api-harness';

/** Every JSON line the app logs, and a way to wait for one. */
function captureLog() {
  const lines: Record<string, unknown>[] = [];
  const waiting: { test: (line: Record<string, unknown>) => boolean; resolve: () => void }[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString('utf8').split('\n').filter(Boolean)) {
        const line = JSON.parse(text) as Record<string, unknown>;
        lines.push(line);
        for (const w of waiting.filter((w) => w.test(line))) w.resolve();
      }
      done();
    },
  });
  const seen = (test: (line: Record<string, unknown>) => boolean): Promise<void> =>
    lines.some(test) ? Promise.resolve() : new Promise((resolve) => waiting.push({ test, resolve }));
  return { lines, stream, seen };
}

/** The real SQLite ledger, except that asking for its head fails as a broken disk would. */
function withBrokenHead(store: EventStore): EventStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'headPosition') return () => Promise.reject(new Error('disk I/O error'));
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('one logger: Nest writes through pino; /health/ready notices a failed component', () => {
  let h: ApiHarness | undefined;
  let store: EventStore | undefined;
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-log-'));
  });
  afterEach(async () => {
    await h?.close();
    await store?.close();
    h = undefined;
    store = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("logs Nest's own lines (start-up at debug) as pino JSON with their context", async () => {
    const log = captureLog();
    h = await startApi({ logLevel: 'debug' }, { logDestination: log.stream });
    await log.seen((line) => line.context === 'RoutesResolver');
    const nest = log.lines.find((line) => line.context === 'RoutesResolver')!;
    expect(nest).toMatchObject({ level: 20, msg: expect.any(String), pid: process.pid });
  });

  it('an event store that fails makes /health/ready answer 503 naming it, and the reason is logged', async () => {
    const log = captureLog();
    store = withBrokenHead(await openSqliteStore(dir));
    h = await startApi({ logLevel: 'info' }, { store, logDestination: log.stream, dataDir: dir });
    const auditor = { authorization: `Bearer ${h.token('PROCURATORATE', 'inspector-1', 'auditor')}` };
    const ready = await h.http.get('/health/ready').set(auditor).expect(503);
    expect(ready.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(ready.body).toMatchObject({ code: 'NOT_READY', failing: ['event-store'] });
    await log.seen((line) => String(line.msg).includes('not ready: event-store'));
    expect(log.lines).toContainEqual(
      expect.objectContaining({ level: 40, msg: expect.stringContaining('disk I/O error') }),
    );
    // Liveness is unaffected: the process answers, it is only not ready.
    await h.http.get('/health').expect(200);
  });
});
