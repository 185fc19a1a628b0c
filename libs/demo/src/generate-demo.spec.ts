import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCalendar } from '@accord/calendar-data';
import { type DomainEvent, type RecordedEvent, upcasters } from '@accord/events';
import {
  agencyDecider,
  caseDecider,
  commendationDecider,
  type Decider,
  letterDecider,
  mediatorDecider,
  meetingDecider,
  partyRegisterDecider,
} from '@accord/domain';
import { deepFreeze } from '@accord/domain/testing/fold-properties';
import { openSqliteStore, type SqliteEventStore } from '@accord/store';
import { DemoClock, type DemoSummary, generateDemo, residentIdCheck, usccCheck } from '@accord/demo';

const dirs: string[] = [];
const calendar = loadCalendar({ dataDir: mkdtempSync(join(tmpdir(), 'accord-demo-cal-')) }).calendar;

async function generate(
  events: number,
  seed: number,
  appendsPerBatch?: number,
): Promise<{ summary: DemoSummary; all: RecordedEvent[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'accord-demo-'));
  dirs.push(dir);
  const clock = new DemoClock();
  // A small batch size splits the simulation's batches over many commits, two in flight.
  const store: SqliteEventStore = await openSqliteStore(dir, {
    clock: clock.now,
    maxAppendsPerCommit: appendsPerBatch,
  });
  try {
    const summary = await generateDemo(store, { events, seed, calendar, clock, appendsPerBatch });
    const all: RecordedEvent[] = [];
    for await (const batch of store.readAll()) all.push(...batch);
    return { summary, all };
  } finally {
    await store.close();
  }
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const DECIDERS: Readonly<Record<string, Decider<unknown, unknown, DomainEvent>>> = {
  case: caseDecider as never,
  letter: letterDecider as never,
  party: partyRegisterDecider as never,
  mediator: mediatorDecider as never,
  agency: agencyDecider as never,
  commendation: commendationDecider as never,
  meeting: meetingDecider as never,
};

describe('generateDemo: determinism', () => {
  it('writes the same events, byte for byte, for the same seed, and a different ledger for another', async () => {
    const fingerprint = (all: RecordedEvent[]) => all.map((e) => `${e.streamId}/${e.revision}/${e.hash}`);
    const a = await generate(2500, 42);
    const b = await generate(2500, 42);
    const c = await generate(2500, 43);
    expect(a.all.length).toBe(a.summary.events);
    expect(fingerprint(b.all)).toEqual(fingerprint(a.all));
    expect(b.summary).toEqual(a.summary);
    expect(fingerprint(c.all)).not.toEqual(fingerprint(a.all));
  }, 180_000);

  it('stays byte-identical when batches are split over many commits in flight', async () => {
    const fingerprint = (all: RecordedEvent[]) => all.map((e) => `${e.streamId}/${e.revision}/${e.hash}`);
    const a = await generate(2500, 42, 8);
    const b = await generate(2500, 42, 8);
    expect(fingerprint(b.all)).toEqual(fingerprint(a.all));
  }, 180_000);
});

