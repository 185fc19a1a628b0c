import type { Agency, CaseChannel, CaseEvent } from '@accord/events';
import { RuleError } from '../shared/rule-error';
import { caseDecider } from './case.decider';
import type { RegisteredCase } from './case.state';
import {
  CASE_ID,
  closeCase,
  given,
  issueInvitation,
  linkCase,
  recordNonSupportDecision,
  recordOutcome,
  recorded,
  registerCase,
  replyToInvitation,
  stateOf,
  withdrawInvitation,
} from './testing';

const reconsideration = (acceptedOn: string) =>
  recorded(registerCase({ channel: 'RECONSIDERATION', acceptedOn }, { agency: 'GOV_OFFICE' }));

const supervisionDecided = () =>
  recorded(
    registerCase({ channel: 'PROCURATORIAL_SUPERVISION' }, { agency: 'PROCURATORATE' }),
    recordNonSupportDecision({ decidedOn: '2024-09-10' }, { agency: 'PROCURATORATE' }),
  );

describe('IssueInvitation: who may invite whom (Arts 4–7)', () => {
  it.each([
    ['RECONSIDERATION', 'GOV_OFFICE', 'PROCURATORATE', 'Art 4'],
    ['LITIGATION', 'COURT', 'GOV_OFFICE', 'Art 5'],
    ['LITIGATION', 'COURT', 'PROCURATORATE', 'Art 5'],
    ['PROCURATORIAL_SUPERVISION', 'PROCURATORATE', 'GOV_OFFICE', 'Art 6'],
    ['PROCURATORIAL_SUPERVISION', 'PROCURATORATE', 'COURT', 'Art 6'],
  ] as const)('%s: %s may invite %s (%s)', (channel, from, to, article) => {
    const history: CaseEvent[] =
      channel === 'PROCURATORIAL_SUPERVISION'
        ? supervisionDecided()
        : recorded(registerCase({ channel }, { agency: from }));
    given(history)
      .when(issueInvitation({ to, noticeServedOn: '2024-09-11' }, { agency: from }))
      .thenEvents(([event], after) => {
        expect(event).toMatchObject({ type: 'InvitationIssued', data: { from, to, article } });
        expect(after).toMatchObject({ invitations: [{ to, status: 'open' }] });
      });
  });

  it.each([
    ['RECONSIDERATION', 'GOV_OFFICE', 'COURT'],
    ['PROCURATORIAL_SUPERVISION', 'PROCURATORATE', 'PROCURATORATE'],
  ] as const)('%s: %s may not invite %s', (channel: CaseChannel, from: Agency, to: Agency) => {
    const history =
      channel === 'PROCURATORIAL_SUPERVISION'
        ? supervisionDecided()
        : recorded(registerCase({ channel }, { agency: from }));
    given(history)
      .when(issueInvitation({ to }, { agency: from }))
      .thenThrows(from === to ? 'INVITATION_SELF' : 'INVITATION_NOT_PERMITTED');
  });

  it('only the lead agency invites: an agency that joined the case does not', () => {
    const joined = recorded(
      registerCase(),
      issueInvitation({ to: 'PROCURATORATE' }),
      replyToInvitation({}, { agency: 'PROCURATORATE' }),
    );
    given(joined)
      .when(issueInvitation({ invitationId: 'inv-2', to: 'GOV_OFFICE' }, { agency: 'PROCURATORATE' }))
      .thenThrows('INVITATION_NOT_PERMITTED', { from: 'PROCURATORATE', to: 'GOV_OFFICE' });
  });

  it('an organ is not invited: it is asked to take part under Art 12 instead', () => {
    given(recorded(registerCase()))
      .when(issueInvitation({ to: 'ORGAN:ORG-411423-ZRZY' as Agency }))
      .thenThrows('CASE_INVALID_INPUT', { field: 'to' });
  });

  it('an agency already taking part is not invited again', () => {
    const joined = recorded(
      registerCase(),
      issueInvitation(),
      replyToInvitation({}, { agency: 'GOV_OFFICE' }),
    );
    const error = given(joined)
      .when(issueInvitation({ invitationId: 'inv-2' }))
      .thenThrows('INVITATION_INVITEE_ALREADY_PARTICIPANT');
    expect(error.kind).toBe('conflict');
  });

  it('an agency with an open invitation is not invited again', () => {
    given(recorded(registerCase(), issueInvitation()))
      .when(issueInvitation({ invitationId: 'inv-2' }))
      .thenThrows('INVITATION_ALREADY_OPEN', { invitationId: 'inv-1' });
  });

  it('after a decline the agency may be invited again', () => {
    const declined = recorded(
      registerCase(),
      issueInvitation(),
      replyToInvitation({ answer: 'DECLINE', reasons: '非本机关职责' }, { agency: 'GOV_OFFICE' }),
    );
    given(declined)
      .when(issueInvitation({ invitationId: 'inv-2', noticeServedOn: '2024-09-20' }))
      .thenEvents(([event]) => expect(event).toMatchObject({ data: { invitationId: 'inv-2' } }));
  });

  it('an invitation id is used once', () => {
    const declined = recorded(
      registerCase(),
      issueInvitation(),
      replyToInvitation({ answer: 'DECLINE', reasons: '非本机关职责' }, { agency: 'GOV_OFFICE' }),
    );
    given(declined)
      .when(issueInvitation())
      .thenThrows('CASE_DUPLICATE_ID', { kind: 'invitation', id: 'inv-1' });
  });

  it('the procuratorate invites only after deciding not to support the application (Art 6)', () => {
    const undecided = recorded(
      registerCase({ channel: 'PROCURATORIAL_SUPERVISION' }, { agency: 'PROCURATORATE' }),
    );
    given(undecided)
      .when(issueInvitation({}, { agency: 'PROCURATORATE' }))
      .thenThrows('INVITATION_NEEDS_NON_SUPPORT_DECISION', { decidedOn: null });
    given(supervisionDecided())
      .when(issueInvitation({ noticeServedOn: '2024-09-09' }, { agency: 'PROCURATORATE' }))
      .thenThrows('INVITATION_NEEDS_NON_SUPPORT_DECISION', { decidedOn: '2024-09-10' });
  });

  it('a notice is not served before the case was accepted, nor after today', () => {
    given(recorded(registerCase()))
      .when(issueInvitation({ noticeServedOn: '2024-09-01' }))
      .thenThrows('CASE_DATE_TOO_EARLY', { field: 'noticeServedOn', notBefore: '2024-09-02' });
    given(recorded(registerCase()))
      .when(issueInvitation({ noticeServedOn: '2024-09-09' }, { now: '2024-09-08T03:00:00Z' }))
      .thenThrows('CASE_DATE_IN_FUTURE', { today: '2024-09-08' });
  });
});

