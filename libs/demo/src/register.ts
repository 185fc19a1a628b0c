import { AGENCIES, FLAG_NOTIFICATION_MEANS, type Agency, type CaseRespondent } from '@accord/events';
import {
  addCalendarDays,
  type JointMeetingFacts,
  partyRegisterDecider,
  type PartyRegisterState,
} from '@accord/domain';
import type { CaseTally } from './cases';
import type { Directory } from './directory';
import type { Person } from './identities';
import { jointMeeting } from './meetings';
import type { Process, World } from './world';

const registerStream = (person: Person) => `party-${person.partyId}`;

function identity(w: World, person: Person) {
  // The first entry on a register says who the party is; later ones may leave it out.
  const known = w.state<PartyRegisterState>(registerStream(person))?.status === 'recorded';
  return known ? {} : { party: { kind: person.kind, name: person.name } };
}

/** After a case: now and then a note on the register (Art 11), negative for repeat filers. */
export function* registerNote(
  w: World,
  dir: Directory,
  people: readonly Person[],
  caseId: string,
  organ: CaseRespondent,
  agency: Agency,
  tally: CaseTally,
): Generator<string | null, void, void> {
  const { prng } = w;
  for (const person of people) {
    const repeated = dir.recentAgainst(person, organ.code, w.today).length >= 2;
    const negative = person.repeatFiler && repeated && prng.chance(0.5);
    if (!negative && !prng.chance(0.05)) continue;
    yield w.workingDaysAfter(w.today, prng.int(0, 5));
    tally.events += w.act(
      registerStream(person),
      partyRegisterDecider,
      'AddIntegrityNote',
      {
        partyId: person.partyId,
        ...identity(w, person),
        noteId: w.newId(),
        polarity: negative ? 'NEGATIVE' : 'POSITIVE',
        text: negative
          ? `12个月内就同一事项针对${organ.name}多次提起申请`
          : '积极配合化解工作，主动履行和解协议',
        caseRef: caseId,
        notedOn: w.today,
      },
      w.actor(agency),
    ).length;
    w.count(negative ? 'register.noteNegative' : 'register.notePositive');
  }
}

/**
 * A flag on a repeat filer (Art 11): proposed by one agency on grounds and evidence, confirmed by
 * another agency's lead or by a joint meeting, notified, sometimes contested (upheld or rejected),
 * withdrawn, or left to expire at its review date.
 */
export function* flagProcess(
  w: World,
  dir: Directory,
  person: Person,
  caseId: string,
  tally: CaseTally,
): Process {
  const { prng } = w;
  const streamId = registerStream(person);
  const flagId = w.newId();
  const act = (
    type: string,
    data: Record<string, unknown>,
    agency: Agency,
    role: 'clerk' | 'lead' = 'clerk',
  ) => {
    tally.events += w.act(
      streamId,
      partyRegisterDecider,
      type,
      { partyId: person.partyId, flagId, ...data },
      w.actor(agency, role),
    ).length;
  };
  const proposer = prng.pick(AGENCIES);
  const filings = dir.filings.get(person.partyId) ?? [];
  act(
    'ProposeFlag',
    {
      ...identity(w, person),
      grounds: '12个月内针对同一行政机关就相关事项反复提起复议、诉讼和监督申请',
      evidence: filings.slice(-4).map((f) => `case:${f.caseId}`),
      proposedOn: w.today,
    },
    proposer,
  );
  w.count('flag.proposed');
  if (prng.chance(0.1)) {
    w.count('flag.leftProposed');
    return;
  }
  yield w.workingDaysAfter(w.today, prng.int(3, 20));
  const viaMeeting = prng.chance(0.35);
  const confirmer = viaMeeting ? prng.pick(AGENCIES) : prng.pick(AGENCIES.filter((a) => a !== proposer));
  let meeting: JointMeetingFacts | null = null;
  if (viaMeeting) {
    // Art 11, Art 14: the meeting stands for a second agency only once each listed agency acknowledged it.
    meeting = yield* jointMeeting(
      w,
      confirmer,
      [caseId],
      `对当事人${person.partyId}的失信标记建议予以确认`,
      tally,
    );
    w.count('flag.confirmedByMeeting');
  } else w.count('flag.confirmedByAgency');
  const reviewOn = addCalendarDays(w.today, prng.int(120, 360));
  // The handler reads the cited meeting's stream and passes its facts to the register decider.
  act(
    'ConfirmFlag',
    { confirmedOn: w.today, reviewOn, meetingId: meeting?.meetingId ?? null, meeting },
    confirmer,
    'lead',
  );
  if (prng.chance(0.15)) {
    w.count('flag.notNotified');
    return;
  }
  yield w.workingDaysAfter(w.today, prng.int(1, 7));
  act(
    'RecordFlagNotification',
    { notifiedOn: w.today, means: prng.pick(FLAG_NOTIFICATION_MEANS), note: '' },
    confirmer,
  );
  if (prng.chance(0.3)) {
    yield w.workingDaysAfter(w.today, prng.int(2, 20));
    const contestId = w.newId();
    act(
      'ContestFlag',
      { contestId, contestedOn: w.today, grounds: '当事人称其系依法维权，并非滥用诉权' },
      proposer,
    );
    yield w.workingDaysAfter(w.today, prng.int(5, 20));
    const upheld = prng.chance(0.4);
    const judge = prng.pick(AGENCIES.filter((a) => a !== proposer));
    act(
      'DecideContest',
      {
        contestId,
        decidedOn: w.today,
        outcome: upheld ? 'UPHELD' : 'REJECTED',
        reasons: upheld ? '申请事项确有正当理由' : '多次申请均被驳回，理由不成立',
      },
      judge,
      'lead',
    );
    w.count(upheld ? 'flag.contestUpheld' : 'flag.contestRejected');
    if (upheld) {
      dir.flagged.delete(person.partyId);
      return;
    }
  }
  if (prng.chance(0.1)) {
    yield w.workingDaysAfter(w.today, prng.int(10, 60));
    act('WithdrawFlag', { withdrawnOn: w.today, reasons: '当事人已停止反复申请' }, proposer);
    w.count('flag.withdrawn');
    dir.flagged.delete(person.partyId);
    return;
  }
  // The deadline watcher records expiry once the review date has come; the demo does it for half of them.
  if (prng.chance(0.5)) {
    yield w.workingDaysAfter(reviewOn, prng.int(0, 3));
    act('ExpireFlag', { expiredOn: w.today }, prng.pick(AGENCIES));
    w.count('flag.expired');
    dir.flagged.delete(person.partyId);
  }
}
