import { overdueStreamId } from '@accord/events';
import { loadCalendar } from '@accord/calendar-data';
import { issueInvitation, recorded, registerCase, replyToInvitation } from '@accord/domain/case/testing';
import { CASES, type CaseRow, DEADLINES, type DeadlineRow } from '@accord/read-store';
import { stored as storedEvent, tempLedger, writeCase } from '@accord/read-store/testing/ledger';
import { openSqliteStore } from '@accord/store';
import { OverdueWatcher } from './overdue-watcher';
import { startProjector } from './projector-process';

describe('the overdue watcher', () => {
  let ledger: Awaited<ReturnType<typeof tempLedger>>;
  let now: Date;
  const clock = () => now;
  beforeEach(async () => {
    ledger = await tempLedger();
  });
  afterEach(async () => {
    await ledger.remove();
  });

  const start = () =>
    startProjector({
      dataDir: ledger.dir,
      store: ledger.store,
      watchIntervalMs: 0,
      clock,
      logLevel: 'silent',
    });
  /** 10:00 in Asia/Shanghai on a legal date. */
  const at = (date: string) => new Date(`${date}T02:00:00Z`);

  it('counts a reply across the Spring Festival, fires the day after the due date, once, across a restart', async () => {
    // Notice received Thursday 12 February 2026, just before the Spring Festival holiday (15–23 February).
    await writeCase(
      ledger.store,
      'c-1',
      recorded(registerCase({ acceptedOn: '2026-02-02' }), issueInvitation({ noticeServedOn: '2026-02-12' })),
    );
    const calendar = loadCalendar({ dataDir: ledger.dir }).calendar;
    const due = calendar.deadline('2026-02-12', {
      name: 'invitation.reply',
      article: 'Art 4, Art 7',
      days: 3,
      counting: 'working',
    }).dueBy;
    expect(due > '2026-02-23').toBe(true);

    let running = await start();
    now = at('2026-02-20'); // three calendar working days would have passed without the holiday
    expect((await running.watcher.tick()).recorded).toEqual([]);
    now = at(due);
    expect((await running.watcher.tick()).recorded).toEqual([]);
    now = new Date(at(due).getTime() + 24 * 3600 * 1000);
    const fired = await running.watcher.tick();
    expect(fired.recorded).toEqual(['INVITATION_REPLY:case-c-1:inv-1']);
    await running.projector.waitFor(await ledger.store.headPosition());
    expect(await running.projector.readStore.get<CaseRow>(CASES, 'c-1')).toMatchObject({ overdue: 1 });
    expect(await running.projector.readStore.get<DeadlineRow>(DEADLINES, fired.recorded[0]!)).toMatchObject({
      overdue: 1,
      overdueDetectedOn: legalDay(now),
    });
    await running.close();

    running = await start();
    expect(await running.watcher.tick()).toMatchObject({ checked: 0, recorded: [] });
    const alarms = await ledger.store.readStream(overdueStreamId(fired.recorded[0]!));
    expect(alarms.map((e) => [e.type, (e.data as { dueBy: string }).dueBy])).toEqual([
      ['DeadlineOverdue', due],
    ]);

    // A late reply closes the period: the case no longer shows it overdue.
    await ledger.store.append(
      'case-c-1',
      recorded(
        registerCase({ acceptedOn: '2026-02-02' }),
        issueInvitation({ noticeServedOn: '2026-02-12' }),
        replyToInvitation({ repliedOn: '2026-03-02' }, { agency: 'GOV_OFFICE' }),
      )
        .slice(2)
        .map((e) => stored(e, 'c-1')),
      { expectedRevision: 1 },
    );
    await running.projector.waitFor(await ledger.store.headPosition());
    expect(await running.projector.readStore.get<CaseRow>(CASES, 'c-1')).toMatchObject({ overdue: 0 });
    await running.close();
  });

  it('two watchers at once (two store connections) write one overdue event per period', async () => {
    for (const id of ['c-1', 'c-2', 'c-3']) {
      await writeCase(
        ledger.store,
        id,
        recorded(
          registerCase({ acceptedOn: '2026-03-02' }),
          issueInvitation({ noticeServedOn: '2026-03-03' }),
        ),
      );
    }
    const running = await start();
    await running.projector.waitFor(await ledger.store.headPosition());
    const second = await openSqliteStore(ledger.dir);
    const other = new OverdueWatcher({
      store: second,
      readStore: running.projector.readStore,
      projector: running.projector,
      calendar: () => loadCalendar({ dataDir: ledger.dir }).calendar,
      clock,
      ruleSet: 'lushan-2021-144/v1',
    });
    now = at('2026-04-01');
    const [a, b] = await Promise.all([running.watcher.tick(), other.tick()]);
    expect([...a.recorded, ...a.alreadyRecorded].sort()).toEqual(
      [...b.recorded, ...b.alreadyRecorded].sort(),
    );
    for (const id of ['c-1', 'c-2', 'c-3']) {
      expect(
        await ledger.store.readStream(overdueStreamId(`INVITATION_REPLY:case-${id}:inv-1`)),
      ).toHaveLength(1);
    }
    await second.close();
    await running.close();
  });
});

function legalDay(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

function stored(event: { type: string; data: unknown }, caseId: string) {
  return storedEvent({ ...event, data: { ...(event.data as object), caseId } });
}