describe('IssueInvitation: the 30-day notice period (Art 4, Art 7), worked on the real calendar', () => {
  // Accepted Wed 2025-09-03: day 30 is Fri 2025-10-03, inside the National Day / Mid-autumn holiday
  // (1–8 October 2025), so the period runs to the next working day, Thu 2025-10-09.
  const accepted = reconsideration('2025-09-03');
  const invite = (noticeServedOn: string) =>
    issueInvitation(
      { to: 'PROCURATORATE', noticeServedOn },
      { agency: 'GOV_OFFICE', now: '2025-10-20T02:00:00Z' },
    );

  it('a notice served on the first working day after National Day is in time', () => {
    given(accepted)
      .when(invite('2025-10-09'))
      .thenEvents(([event]) => {
        expect(event!.type).toBe('InvitationIssued');
        const { noticeDeadline } = (event as Extract<CaseEvent, { type: 'InvitationIssued' }>).data;
        expect(noticeDeadline.dueBy).toBe('2025-10-09');
        expect(noticeDeadline.explanation).toMatchObject({
          rule: 'invitation.notice',
          article: 'Art 4, Art 7',
          counting: 'calendar',
          days: 30,
          start: '2025-09-03',
          dueBy: '2025-10-09',
        });
        expect(noticeDeadline.explanation.skipped.map((d) => d.date)).toEqual([
          '2025-10-03',
          '2025-10-04',
          '2025-10-05',
          '2025-10-06',
          '2025-10-07',
          '2025-10-08',
        ]);
        expect(noticeDeadline.explanation.text).toContain('2025-10-09');
      });
  });

  it('a notice served a day later is refused as late, with the due date and why', () => {
    const error = given(accepted).when(invite('2025-10-10')).thenThrows('INVITATION_NOTICE_LATE', {
      acceptedOn: '2025-09-03',
      noticeServedOn: '2025-10-10',
      dueBy: '2025-10-09',
    });
    expect(error.article).toBe('Art 4, Art 7');
    expect(String(error.details['explanation'])).toContain('rest day');
  });

  it('2024: accepted Sun 1 September, day 30 is National Day, the notice is due Tue 8 October', () => {
    const sept = reconsideration('2024-09-01');
    const at = { agency: 'GOV_OFFICE', now: '2024-10-20T02:00:00Z' } as const;
    given(sept)
      .when(issueInvitation({ to: 'PROCURATORATE', noticeServedOn: '2024-10-08' }, at))
      .thenEvents(([event]) =>
        expect(event).toMatchObject({ data: { noticeDeadline: { dueBy: '2024-10-08' } } }),
      );
    given(sept)
      .when(issueInvitation({ to: 'PROCURATORATE', noticeServedOn: '2024-10-09' }, at))
      .thenThrows('INVITATION_NOTICE_LATE', { dueBy: '2024-10-08' });
  });

  it('2026: accepted 20 January, day 30 falls in Spring Festival, the notice is due Tue 24 February', () => {
    const jan = reconsideration('2026-01-20');
    const at = { agency: 'GOV_OFFICE', now: '2026-03-02T02:00:00Z' } as const;
    given(jan)
      .when(issueInvitation({ to: 'PROCURATORATE', noticeServedOn: '2026-02-24' }, at))
      .thenEvents(([event]) =>
        expect(event).toMatchObject({ data: { noticeDeadline: { dueBy: '2026-02-24' } } }),
      );
    given(jan)
      .when(issueInvitation({ to: 'PROCURATORATE', noticeServedOn: '2026-02-25' }, at))
      .thenThrows('INVITATION_NOTICE_LATE', { dueBy: '2026-02-24' });
  });

  it('a period ending on a working day does not move; one ending on a Sunday moves to Monday', () => {
    // Mon 2024-08-05 + 30 days = Wed 2024-09-04, a working day.
    const aug5 = recorded(registerCase({ acceptedOn: '2024-08-05' }));
    given(aug5)
      .when(issueInvitation({ noticeServedOn: '2024-09-04' }))
      .thenEvents(([event]) =>
        expect(event).toMatchObject({
          data: { noticeDeadline: { dueBy: '2024-09-04', explanation: { skipped: [] } } },
        }),
      );
    given(aug5)
      .when(issueInvitation({ noticeServedOn: '2024-09-05' }))
      .thenThrows('INVITATION_NOTICE_LATE');
    // Fri 2024-08-02 + 30 days = Sun 2024-09-01: the notice may still be served on Mon 2 September.
    given(recorded(registerCase({ acceptedOn: '2024-08-02' })))
      .when(issueInvitation({ noticeServedOn: '2024-09-02' }))
      .thenEvents(([event]) =>
        expect(event).toMatchObject({ data: { noticeDeadline: { dueBy: '2024-09-02' } } }),
      );
  });
});

