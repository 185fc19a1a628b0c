import {
  ACTIVITY_KINDS,
  LEAD_AGENCY_OF_CHANNEL,
  type Agency,
  type CaseChannel,
  type CaseOutcome,
  type CaseParty,
  type CaseRespondent,
  caseStreamId,
  LITIGATION_RISKS,
  type RiskLevel,
} from '@accord/events';
import { caseDecider, type CaseState, type RegisteredCase } from '@accord/domain';
import type { Directory } from './directory';
import { ORGANS, type Person } from './identities';
import { letterProcess } from './letters';
import { flagProcess, registerNote } from './register';
import { specialMeeting } from './meetings';
import type { Process, World } from './world';

const MATTERS: readonly [category: 1 | 2 | 3 | 4 | 5 | 6, matter: string, reasons: string][] = [
  [1, '集体土地征收补偿标准争议', 'A dispute over the amount of administrative compensation'],
  [1, '房屋征收补偿安置争议', 'Compensation for a house taken for urban renewal'],
  [2, '工伤认定及待遇争议', 'An administrative act with discretion: work-injury recognition'],
  [2, '行政处罚罚款数额争议', 'The amount of an administrative fine, within the organ’s discretion'],
  [3, '行政协议履行争议', 'Performance of an administrative agreement'],
  [3, '招商引资协议兑现争议', 'An investment agreement the county has not honoured'],
  [4, '政府信息公开答复争议', 'A reply to a request for government information'],
  [5, '不动产登记争议', 'Registration of real property, with a civil dispute behind it'],
  [5, '林地承包经营权确权争议', 'Confirmation of forest land contract rights'],
  [6, '最低生活保障待遇争议', 'Subsistence allowance withdrawn; the applicant is in hardship'],
];

const INVITEES: Readonly<Record<CaseChannel, readonly Agency[]>> = {
  RECONSIDERATION: ['PROCURATORATE'],
  LITIGATION: ['GOV_OFFICE', 'PROCURATORATE'],
  PROCURATORIAL_SUPERVISION: ['GOV_OFFICE', 'COURT'],
};

type Reply = 'on_time' | 'late' | 'decline' | 'never' | 'withdrawn';

/** Art 4 书面通知 (v2): the department an invitee's notice is sometimes addressed to by name. */
const DEPARTMENTS: Readonly<Record<Agency, string>> = {
  COURT: '行政审判庭',
  PROCURATORATE: '第七检察部',
  GOV_OFFICE: '行政复议与应诉科',
};

/** The prefix of an agency's outgoing document numbers (文号). */
const DOC_PREFIX: Readonly<Record<Agency, string>> = {
  COURT: '庐法',
  PROCURATORATE: '庐检',
  GOV_OFFICE: '庐政办',
};

/** A document number (文号) of the agency's, dated this year: the written notice, reply or approval. */
function docRef(w: World, agency: Agency, kind: string): string {
  return `${DOC_PREFIX[agency]}${kind}〔${w.today.slice(0, 4)}〕${w.prng.int(1, 999)}号`;
}

/** The events one case process has produced (its case stream, its letters and notes). */
export interface CaseTally {
  events: number;
}

/**
 * One dispute from filing to closure, through the case decider: eligibility, a resolution effort,
 * invitations (answered on time, late, declined, withdrawn or never), activities, mediators,
 * risk and escalation, organ heads' attendance, relief, consents, an outcome and closure, with
 * suggestion letters and register entries spawned along the way. Every branch is one the Measures
 * allow; a refusal is a generator bug.
 */
