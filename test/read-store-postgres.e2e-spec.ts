import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '@accord/events';
import { loadCalendar } from '@accord/calendar-data';
import { DemoClock, generateDemo } from '@accord/demo';
import {
  allPatternAlerts,
  auditTrail,
  briefing,
  dumpReadModels,
  listCases,
  listDeadlines,
  PostgresReadStore,
  PROJECTIONS,
  type ReadStore,
  rebuildReadModels,
  reportSummary,
  SqliteReadStore,
  stuckCases,
} from '@accord/read-store';
import { openSqliteStore, type SqliteEventStore } from '@accord/store';
import { createTestDatabase, describePg, type TestDatabase } from '@accord/store/postgres/testing/pg-test-db';

// A demo ledger generated through the deciders, then two rebuilds: slow on a loaded machine, never timed.
jest.setTimeout(600_000);

describePg('rebuild equality: the same log into SQLite and into PostgreSQL', () => {
  let db: TestDatabase;
  let ledger: { dir: string; store: SqliteEventStore };
  beforeAll(async () => {
    db = await createTestDatabase('accord_rebuild_eq');
    const dir = mkdtempSync(join(tmpdir(), 'accord-rebuild-eq-'));
    // The demo stamps recordedAt with its simulated clock, so the ledger is built with it.
    const clock = new DemoClock();
    const writer = await openSqliteStore(dir, { clock: clock.now });
    await generateDemo(writer, {
      events: 4000,
      seed: 7,
      calendar: loadCalendar({ dataDir: dir }).calendar,
      clock,
    });
    await writer.close();
    ledger = { dir, store: await openSqliteStore(dir, { readonly: true }) };
  });
  afterAll(async () => {
    await ledger.store.close();
    rmSync(ledger.dir, { recursive: true, force: true });
    await db.drop();
  });

  it('gives equal full dumps, and every query answers the same on both', async () => {
    const sqlite = new SqliteReadStore(join(ledger.dir, 'read.db'));
    const postgres = new PostgresReadStore({ url: db.url });
    const head = await ledger.store.headPosition();
    expect(head).toBeGreaterThan(3500);
    for (const store of [sqlite, postgres]) {
      const result = await rebuildReadModels(ledger.store, store, PROJECTIONS);
      expect(result).toMatchObject({ head, stuck: [] });
    }
    const dump = await dumpReadModels(sqlite, PROJECTIONS);
    expect(dump.split('\n').length).toBeGreaterThan(head);
    expect(await dumpReadModels(postgres, PROJECTIONS)).toEqual(dump);

    const calendar = loadCalendar({ dataDir: ledger.dir }).calendar;
    const actors: Actor[] = [
      { agency: 'PROCURATORATE', staffId: 'a-1', role: 'auditor' },
      { agency: 'COURT', staffId: 'c-1', role: 'clerk' },
      { agency: 'GOV_OFFICE', staffId: 'g-1', role: 'clerk' },
    ];
    const answers = async (store: ReadStore) => {
      const out: unknown[] = [];
      for (const actor of actors) {
        let after: number | undefined;
        for (let page = 0; page < 3; page += 1) {
          const found = await listCases(store, actor, {
            limit: 25,
            ...(after === undefined ? {} : { after }),
          });
          out.push(
            found.rows.map((r) => [r.row.caseId, r.access]),
            found.next,
          );
          if (found.next === null) break;
          after = found.next;
        }
        out.push(await listCases(store, actor, { limit: 50, overdue: true, channel: 'LITIGATION' }));
        out.push(await listDeadlines(store, actor, calendar, '2026-11-30', { limit: 200, status: 'all' }));
        out.push(await stuckCases(store, actor, '2026-11-30', 30, 100));
      }
      out.push(await reportSummary(store, {}));
      out.push(await briefing(store, { from: '2025-01-01', to: '2025-12-31', label: '2025' }));
      out.push(await allPatternAlerts(store, { minFilings: 3, windowDays: 365, ruleSet: 'x' }, 100));
      out.push(await auditTrail(store, { limit: 100, agency: 'COURT', after: 50 }));
      return out;
    };
    expect(await answers(postgres)).toEqual(await answers(sqlite));
    await sqlite.close();
    await postgres.close();
  });
});