describe('IssueInvitation: the reply deadline, 3 working days from receipt (Art 4, Art 7)', () => {
  it('a notice served Fri 24 January 2025, before Spring Festival, is answered by Wed 5 February', () => {
    // Sat 25 Jan is a weekend; Sun 26 Jan is a make-up working day (调休) and counts; Mon 27 Jan counts;
    // 28 Jan – 4 Feb is the Spring Festival holiday; Wed 5 Feb is the third working day.
    given(reconsideration('2025-01-06'))
      .when(issueInvitation({ to: 'PROCURATORATE', noticeServedOn: '2025-01-24' }, { agency: 'GOV_OFFICE' }))
      .thenEvents(([event]) => {
        const { replyDeadline } = (event as Extract<CaseEvent, { type: 'InvitationIssued' }>).data;
        expect(replyDeadline.dueBy).toBe('2025-02-05');
        expect(replyDeadline.explanation).toMatchObject({
          rule: 'invitation.reply',
          counting: 'working',
          days: 3,
          start: '2025-01-24',
        });
        expect(replyDeadline.explanation.skipped.map((d) => d.date)).toEqual([
          '2025-01-25',
          '2025-01-28',
          '2025-01-29',
          '2025-01-30',
          '2025-01-31',
          '2025-02-01',
          '2025-02-02',
          '2025-02-03',
          '2025-02-04',
        ]);
        expect(replyDeadline.explanation.skipped[1]).toMatchObject({
          reason: 'holiday',
          name: '春节 Spring Festival',
        });
      });
  });

  it('a notice served Thu 12 February 2026 is answered by Tue 24 February (the 14th is a make-up working day)', () => {
    given(reconsideration('2026-01-20'))
      .when(
        issueInvitation(
          { to: 'PROCURATORATE', noticeServedOn: '2026-02-12' },
          { agency: 'GOV_OFFICE', now: '2026-02-12T09:00:00+08:00' },
        ),
      )
      .thenEvents(([event]) =>
        expect(event).toMatchObject({ data: { replyDeadline: { dueBy: '2026-02-24' } } }),
      );
  });
});

