import {
  AGENCIES,
  type Agency,
  caseStreamId,
  type MeetingAttendee,
  SPECIAL_MEETING_GROUNDS,
} from '@accord/events';
import {
  caseDecider,
  type CaseState,
  type JointMeetingFacts,
  type MeetingCaseFacts,
  meetingCaseFacts,
  meetingDecider,
  type MeetingState,
} from '@accord/domain';
import type { CaseTally } from './cases';
import type { Directory } from './directory';
import type { Process, Wake, World } from './world';

const STAFF_NAMES: Readonly<Record<Agency, readonly string[]>> = {
  COURT: ['刘庭长', '赵法官', '孙书记员'],
  PROCURATORATE: ['陈检察长', '周检察官', '吴书记员'],
  GOV_OFFICE: ['王主任', '李科长', '郑科员'],
};

/** The agencies at a joint meeting (Art 14): the convener and at least one other. */
function attendees(w: World, convener: Agency): MeetingAttendee[] {
  const others = AGENCIES.filter((a) => a !== convener && w.prng.chance(0.75));
  const present = [convener, ...(others.length > 0 ? others : [AGENCIES.find((a) => a !== convener)!])];
  return present.flatMap((agency) =>
    w.prng.sample([0, 1, 2], w.prng.int(1, 2)).map((i) => ({
      agency,
      staffId: `${agency.toLowerCase()}-staff-${i + 1}`,
      name: STAFF_NAMES[agency][i]!,
    })),
  );
}

function record(
  w: World,
  convener: Agency,
  data: {
    kind: 'REGULAR' | 'SPECIAL';
    cases: readonly string[];
    specialReason: unknown;
    conclusions: readonly string[];
  },
): { meetingId: string; events: number } {
  const meetingId = w.newId();
  // As the API's handler does: what each named case is to the convener.
  const caseFacts: Record<string, MeetingCaseFacts> = {};
  for (const caseId of data.cases) caseFacts[caseId] = convenerFacts(w, caseId, convener);
  const events = w.act(
    meetingStream(meetingId),
    meetingDecider,
    'RecordMeeting',
    { meetingId, heldOn: w.today, attendees: attendees(w, convener), ...data, caseFacts },
    w.actor(convener),
  ).length;
  w.count(`meeting.${data.kind}`);
  return { meetingId, events };
}

const meetingStream = (meetingId: string) => `meeting-${meetingId}`;

function convenerFacts(w: World, caseId: string, convener: Agency): MeetingCaseFacts {
  return meetingCaseFacts(w.state<CaseState>(caseStreamId(caseId)) ?? caseDecider.initialState(), convener);
}

function recorded(w: World, meetingId: string): Extract<MeetingState, { status: 'recorded' }> {
  return w.state<MeetingState>(meetingStream(meetingId)) as Extract<MeetingState, { status: 'recorded' }>;
}

/**
 * Art 11, Art 14 (joint only by each agency's own act): every other agency the record lists says,
 * by its own staff and within days, that it attended, except now and then one that never does.
 */
function* acknowledgements(
  w: World,
  meetingId: string,
  tally: CaseTally,
  sure: boolean,
): Generator<Wake, JointMeetingFacts, void> {
  const m = recorded(w, meetingId);
  for (const agency of m.agenciesPresent.filter((a) => a !== m.convenedBy)) {
    if (!sure && w.prng.chance(0.06)) {
      w.count('meeting.neverAcknowledged');
      continue;
    }
    yield w.workingDaysAfter(w.today, w.prng.int(0, 3));
    tally.events += w.act(
      meetingStream(meetingId),
      meetingDecider,
      'AcknowledgeAttendance',
      { meetingId, acknowledgedOn: w.today },
      w.actor(agency),
    ).length;
    w.count('meeting.acknowledged');
  }
  const done = recorded(w, meetingId);
  w.retire(meetingStream(meetingId));
  return {
    meetingId,
    heldOn: done.heldOn,
    agenciesListed: done.agenciesPresent,
    agenciesConfirmed: done.agenciesConfirmed,
  };
}

function* acknowledged(w: World, meetingId: string, tally: CaseTally): Process {
  yield* acknowledgements(w, meetingId, tally, false);
}

/**
 * A joint meeting that decides something (e.g. confirms a flag): recorded, then acknowledged by
 * every other listed agency; returns the facts a confirmation cites, as the meeting stream has them.
 */
export function* jointMeeting(
  w: World,
  convener: Agency,
  cases: readonly string[],
  conclusion: string,
  tally: CaseTally,
): Generator<Wake, JointMeetingFacts, void> {
  const { meetingId, events } = record(w, convener, {
    kind: 'REGULAR',
    // A convener outside a case may still confirm a flag, but names only the cases it takes part in.
    cases: cases.filter((caseId) => convenerFacts(w, caseId, convener).convenerTakesPart),
    specialReason: null,
    conclusions: [conclusion],
  });
  tally.events += events;
  return yield* acknowledgements(w, meetingId, tally, true);
}

/** Art 14: a special meeting on a major, sensitive or difficult case. */
export function* specialMeeting(w: World, convener: Agency, caseId: string, tally: CaseTally): Process {
  const { meetingId, events } = record(w, convener, {
    kind: 'SPECIAL',
    cases: [caseId],
    specialReason: {
      grounds: w.prng.sample(SPECIAL_MEETING_GROUNDS, w.prng.int(1, 2)),
      explanation: '涉及人数众多，存在群体性事件风险',
    },
    conclusions: ['成立专班，由县政府办牵头协调', '一周内向县委县政府报告进展'],
  });
  tally.events += events;
  yield* acknowledged(w, meetingId, tally);
}

/** Art 14: the regular joint meeting, about once a month, reviewing recent cases. */
export function* regularMeetings(w: World, dir: Directory): Process {
  for (;;) {
    const recent = w.prng
      .sample(dir.recentCases, Math.min(dir.recentCases.length, w.prng.int(0, 4)))
      .map((c) => c.caseId);
    const convener = w.prng.pick(AGENCIES);
    // The convener raises the cases it takes part in (Art 17): it cannot name the others.
    const cases = recent.filter((caseId) => convenerFacts(w, caseId, convener).convenerTakesPart);
    const { meetingId } = record(w, convener, {
      kind: 'REGULAR',
      cases,
      specialReason: null,
      conclusions: ['通报本月化解工作情况', '对逾期未答复的邀请函逐件督办'],
    });
    w.spawn(acknowledged(w, meetingId, { events: 0 }), w.today);
    yield w.daysAfter(w.today, w.prng.int(26, 34));
  }
}