export function* caseProcess(w: World, dir: Directory, channel: CaseChannel, tally: CaseTally): Process {
  const { prng } = w;
  const lead = LEAD_AGENCY_OF_CHANNEL[channel];
  const caseId = w.newId();
  const streamId = caseStreamId(caseId);
  const act = (
    type: string,
    data: Record<string, unknown>,
    agency: Agency = lead,
    role: 'clerk' | 'lead' = 'clerk',
  ) => {
    const events = w.act(streamId, caseDecider, type, { caseId, ...data }, w.actor(agency, role));
    tally.events += events.length;
    return events;
  };
  const state = () => w.state<CaseState>(streamId) as RegisteredCase;

  // Filing: the first party decides the organ; repeat filers go after the same organ again and again.
  const people: Person[] = [dir.person()];
  const extra = prng.weighted({ 0: 80, 1: 15, 2: 5 });
  for (let i = 0; i < Number(extra); i += 1) {
    const p = dir.person();
    if (!people.some((q) => q.idNumber === p.idNumber)) people.push(p);
  }
  const organ: CaseRespondent =
    people[0]!.repeatFiler && prng.chance(0.8) ? people[0]!.favouriteOrgan : prng.pick(ORGANS);
  const caseSeq = w.decided;
  const parties: CaseParty[] = people.map((p, i) => asParty(w, p, caseSeq, i));
  const [category, matter, reasons] = prng.pick(MATTERS);
  const acceptedOn = w.today;
  const mass = prng.chance(0.06);
  // Art 10 人数众多: a mass case reaches the rule set's threshold of people.
  const peopleInvolved = mass
    ? prng.int(w.rules.majorRiskPeopleThreshold, 60)
    : prng.int(1, 3) + parties.length - 1;
  act('RegisterCase', {
    channel,
    externalCaseNumber: dir.docket(channel, acceptedOn.slice(0, 4)),
    acceptedOn,
    parties,
    respondent: organ,
    matter,
    peopleInvolved,
  });
  w.count(`channel.${channel}`);
  for (const person of people) {
    const filings = dir.fileFor(person, { caseId, channel, acceptedOn, organ });
    const earlier = filings
      .slice(0, -1)
      .reverse()
      .find((f) => f.channel !== channel);
    // Art 1: the same dispute moving from one channel to another is linked.
    if (earlier && person === people[0] && prng.chance(0.6)) {
      act('LinkCase', {
        linkedCaseId: earlier.caseId,
        linkedChannel: earlier.channel,
        note: '同一争议的前序程序',
      });
      w.count('case.linked');
    }
    if (dir.recentAgainst(person, organ.code, acceptedOn).length >= 3) w.count('register.repeatFilings');
  }
  dir.rememberCase(caseId, acceptedOn, mass);

  // Art 6: in a supervision case, the procuratorate invites only after deciding not to support.
  const supports = channel === 'PROCURATORIAL_SUPERVISION' && prng.chance(0.3);
  if (channel === 'PROCURATORIAL_SUPERVISION') {
    yield w.workingDaysAfter(w.today, prng.int(2, 10));
    if (!supports) {
      act('RecordNonSupportDecision', {
        decisionNumber: `鲁检行监不支持〔${w.today.slice(0, 4)}〕${prng.int(1, 400)}号`,
        decidedOn: w.today,
        summary: '原行政行为认定事实清楚，适用法律正确，决定不支持监督申请',
      });
    }
  }

  yield w.workingDaysAfter(w.today, prng.int(1, 5));
  const unlawful = prng.chance(0.12);
  act('AssessEligibility', {
    assessmentId: w.newId(),
    outcome: unlawful ? 'CLEARLY_UNLAWFUL_OR_UNREASONABLE' : 'ELIGIBLE',
    grounds: unlawful ? [] : [{ category, reasons }],
    legalExplanation: unlawful ? '申请人的请求明显缺乏法律依据，已释法说理' : null,
    assessedOn: w.today,
  });
  if (unlawful || supports) {
    w.count(unlawful ? 'eligibility.clearlyUnlawful' : 'supervision.supported');
    yield w.workingDaysAfter(w.today, prng.int(5, 30));
    const outcome: CaseOutcome = unlawful
      ? 'DECIDED_WITHOUT_RESOLUTION'
      : prng.pick(['ADMINISTRATIVE_ACT_CORRECTED', 'DECIDED_WITHOUT_RESOLUTION'] as const);
    yield* finish(outcome);
    return;
  }
  if (prng.chance(0.05)) {
    yield w.workingDaysAfter(w.today, prng.int(1, 4));
    act('AssessEligibility', {
      assessmentId: w.newId(),
      outcome: 'ELIGIBLE',
      grounds: [
        { category, reasons },
        { category: category === 6 ? 1 : 6, reasons: '另查明申请人生活困难' },
      ],
      legalExplanation: null,
      assessedOn: w.today,
    });
    w.count('eligibility.reassessed');
  }

  yield w.workingDaysAfter(w.today, prng.int(0, 3));
  act('OpenResolution', { openedOn: w.today });

  // Art 5 (v2): the court invites only once it has found that the dispute may lead to an appeal, a
  // petition or instability, and the notice period runs from that finding.
  const findingNeeded = channel === 'LITIGATION' && w.rules.noticePeriodStart.LITIGATION === 'RISK_FINDING';
  if (findingNeeded) {
    // Now and then a clerk sends the notice before the finding is on record: refused, nothing written.
    if (prng.chance(0.08)) attemptInvitation(prng.pick(INVITEES[channel]));
    if (prng.chance(0.75)) {
      yield w.workingDaysAfter(w.today, prng.int(1, 10));
      act('RecordRiskFinding', {
        foundOn: w.today,
        risks: prng.sample(LITIGATION_RISKS, prng.int(1, 2)),
        reasons: '原告诉求涉及征收补偿，败诉后可能上诉、申诉或信访',
      });
      w.count('litigation.riskFound');
    }
  }
  const canInvite = !findingNeeded || state().riskFinding !== null;

  // Invitations (Arts 4–7): notice within 30 days of the fact inviting runs from (acceptance, the
  // non-support decision, the court's risk finding); the reply within 3 working days.
  const noticeDue = w.calendar.deadline(periodStart(state()), w.rules.invitationNotice).dueBy;
  const invitees = canInvite ? INVITEES[channel].filter(() => prng.chance(0.65)) : [];
  for (const to of invitees) {
    const latest = noticeDue < w.to ? noticeDue : w.to;
    const servedOn = w.workingDaysAfter(w.today, prng.int(0, 6));
    if (servedOn > latest) break;
    yield servedOn;
    if (w.today > noticeDue) break;
    invite(to);
  }
  // Staff sometimes invite after the notice period: v2 records the notice as late (Art 4); v1 refused it.
  const uninvited = INVITEES[channel].find((a) => !invitees.includes(a));
  if (canInvite && uninvited && prng.chance(0.04)) {
    yield w.daysAfter(noticeDue, prng.int(1, 20));
    if (w.rules.lateNotice === 'record') {
      invite(uninvited);
      w.count('invitation.noticeLate');
    } else attemptInvitation(uninvited);
  }

  // The resolution effort: sessions, mediators, risk, organ heads, relief.
  const mediated = prng.chance(0.35);
  if (mediated) {
    yield w.workingDaysAfter(w.today, prng.int(2, 10));
    const members = [...dir.pool.values()].filter(
      (m) => m.organisationCode?.toUpperCase() !== organ.code.toUpperCase(),
    );
    if (members.length > 0) {
      const m = prng.pick(members);
      act('AssignMediator', { mediator: { ...m, status: 'active' }, assignedOn: w.today });
    }
  }
  const risky = mass || prng.chance(0.25);
  if (risky) yield* riskSteps();
  const activities = prng.int(1, 4);
  for (let i = 0; i < activities; i += 1) {
    yield w.workingDaysAfter(w.today, prng.int(3, 15));
    const s = state();
    const kind = prng.pick(ACTIVITY_KINDS);
    act('RecordActivity', {
      activityId: w.newId(),
      kind,
      description: kind === 'OTHER' ? '现场踏勘并听取村民意见' : null,
      heldOn: w.today,
      agencies: [...s.participants],
      partyIds: s.parties.filter(() => prng.chance(0.8)).map((p) => p.partyId),
      others: prng.chance(0.3) ? ['村委会代表'] : [],
    });
  }
  if (prng.chance(0.2)) yield* organHeadSteps();
  if (prng.chance(0.05)) {
    yield w.workingDaysAfter(w.today, prng.int(1, 10));
    act('CoordinateRelief', {
      reliefId: w.newId(),
      partyId: parties[0]!.partyId,
      department: prng.pick(['县民政局', '县医疗保障局', '县人力资源和社会保障局']),
      coordinatedOn: w.today,
      noEffectiveRemedy: true,
      greatHardship: true,
      basis: '申请人因病致贫，通过诉讼无法获得有效救济',
    });
    w.count('case.relief');
  }
  if (prng.chance(0.15)) {
    // Art 8 (v2): the handler reads the named case; the lead agency takes part in its own case.
    const caseFacts = { exists: true, issuerTakesPart: state().participants.includes(lead) };
    w.spawn(
      letterProcess(w, lead, organ, { caseId, caseFacts }, tally),
      w.workingDaysAfter(w.today, prng.int(1, 20)),
    );
  }

  yield w.workingDaysAfter(w.today, prng.int(5, 40));
  const outcome = prng.weighted<CaseOutcome>({
    SETTLED: 34,
    MEDIATED: mediated ? 25 : 6,
    WITHDRAWN: 10,
    ADMINISTRATIVE_ACT_CORRECTED: 12,
    DECIDED_WITHOUT_RESOLUTION: 8,
    NOT_RESOLVED: 15,
  });
  yield* finish(outcome);

  function invite(to: Agency): void {
    const invitationId = w.newId();
    act('IssueInvitation', {
      invitationId,
      to,
      grounds: '争议可能进入本机关程序，邀请共同参与化解',
      noticeServedOn: w.today,
      documentRef: docRef(w, lead, '函'),
      addresseeDepartment: prng.chance(0.3) ? DEPARTMENTS[to] : null,
    });
    w.spawn(replyProcess(w, streamId, caseId, invitationId, to, lead, tally), w.today);
  }

  /** An invitation the decider may refuse (too early or too late): a refusal is counted, not written. */
  function attemptInvitation(to: Agency): void {
    const refused = w.attempt(
      streamId,
      caseDecider,
      'IssueInvitation',
      {
        caseId,
        invitationId: w.newId(),
        to,
        grounds: '补充邀请',
        noticeServedOn: w.today,
        documentRef: docRef(w, lead, '函'),
      },
      w.actor(lead),
    );
    if (!Array.isArray(refused)) w.count(`refused.${(refused as { code: string }).code}`);
  }

  function* riskSteps(): Generator<string | null, void, void> {
    yield w.workingDaysAfter(w.today, prng.int(1, 8));
    const level = prng.weighted<RiskLevel>({ LOW: 30, MEDIUM: 35, HIGH: 22, MAJOR: 13 });
    const [assessed] = act('AssessRisk', {
      assessmentId: w.newId(),
      level,
      peopleInvolved,
      massIncidentRisk: mass && prng.chance(0.5),
      factors: ['信访记录', mass ? '涉及人数较多' : '当事人情绪激烈'].slice(0, prng.int(1, 2)),
      assessedOn: w.today,
    });
    const major = assessed?.type === 'RiskAssessed' && assessed.data.majorRisk;
    w.count(major ? 'risk.major' : 'risk.notMajor');
    if (!major || assessed?.type !== 'RiskAssessed') return;
    const dueBy = assessed.data.escalationDeadline!.dueBy;
    const behaviour = prng.weighted({ on_time: 60, late: 25, never: 15 });
    if (prng.chance(0.5))
      w.spawn(specialMeeting(w, lead, caseId, tally), w.workingDaysAfter(w.today, prng.int(1, 10)));
    if (behaviour !== 'never') {
      yield behaviour === 'on_time'
        ? w.today < dueBy
          ? w.today
          : dueBy
        : w.workingDaysAfter(dueBy, prng.int(1, 8));
      act(
        'EscalateRisk',
        { escalationId: w.newId(), escalatedOn: w.today, summary: '涉及群众较多，已报告县委、县政府' },
        lead,
        'lead',
      );
      w.count(w.today > dueBy ? 'risk.escalatedLate' : 'risk.escalatedOnTime');
    } else w.count('risk.notEscalated');
    // Art 10 (v2): the prevention plan is owed within its own period of the assessment; some come late.
    const planDue = assessed.data.planDeadline?.dueBy ?? null;
    const planBehaviour = prng.weighted({ on_time: 62, late: 28, never: 10 });
    if (planBehaviour === 'never') {
      w.count('risk.planNever');
      return;
    }
    const soon = w.workingDaysAfter(w.today, prng.int(0, 1));
    if (planDue === null || planBehaviour === 'late')
      yield w.workingDaysAfter(planDue ?? w.today, prng.int(1, 6));
    else yield soon <= planDue ? soon : w.today > planDue ? w.today : planDue;
    const [plan] = act('AdoptPreventionPlan', {
      planId: w.newId(),
      adoptedOn: w.today,
      summary: '制定稳控预案，明确责任人',
      measures: ['专人联络当事人', '重要时间节点加强值守'],
    });
    w.count(plan?.type === 'PreventionPlanAdopted' && plan.data.late ? 'risk.planLate' : 'risk.planOnTime');
  }

  function* organHeadSteps(): Generator<string | null, void, void> {
    yield w.workingDaysAfter(w.today, prng.int(1, 5));
    const requester = prng.pick(state().participants);
    const requestId = w.newId();
    const sessionOn = w.workingDaysAfter(w.today, prng.int(5, 15));
    act(
      'RequestParticipation',
      { requestId, requestedOn: w.today, sessionOn, purpose: '请行政机关负责人出席协调会' },
      requester,
    );
    yield sessionOn;
    const attendance = prng.weighted({ ATTENDED: 70, ABSENT_JUSTIFIED: 15, ABSENT_UNJUSTIFIED: 15 });
    act(
      'RecordAttendance',
      {
        requestId,
        attendance,
        attendee:
          attendance === 'ATTENDED'
            ? {
                name: `${organ.name.slice(3, 5)}负责人${prng.int(1, 9)}`,
                role: prng.pick(['PRINCIPAL', 'DEPUTY'] as const),
              }
            : null,
        justification: attendance === 'ABSENT_JUSTIFIED' ? '参加上级紧急会议，已委托工作人员出席' : null,
      },
      requester,
    );
    w.count(`attendance.${attendance}`);
    if (attendance === 'ATTENDED') dir.noteAttendance(organ, caseId);
    // Art 12: the government office reports an unjustified absence to the county government.
    if (
      attendance === 'ABSENT_UNJUSTIFIED' &&
      state().participants.includes('GOV_OFFICE') &&
      prng.chance(0.85)
    ) {
      yield w.workingDaysAfter(w.today, prng.int(1, 5));
      act(
        'ReportAbsence',
        { requestId, reportedOn: w.today, note: '无正当理由未出庭（会）' },
        'GOV_OFFICE',
        'lead',
      );
    }
  }

  function* finish(outcome: CaseOutcome): Generator<string | null, void, void> {
    // v2 (Arts 2–3): a settlement carries the respondent organ's agreement, reached before the parties'.
    const organAgreement =
      outcome === 'SETTLED' && w.rules.settlementNeedsOrganAgreement
        ? { agreedOn: w.today, signatory: `${organ.name}负责人` }
        : null;
    // v2: a withdrawal is the applicant's own act (the court approves it in litigation), not a consent.
    const applicantWithdraws = outcome === 'WITHDRAWN' && w.rules.withdrawal === 'APPLICANT';
    if (outcome === 'SETTLED' || outcome === 'MEDIATED' || (outcome === 'WITHDRAWN' && !applicantWithdraws)) {
      for (const p of state().parties) {
        if (prng.chance(0.05)) {
          act('RecordConsent', {
            partyId: p.partyId,
            consent: 'WITHDRAWN',
            on: w.today,
            note: '当事人一度反悔',
          });
          yield w.workingDaysAfter(w.today, prng.int(1, 5));
          w.count('consent.withdrawnThenGiven');
        }
        act('RecordConsent', { partyId: p.partyId, consent: 'GIVEN', on: w.today, note: '' });
      }
    } else if (outcome === 'NOT_RESOLVED' && prng.chance(0.3)) {
      act('RecordConsent', {
        partyId: parties[0]!.partyId,
        consent: 'WITHDRAWN',
        on: w.today,
        note: '当事人不同意调解方案',
      });
    }
    act('RecordOutcome', {
      outcome,
      decidedOn: w.today,
      summary: OUTCOME_SUMMARY[outcome],
      ...(organAgreement ? { organAgreement } : {}),
      ...(applicantWithdraws ? withdrawal() : {}),
    });
    w.count(`outcome.${outcome}`);
    if (organAgreement) w.count('outcome.organAgreement');
    if (prng.chance(0.92)) {
      yield w.workingDaysAfter(w.today, prng.int(0, 10));
      act('CloseCase', { closedOn: w.today });
      w.count('case.closed');
      w.retire(streamId);
    }
    yield* registerNote(w, dir, people, caseId, organ, lead, tally);
    for (const person of people) {
      if (!person.repeatFiler || dir.flagged.has(person.partyId)) continue;
      if (dir.recentAgainst(person, organ.code, w.today).length >= 3 && prng.chance(0.5)) {
        dir.flagged.add(person.partyId);
        w.spawn(flagProcess(w, dir, person, caseId, tally), w.workingDaysAfter(w.today, prng.int(1, 15)));
      }
    }
  }

  function withdrawal() {
    const applicants = state().parties.map((p) => p.partyId);
    const withdrawingPartyIds = prng.chance(0.8) ? applicants.slice(0, 1) : applicants;
    if (channel !== 'LITIGATION') return { withdrawingPartyIds };
    w.count('outcome.withdrawalApprovedByCourt');
    // 行政诉讼法 第六十二条: the court rules on the withdrawal (准许撤诉) before the outcome is recorded.
    return {
      withdrawingPartyIds,
      courtApproval: { approvedOn: w.today, documentRef: docRef(w, 'COURT', '行初') },
    };
  }
}

