import { overdueStreamId } from '@accord/events';
import { loadCalendar } from '@accord/calendar-data';
import { RULES_2021_V2 } from '@accord/domain';
import {
  adoptPreventionPlan,
  assessRisk,
  issueInvitation,
  recorded,
  registerCase,
  replyToInvitation,
} from '@accord/domain/case/testing';
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

describe('the overdue watcher: notice and prevention plan periods', () => {
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
  const at = (date: string) => new Date(`${date}T02:00:00Z`);
  const dayAfter = (date: string) => new Date(at(date).getTime() + 24 * 3600 * 1000);
  const calendar = () => loadCalendar({ dataDir: ledger.dir }).calendar;
  const reconsideration = { channel: 'RECONSIDERATION', acceptedOn: '2026-01-17' } as const;

  it('a notice not served: counted past the Spring Festival, one alarm from two watchers, none after a restart', async () => {
    // 30 days from Saturday 17 January 2026 end on 16 February, inside the Spring Festival (15–23 February).
    await writeCase(ledger.store, 'c-1', recorded(registerCase(reconsideration, { agency: 'GOV_OFFICE' })));
    const due = calendar().deadline('2026-01-17', {
      name: 'invitation.notice',
      article: 'Art 4, Art 7',
      days: 30,
      counting: 'calendar',
    }).dueBy;
    expect(due > '2026-02-23').toBe(true);
    const id = 'INVITATION_NOTICE:case-c-1:ACCEPTANCE';

    let running = await start();
    await running.projector.waitFor(await ledger.store.headPosition());
    expect(await running.projector.readStore.get<DeadlineRow>(DEADLINES, id)).toMatchObject({
      kind: 'INVITATION_NOTICE',
      status: 'open',
      owner: 'GOV_OFFICE',
      recordedDueBy: due,
    });
    now = at('2026-02-17'); // the day after the 30th calendar day, were the holiday not counted
    expect((await running.watcher.tick()).recorded).toEqual([]);
    now = at(due);
    expect((await running.watcher.tick()).recorded).toEqual([]);

    now = dayAfter(due);
    const second = await openSqliteStore(ledger.dir);
    const other = new OverdueWatcher({
      store: second,
      readStore: running.projector.readStore,
      projector: running.projector,
      calendar,
      clock,
      ruleSet: RULES_2021_V2.version,
    });
    const [a, b] = await Promise.all([running.watcher.tick(), other.tick()]);
    expect([...a.recorded, ...a.alreadyRecorded]).toEqual([id]);
    expect([...b.recorded, ...b.alreadyRecorded]).toEqual([id]);
    await second.close();
    await running.projector.waitFor(await ledger.store.headPosition());
    expect(await running.projector.readStore.get<CaseRow>(CASES, 'c-1')).toMatchObject({ overdue: 1 });
    await running.close();

    running = await start();
    expect(await running.watcher.tick()).toMatchObject({ checked: 0, recorded: [] });
    const alarms = await ledger.store.readStream(overdueStreamId(id));
    expect(alarms.map((e) => [e.type, (e.data as { dueBy: string; kind: string }).kind])).toEqual([
      ['DeadlineOverdue', 'INVITATION_NOTICE'],
    ]);

    // A late notice is still recorded (v2) and closes the period: the case is no longer overdue.
    await ledger.store.append(
      'case-c-1',
      recorded(
        registerCase(reconsideration, { agency: 'GOV_OFFICE' }),
        issueInvitation(
          { to: 'PROCURATORATE', noticeServedOn: '2026-03-02', documentRef: '鲁山复议邀〔2026〕3号' },
          { agency: 'GOV_OFFICE', rules: RULES_2021_V2, now: '2026-03-02T02:00:00Z' },
        ),
      )
        .slice(1)
        .map((e) => stored(e, 'c-1')),
      { expectedRevision: 0 },
    );
    await running.projector.waitFor(await ledger.store.headPosition());
    expect(await running.projector.readStore.get<DeadlineRow>(DEADLINES, id)).toMatchObject({
      status: 'closed',
      closedBy: 'served',
      overdue: 1,
    });
    expect(await running.projector.readStore.get<CaseRow>(CASES, 'c-1')).toMatchObject({ overdue: 0 });
    await running.close();
  });

  it('a prevention plan not adopted: fires once after its working days (v2), and adoption clears the case', async () => {
    const v2 = { rules: RULES_2021_V2, now: '2026-02-12T02:00:00Z' } as const;
    const events = recorded(
      registerCase({ acceptedOn: '2026-02-02' }),
      assessRisk({ level: 'MAJOR', assessedOn: '2026-02-12' }, v2),
      adoptPreventionPlan({ adoptedOn: '2026-03-02' }, { ...v2, now: '2026-03-02T02:00:00Z' }),
    );
    await writeCase(ledger.store, 'c-1', events.slice(0, 2));
    const due = calendar().deadline('2026-02-12', {
      name: 'risk.plan',
      article: 'Art 10',
      days: 3,
      counting: 'working',
    }).dueBy;
    expect(due > '2026-02-23').toBe(true);
    const id = 'PREVENTION_PLAN:case-c-1:risk-1';

    let running = await start();
    now = at(due);
    expect((await running.watcher.tick()).recorded).not.toContain(id);
    now = dayAfter(due);
    expect((await running.watcher.tick()).recorded).toContain(id);
    await running.close();
    running = await start();
    const again = await running.watcher.tick();
    expect([...again.recorded, ...again.alreadyRecorded]).not.toContain(id);
    await running.projector.waitFor(await ledger.store.headPosition());
    expect((await running.projector.readStore.get<CaseRow>(CASES, 'c-1'))?.overdueDeadlines).toHaveProperty([
      id,
    ]);

    await ledger.store.append(
      'case-c-1',
      events.slice(2).map((e) => stored(e, 'c-1')),
      {
        expectedRevision: 1,
      },
    );
    await running.projector.waitFor(await ledger.store.headPosition());
    expect(await running.projector.readStore.get<DeadlineRow>(DEADLINES, id)).toMatchObject({
      status: 'closed',
      closedBy: 'adopted',
    });
    expect(
      (await running.projector.readStore.get<CaseRow>(CASES, 'c-1'))?.overdueDeadlines,
    ).not.toHaveProperty([id]);
    expect((await ledger.store.readStream(overdueStreamId(id))).length).toBe(1);
    await running.close();
  });
});

function legalDay(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

function stored(event: { type: string; data: unknown }, caseId: string) {
  return storedEvent({ ...event, data: { ...(event.data as object), caseId } });
}