describe('ReplyToInvitation (Art 4, Art 7)', () => {
  const invited = recorded(registerCase(), issueInvitation());
  const byGov = { agency: 'GOV_OFFICE' } as const;

  it('the invited agency accepts and takes part from then on', () => {
    given(invited)
      .when(replyToInvitation({}, byGov))
      .then([
        {
          type: 'InvitationAccepted',
          data: {
            caseId: CASE_ID,
            invitationId: 'inv-1',
            invitee: 'GOV_OFFICE',
            repliedOn: '2024-09-10',
            replyDueBy: '2024-09-12',
            late: false,
          },
        },
      ]);
    const after = stateOf([
      ...invited,
      ...caseDecider.decide(replyToInvitation({}, byGov), stateOf(invited)),
    ]);
    expect(after).toMatchObject({
      participants: ['COURT', 'GOV_OFFICE'],
      invitations: [{ status: 'accepted' }],
    });
  });

  it('a decline gives reasons and leaves the agency outside the case', () => {
    given(invited)
      .when(replyToInvitation({ answer: 'DECLINE', reasons: '不属于本机关职责范围' }, byGov))
      .thenEvents(([event], after) => {
        expect(event).toMatchObject({
          type: 'InvitationDeclined',
          data: { reasons: '不属于本机关职责范围' },
        });
        expect((after as RegisteredCase).participants).toEqual(['COURT']);
      });
    given(invited)
      .when(replyToInvitation({ answer: 'DECLINE', reasons: null }, byGov))
      .thenThrows('INVITATION_DECLINE_REASONS_MISSING');
  });

  it('a reply after the due date is recorded as late, not refused', () => {
    // Served Mon 2024-09-09: the third working day is Thu 2024-09-12.
    given(invited)
      .when(replyToInvitation({ repliedOn: '2024-09-12' }, byGov))
      .thenEvents(([event]) =>
        expect(event).toMatchObject({ data: { replyDueBy: '2024-09-12', late: false } }),
      );
    given(invited)
      .when(replyToInvitation({ repliedOn: '2024-09-13' }, byGov))
      .thenEvents(([event]) => expect(event).toMatchObject({ data: { late: true } }));
  });

  it('the reply to a notice served before Spring Festival 2025 is late only after Wed 5 February', () => {
    const served = recorded(
      registerCase({ channel: 'RECONSIDERATION', acceptedOn: '2025-01-06' }, { agency: 'GOV_OFFICE' }),
      issueInvitation({ to: 'PROCURATORATE', noticeServedOn: '2025-01-24' }, { agency: 'GOV_OFFICE' }),
    );
    given(served)
      .when(replyToInvitation({ repliedOn: '2025-02-05' }, { agency: 'PROCURATORATE' }))
      .thenEvents(([event]) =>
        expect(event).toMatchObject({ data: { replyDueBy: '2025-02-05', late: false } }),
      );
    given(served)
      .when(replyToInvitation({ repliedOn: '2025-02-06' }, { agency: 'PROCURATORATE' }))
      .thenEvents(([event]) => expect(event).toMatchObject({ data: { late: true } }));
  });

  it('a reply is not dated before the notice was served, nor after today', () => {
    given(invited)
      .when(replyToInvitation({ repliedOn: '2024-09-08' }, byGov))
      .thenThrows('CASE_DATE_TOO_EARLY', { notBefore: '2024-09-09' });
    given(invited)
      .when(replyToInvitation({ repliedOn: '2024-09-10' }, { ...byGov, now: '2024-09-09T08:00:00Z' }))
      .thenThrows('CASE_DATE_IN_FUTURE');
  });

  it('only the invited agency replies', () => {
    given(invited)
      .when(replyToInvitation({}, { agency: 'COURT' }))
      .thenThrows('INVITATION_REPLY_NOT_INVITEE');
    given(invited)
      .when(replyToInvitation({}, { agency: 'PROCURATORATE' }))
      .thenThrows('CASE_NOT_FOUND');
    given(invited)
      .when(replyToInvitation({}, { agency: 'ORGAN:X' }))
      .thenThrows('CASE_ACTOR_NOT_ALLOWED');
  });

  it('an unknown invitation is not found', () => {
    given(invited)
      .when(replyToInvitation({ invitationId: 'inv-9' }, { agency: 'COURT' }))
      .thenThrows('INVITATION_NOT_FOUND');
  });

  it('a second reply is a conflict, whatever it says', () => {
    const accepted = recorded(registerCase(), issueInvitation(), replyToInvitation({}, byGov));
    const error = given(accepted)
      .when(replyToInvitation({ answer: 'DECLINE', reasons: '改变主意' }, byGov))
      .thenThrows('INVITATION_ALREADY_ANSWERED', { answer: 'accepted' });
    expect(error.kind).toBe('conflict');
    const declined = recorded(
      registerCase(),
      issueInvitation(),
      replyToInvitation({ answer: 'DECLINE', reasons: '人手不足' }, byGov),
    );
    given(declined)
      .when(replyToInvitation({}, byGov))
      .thenThrows('INVITATION_ALREADY_ANSWERED', { answer: 'declined' });
  });

  it('of 50 replies racing on the same invitation exactly one is accepted; the rest are conflicts', () => {
    // What the API's optimistic-concurrency retry does: each loser re-decides on the state that now
    // holds the winner's reply.
    let events = [...invited];
    const outcomes: string[] = [];
    for (let i = 0; i < 50; i++) {
      const reply =
        i % 2 === 0
          ? replyToInvitation({}, { ...byGov, staffId: `staff-${i}` })
          : replyToInvitation(
              { answer: 'DECLINE', reasons: `理由 ${i}` },
              { ...byGov, staffId: `staff-${i}` },
            );
      try {
        const produced = caseDecider.decide(reply, stateOf(events));
        events = [...events, ...produced];
        outcomes.push(produced[0]!.type);
      } catch (error) {
        expect(error).toBeInstanceOf(RuleError);
        expect((error as RuleError).kind).toBe('conflict');
        outcomes.push((error as RuleError).code);
      }
    }
    expect(outcomes.filter((o) => o === 'InvitationAccepted')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'INVITATION_ALREADY_ANSWERED')).toHaveLength(49);
    expect((stateOf(events) as RegisteredCase).participants).toEqual(['COURT', 'GOV_OFFICE']);
  });

  it('an invitation still open at closing lapses, and can no longer be answered', () => {
    const closed = recorded(
      registerCase(),
      issueInvitation(),
      recordOutcome({ outcome: 'DECIDED_WITHOUT_RESOLUTION' }),
      closeCase(),
    );
    expect(stateOf(closed)).toMatchObject({ status: 'closed', invitations: [{ status: 'lapsed' }] });
    given(closed).when(replyToInvitation({}, byGov)).thenThrows('CASE_CLOSED');
  });
});