/** The date a case's notice period runs from: the court's risk finding, the non-support decision, or acceptance. */
function periodStart(s: RegisteredCase): string {
  return s.riskFinding?.foundOn ?? s.nonSupportDecision?.decidedOn ?? s.acceptedOn;
}

function* replyProcess(
  w: World,
  streamId: string,
  caseId: string,
  invitationId: string,
  invitee: Agency,
  lead: Agency,
  tally: CaseTally,
): Process {
  const { prng } = w;
  const invitation = () =>
    (w.state<CaseState>(streamId) as RegisteredCase).invitations.find(
      (i) => i.invitationId === invitationId,
    )!;
  const dueBy = invitation().replyDeadline.dueBy;
  const behaviour = prng.weighted<Reply>({ on_time: 62, late: 13, decline: 8, never: 11, withdrawn: 6 });
  if (behaviour === 'never') {
    w.count('invitation.neverAnswered');
    return;
  }
  if (behaviour === 'withdrawn') {
    yield w.workingDaysAfter(w.today, prng.int(0, 2));
    if (w.state<CaseState>(streamId)?.status !== 'open' || invitation().status !== 'open') return;
    tally.events += w.act(
      streamId,
      caseDecider,
      'WithdrawInvitation',
      { caseId, invitationId, withdrawnOn: w.today, reasons: '当事人已撤回申请' },
      w.actor(lead),
    ).length;
    w.count('invitation.withdrawn');
    return;
  }
  const on =
    behaviour === 'late'
      ? w.workingDaysAfter(dueBy, prng.int(1, 10))
      : w.workingDaysAfter(w.today, prng.int(0, 2));
  yield on > dueBy && behaviour !== 'late' ? dueBy : on;
  const s = w.state<CaseState>(streamId);
  if (!s || s.status !== 'open' || invitation().status !== 'open') return;
  const accept = behaviour !== 'decline';
  tally.events += w.act(
    streamId,
    caseDecider,
    'ReplyToInvitation',
    {
      caseId,
      invitationId,
      answer: accept ? 'ACCEPT' : 'DECLINE',
      repliedOn: w.today,
      reasons: accept ? null : '本机关尚未受理相关案件，暂不参与',
      documentRef: docRef(w, invitee, '复'),
    },
    w.actor(invitee),
  ).length;
  w.count(`invitation.${accept ? 'accepted' : 'declined'}${w.today > dueBy ? 'Late' : 'OnTime'}`);
}

const OUTCOME_SUMMARY: Readonly<Record<CaseOutcome, string>> = {
  SETTLED: '双方达成和解，申请人撤回申请',
  MEDIATED: '经调解达成协议',
  WITHDRAWN: '申请人主动撤回申请',
  ADMINISTRATIVE_ACT_CORRECTED: '行政机关自行纠正原行政行为',
  DECIDED_WITHOUT_RESOLUTION: '依法作出决定',
  NOT_RESOLVED: '化解未成功，依法继续审理',
};

/**
 * The party as one filing records it. Clerks often give a party a case-local id, and type a
 * resident id's check letter in lower case, so the register must match filings by identity
 * document (scheme + normalised number), never by the case's party id.
 */
function asParty(w: World, person: Person, caseSeq: number, index: number): CaseParty {
  const localId = w.prng.chance(0.3);
  const lower = person.idNumber.endsWith('X') && w.prng.chance(0.5);
  return {
    partyId: localId ? `c${caseSeq}-p${index + 1}` : person.partyId,
    kind: person.kind,
    name: person.name,
    idScheme: person.idScheme,
    idNumber: lower ? person.idNumber.toLowerCase() : person.idNumber,
  };
}
