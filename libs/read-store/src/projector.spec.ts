import * as path from 'node:path';
import {
  assessRisk,
  closeCase,
  issueInvitation,
  PARTY_A,
  recordOutcome,
  recorded,
  registerCase,
  replyToInvitation,
  resolving,
} from '@accord/domain/case/testing';
import { dumpReadModels } from './dump';
import { type Projection } from './projection';
import { Projector } from './projector';
import {
  AUDIT_TRAIL,
  CASES,
  type AuditRow,
  type CaseRow,
  DEADLINES,
  type DeadlineRow,
  PROJECTIONS,
} from './projections';
import { registerParty } from './queries';
import { SqliteReadStore } from './sqlite-read-store';
import { projectorFor, stored, tempLedger, writeCase } from './testing/ledger';

// Real files and (for the kill test) a child process: slow on a loaded machine, never timed.
jest.setTimeout(180_000);
describe('projections over a real SQLite ledger', () => {
  let ledger: Awaited<ReturnType<typeof tempLedger>>;
  beforeEach(async () => {
    ledger = await tempLedger();
  });
  afterEach(async () => {
    await ledger.remove();
  });

  const run = async (file = 'read.db', batchSize = 100) => {
    const { readStore, projector } = projectorFor(ledger.store, ledger.dir, file, batchSize);
    projector.start();
    await projector.waitFor(await ledger.store.headPosition());
    await projector.close();
    return readStore;
  };

  it('given case events → case, deadline, register and audit rows', async () => {
    await writeCase(
      ledger.store,
      'c-1',
      resolving(
        issueInvitation(),
        replyToInvitation({}, { agency: 'GOV_OFFICE' }),
        assessRisk({ level: 'MAJOR' }),
      ),
    );
    // The same person in another case, the number typed with a lower-case x and spaces.
    const other = {
      ...PARTY_A,
      partyId: 'p-9',
      idNumber: ` ${PARTY_A.idNumber.slice(0, 6)} ${PARTY_A.idNumber.slice(6)}`,
    };
    await writeCase(ledger.store, 'c-2', recorded(registerCase({ parties: [other] }), issueInvitation()));
    await ledger.store.append(
      'access-log',
      [stored({ type: 'SomeFutureAccessEvent', data: { caseId: 'c-1' } })],
      {
        expectedRevision: 'any',
      },
    );
    const read = await run();

    const c1 = read.get<CaseRow>(CASES, 'c-1')!;
    expect(c1).toMatchObject({
      stage: 'RESOLUTION_OPEN',
      riskLevel: 'MAJOR',
      participantsSet: '|COURT|GOV_OFFICE|',
      inviteesSet: '',
    });
    expect(read.get<CaseRow>(CASES, 'c-2')).toMatchObject({
      stage: 'REGISTERED',
      inviteesSet: '|GOV_OFFICE|',
    });

    const deadlines = read.find<DeadlineRow>(DEADLINES, { orderBy: [{ field: 'key', direction: 'asc' }] });
    expect(deadlines.map((d) => [d.kind, d.caseId, d.status, d.closedBy, d.owner])).toEqual([
      ['INVITATION_REPLY', 'c-1', 'closed', 'replied', 'GOV_OFFICE'],
      ['INVITATION_REPLY', 'c-2', 'open', null, 'GOV_OFFICE'],
      ['RISK_ESCALATION', 'c-1', 'open', null, 'COURT'],
    ]);

    const party = registerParty(read, `RESIDENT_ID-${PARTY_A.idNumber}`)!;
    expect(party.filings.map((f) => [f.caseId, f.casePartyId])).toEqual([
      ['c-1', PARTY_A.partyId],
      ['c-2', 'p-9'],
    ]);

    const audit = read.find<AuditRow>(AUDIT_TRAIL, { orderBy: [{ field: 'key', direction: 'asc' }] });
    expect(audit).toHaveLength(await ledger.store.headPosition());
    expect(audit[audit.length - 1]).toMatchObject({
      type: 'SomeFutureAccessEvent',
      caseId: 'c-1',
      access: { caseId: 'c-1' },
    });
    expect(read.count(AUDIT_TRAIL, { all: [{ field: 'caseId', op: '=', value: 'c-2' }] })).toBe(2);
    expect(read.checkpoints().every((c) => c.position === audit.length && c.status === 'running')).toBe(true);
    read.close();
  });

  it('an unknown type stops the projections that read its stream, at that event; the others go on', async () => {
    await writeCase(ledger.store, 'c-1', recorded(registerCase()));
    const bad = await ledger.store.append('party-x', [stored({ type: 'PartyTeleported', data: {} })], {
      expectedRevision: 'any',
    });
    await writeCase(ledger.store, 'c-2', recorded(registerCase()));
    const read = await run('read.db', 1000);
    const byName = Object.fromEntries(read.checkpoints().map((c) => [c.projection, c]));
    expect(byName['register']).toMatchObject({
      status: 'stuck',
      stuckAt: bad.position,
      position: bad.position - 1,
    });
    expect(byName['register']!.error).toMatch(/unknown event type PartyTeleported/);
    expect(byName['audit']).toMatchObject({ status: 'stuck', stuckAt: bad.position });
    expect(byName['case-status']).toMatchObject({ status: 'running', position: bad.position + 1 });
    expect(read.get(CASES, 'c-2')).toBeDefined();
    read.close();
  });

  it('a projection that throws stops alone; after the fix (a new version) it rebuilds on start', async () => {
    await writeCase(ledger.store, 'c-1', recorded(registerCase(), issueInvitation()));
    let broken = true;
    const fragile: Projection = {
      name: 'fragile',
      version: 1,
      collections: [{ name: 'fragile', keyType: 'integer', fields: [] }],
      apply(event, tx) {
        if (broken && event.type === 'InvitationIssued') throw new Error('cannot count invitations');
        tx.put('fragile', event.position, { type: event.type });
      },
    };
    const file = path.join(ledger.dir, 'read.db');
    const first = new Projector(ledger.store, new SqliteReadStore(file), [fragile, ...PROJECTIONS]);
    first.prepare();
    first.start();
    await first.waitFor(2);
    await first.close();
    const read = first.readStore;
    expect(read.checkpoints().find((c) => c.projection === 'fragile')).toMatchObject({
      status: 'stuck',
      position: 1,
      stuckAt: 2,
    });
    expect(read.checkpoints().find((c) => c.projection === 'case-status')).toMatchObject({
      status: 'running',
      position: 2,
    });
    expect(read.count('fragile')).toBe(1);
    read.close();

    broken = false;
    const fixed = new Projector(ledger.store, new SqliteReadStore(file), [
      { ...fragile, version: 2 },
      ...PROJECTIONS,
    ]);
    expect(fixed.prepare()).toEqual(['fragile']);
    fixed.start();
    await fixed.waitFor(2);
    await fixed.close();
    expect(fixed.readStore.count('fragile')).toBe(2);
    fixed.readStore.close();
  });

  it('incremental projection (small live batches) equals a rebuild in one pass, and two rebuilds are identical', async () => {
    const { readStore: live, projector } = projectorFor(ledger.store, ledger.dir, 'live.db', 3);
    projector.start();
    for (let i = 0; i < 6; i += 1) {
      await writeCase(
        ledger.store,
        `c-${i}`,
        resolving(
          issueInvitation(),
          replyToInvitation({}, { agency: 'GOV_OFFICE' }),
          recordOutcome({ outcome: 'DECIDED_WITHOUT_RESOLUTION' }),
          closeCase(),
        ),
      );
      await projector.waitFor(await ledger.store.headPosition());
    }
    await projector.close();
    const rebuilt = await run('rebuilt.db', 1000);
    const again = await run('again.db', 7);
    expect(dumpReadModels(rebuilt, PROJECTIONS)).toEqual(dumpReadModels(live, PROJECTIONS));
    expect(dumpReadModels(again, PROJECTIONS)).toEqual(dumpReadModels(rebuilt, PROJECTIONS));
    for (const s of [live, rebuilt, again]) s.close();
  });
});