describe('WithdrawInvitation', () => {
  const invited = recorded(registerCase(), issueInvitation());

  it('the inviting agency withdraws an open invitation; the invitee loses sight of the case', () => {
    given(invited)
      .when(withdrawInvitation())
      .thenEvents(([event], after) => {
        expect(event).toMatchObject({ type: 'InvitationWithdrawn', data: { invitationId: 'inv-1' } });
        expect(after).toMatchObject({ invitations: [{ status: 'withdrawn', withdrawnOn: '2024-09-10' }] });
      });
    const withdrawn = recorded(registerCase(), issueInvitation(), withdrawInvitation());
    given(withdrawn)
      .when(linkCase({}, { agency: 'GOV_OFFICE' }))
      .thenThrows('CASE_NOT_FOUND');
    given(withdrawn)
      .when(replyToInvitation({}, { agency: 'GOV_OFFICE' }))
      .thenThrows('INVITATION_NOT_OPEN');
  });

  it('only the inviting agency withdraws', () => {
    const joinedProcuratorate = recorded(
      registerCase(),
      issueInvitation({ invitationId: 'inv-p', to: 'PROCURATORATE' }),
      replyToInvitation({ invitationId: 'inv-p' }, { agency: 'PROCURATORATE' }),
      issueInvitation(),
    );
    given(joinedProcuratorate)
      .when(withdrawInvitation({}, { agency: 'PROCURATORATE' }))
      .thenThrows('INVITATION_WITHDRAW_NOT_INVITER');
  });

  it('an answered invitation cannot be withdrawn; a withdrawn one not twice', () => {
    const accepted = recorded(
      registerCase(),
      issueInvitation(),
      replyToInvitation({}, { agency: 'GOV_OFFICE' }),
    );
    given(accepted).when(withdrawInvitation()).thenThrows('INVITATION_ALREADY_ANSWERED');
    given(recorded(registerCase(), issueInvitation(), withdrawInvitation()))
      .when(withdrawInvitation())
      .thenThrows('INVITATION_NOT_OPEN');
    given(invited)
      .when(withdrawInvitation({ invitationId: 'nope' }))
      .thenThrows('INVITATION_NOT_FOUND');
  });
});