describe('generateDemo: a 20,000-event ledger', () => {
  let summary: DemoSummary;
  let all: RecordedEvent[];
  const ofType = (type: string) =>
    all.filter((e) => e.type === type) as RecordedEvent<Record<string, never>>[];
  const data = (type: string) => ofType(type).map((e) => e.data as Record<string, unknown>);

  beforeAll(async () => {
    ({ summary, all } = await generate(20_000, 1));
  }, 300_000);

  it('writes up to the budget, inside the simulated years, recorded after it happened', () => {
    expect(summary.events).toBe(all.length);
    expect(summary.events).toBeLessThanOrEqual(20_000);
    expect(summary.events).toBeGreaterThan(19_000);
    for (const e of all) {
      expect(e.occurredAt >= '2024-01-01T16:00:00.000Z' && e.occurredAt < '2026-11-30T16:00:00.000Z').toBe(
        true,
      );
      expect(Date.parse(e.recordedAt)).toBeGreaterThanOrEqual(Date.parse(e.occurredAt));
    }
  });

  it('folds every stream through its own decider without error or mutation', () => {
    const states = new Map<string, unknown>();
    for (const e of all) {
      const kind = e.streamId.slice(0, e.streamId.indexOf('-'));
      const decider = DECIDERS[kind];
      if (!decider) throw new Error(`no decider for stream ${e.streamId}`);
      const current = upcasters.upcast(e);
      const before = states.get(e.streamId) ?? decider.initialState();
      states.set(
        e.streamId,
        decider.evolve(deepFreeze(before), deepFreeze({ type: current.type, data: current.data })),
      );
    }
    for (const [streamId, state] of states)
      expect([streamId, (state as { status: string }).status]).not.toEqual([streamId, 'none']);
    expect(new Set([...states.keys()].map((s) => s.slice(0, s.indexOf('-'))))).toEqual(
      new Set(Object.keys(DECIDERS)),
    );
  });

  it('holds every channel and every outcome', () => {
    expect(new Set(data('CaseRegistered').map((d) => d.channel))).toEqual(
      new Set(['RECONSIDERATION', 'LITIGATION', 'PROCURATORIAL_SUPERVISION']),
    );
    expect(new Set(data('OutcomeRecorded').map((d) => d.outcome)).size).toBe(6);
    for (const type of [
      'CaseClosed',
      'CaseLinked',
      'NonSupportDecisionRecorded',
      'ResolutionOpened',
      'ActivityRecorded',
      'MediatorAssigned',
      'ReliefCoordinated',
      'PreventionPlanAdopted',
      'ConsentRecorded',
    ])
      expect([type, ofType(type).length > 0]).toEqual([type, true]);
    expect(data('EligibilityAssessed').some((d) => d.outcome === 'CLEARLY_UNLAWFUL_OR_UNREASONABLE')).toBe(
      true,
    );
    expect(data('EligibilityAssessed').some((d) => d.supersedes !== null)).toBe(true);
  });

  it('holds invitations answered on time, late, declined, withdrawn, and never answered (overdue)', () => {
    const accepted = data('InvitationAccepted');
    expect(accepted.some((d) => d.late === true) && accepted.some((d) => d.late === false)).toBe(true);
    expect(ofType('InvitationDeclined').length).toBeGreaterThan(0);
    expect(ofType('InvitationWithdrawn').length).toBeGreaterThan(0);
    const answered = new Set(
      [...accepted, ...data('InvitationDeclined'), ...data('InvitationWithdrawn')].map((d) => d.invitationId),
    );
    const closed = new Set(data('CaseClosed').map((d) => d.caseId));
    const overdue = data('InvitationIssued').filter(
      (d) =>
        !answered.has(d.invitationId) &&
        !closed.has(d.caseId) &&
        (d.replyDeadline as { dueBy: string }).dueBy < '2026-11-30',
    );
    expect(overdue.length).toBeGreaterThan(0);
    expect(summary.refusedAttempts).toBeGreaterThan(0);
  });

  it('holds letters adopted, partly adopted, rejected, answered late, and overdue', () => {
    const responses = data('LetterResponseRecorded');
    expect(new Set(responses.map((d) => d.outcome))).toEqual(
      new Set(['ADOPTED', 'PARTLY_ADOPTED', 'REJECTED']),
    );
    expect(responses.some((d) => d.late === true)).toBe(true);
    const answered = new Set(responses.map((d) => d.letterId));
    expect(
      data('LetterServed').some(
        (d) => !answered.has(d.letterId) && (d.responseDueBy as string) < '2026-11-30',
      ),
    ).toBe(true);
    expect(ofType('LetterFollowUpRecorded').length).toBeGreaterThan(0);
    expect(ofType('LetterClosed').length).toBeGreaterThan(0);
  });

  it('holds major risks escalated on time, late and never; attendance of every kind and absence reports', () => {
    const escalations = data('RiskEscalated');
    expect(escalations.some((d) => d.late === true) && escalations.some((d) => d.late === false)).toBe(true);
    const escalated = new Set(escalations.map((d) => d.caseId));
    expect(data('RiskAssessed').some((d) => d.majorRisk === true && !escalated.has(d.caseId))).toBe(true);
    expect(new Set(data('AttendanceRecorded').map((d) => d.attendance)).size).toBe(3);
    expect(ofType('AbsenceReported').length).toBeGreaterThan(0);
  });

  it('holds the register: notes both ways, flags confirmed by an agency and by a joint meeting, contests both ways', () => {
    expect(new Set(data('IntegrityNoteAdded').map((d) => d.polarity))).toEqual(
      new Set(['POSITIVE', 'NEGATIVE']),
    );
    expect(new Set(data('FlagConfirmed').map((d) => (d.confirmation as { via: string }).via))).toEqual(
      new Set(['AGENCY', 'JOINT_MEETING']),
    );
    const meetings = new Set(data('MeetingRecorded').map((d) => d.meetingId));
    for (const d of data('FlagConfirmed')) {
      const c = d.confirmation as { via: string; meetingId?: string };
      if (c.via === 'JOINT_MEETING') expect(meetings.has(c.meetingId)).toBe(true);
    }
    expect(new Set(data('FlagContestDecided').map((d) => d.outcome))).toEqual(
      new Set(['UPHELD', 'REJECTED']),
    );
    for (const type of ['FlagNotificationRecorded', 'FlagWithdrawn', 'FlagExpired'])
      expect([type, ofType(type).length > 0]).toEqual([type, true]);
  });

  it('has repeat filers whom only the identity document ties together (3+ filings against one organ within 12 months)', () => {
    const byIdentity = new Map<string, { on: string; organ: string; partyId: string }[]>();
    for (const d of data('CaseRegistered')) {
      for (const p of d.parties as { partyId: string; idScheme: string; idNumber: string }[]) {
        const key = `${p.idScheme}:${p.idNumber.toUpperCase()}`;
        const list = byIdentity.get(key) ?? [];
        list.push({
          on: d.acceptedOn as string,
          organ: (d.respondent as { code: string }).code,
          partyId: p.partyId,
        });
        byIdentity.set(key, list);
      }
    }
    const patterns = [...byIdentity.values()].filter((filings) =>
      filings.some((f) => {
        const year = new Date(Date.parse(f.on) - 365 * 86_400_000).toISOString().slice(0, 10);
        return filings.filter((g) => g.organ === f.organ && g.on <= f.on && g.on >= year).length >= 3;
      }),
    );
    expect(patterns.length).toBeGreaterThan(0);
    // Some of a person's filings carry a case-local party id: matching by party id would miss them.
    expect(patterns.some((filings) => new Set(filings.map((f) => f.partyId)).size > 1)).toBe(true);
  });

  it('gives every party a plausible identity number with a valid check character', () => {
    for (const d of data('CaseRegistered')) {
      for (const p of d.parties as { idScheme: string; idNumber: string; name: string }[]) {
        const n = p.idNumber.toUpperCase();
        if (p.idScheme === 'RESIDENT_ID') expect(residentIdCheck(n.slice(0, 17))).toBe(n[17]);
        else expect(usccCheck(n.slice(0, 17))).toBe(n[17]);
        expect(p.name).toMatch(/^\p{Script=Han}{2,}/u);
      }
    }
  });

  it('keeps the mediator pool, liaisons, commendations and both kinds of joint meeting', () => {
    for (const type of [
      'MediatorAdmitted',
      'MediatorSuspended',
      'MediatorReinstated',
      'MediatorRemoved',
      'LiaisonDesignated',
      'OrganCommended',
    ])
      expect([type, ofType(type).length > 0]).toEqual([type, true]);
    expect(new Set(data('MeetingRecorded').map((d) => d.kind))).toEqual(new Set(['REGULAR', 'SPECIAL']));
  });

  it('holds the acts rule set v2 adds: risk findings, late notices, plans both ways, approved withdrawals, organ agreements', () => {
    expect(all.every((e) => e.ruleSet === 'lushan-2021-144/v2')).toBe(true);
    const found = new Set(data('LitigationRiskFound').map((d) => d.caseId));
    expect(found.size).toBeGreaterThan(0);
    const issued = data('InvitationIssued');
    expect(issued.every((d) => typeof d.documentRef === 'string')).toBe(true);
    expect(issued.some((d) => d.noticeLate === true)).toBe(true);
    const starts = new Set(issued.map((d) => (d.noticePeriodStart as { fact: string }).fact));
    expect(starts).toEqual(new Set(['ACCEPTANCE', 'NON_SUPPORT_DECISION', 'RISK_FINDING']));
    const plans = data('PreventionPlanAdopted');
    expect(plans.some((d) => d.late === true) && plans.some((d) => d.late === false)).toBe(true);
    const withdrawn = data('OutcomeRecorded').filter((d) => d.outcome === 'WITHDRAWN');
    const approved = withdrawn.filter(
      (d) => (d.withdrawal as { courtApproval: unknown } | undefined)?.courtApproval != null,
    );
    expect(approved.length).toBeGreaterThan(0);
    expect(approved.length).toBeLessThan(withdrawn.length);
    const settled = data('OutcomeRecorded').filter((d) => d.outcome === 'SETTLED');
    expect(settled.every((d) => d.organAgreement != null)).toBe(true);
  });

  it('cites only joint meetings every listed agency has acknowledged, and leaves some unacknowledged', () => {
    const listed = new Map<string, Set<string>>();
    for (const d of data('MeetingRecorded'))
      listed.set(
        d.meetingId as string,
        new Set((d.attendees as { agency: string }[]).map((a) => a.agency).filter((a) => a !== d.convenedBy)),
      );
    for (const d of data('MeetingAttendanceAcknowledged'))
      listed.get(d.meetingId as string)!.delete(d.agency as string);
    for (const d of data('FlagConfirmed')) {
      const c = d.confirmation as { via: string; meetingId?: string };
      if (c.via === 'JOINT_MEETING')
        expect([c.meetingId, listed.get(c.meetingId!)!.size]).toEqual([c.meetingId, 0]);
    }
    expect([...listed.values()].some((left) => left.size > 0)).toBe(true);
  });
});
