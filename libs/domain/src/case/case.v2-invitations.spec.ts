import { RULES_2021_V1, RULES_2021_V2 } from '../rules/rule-set';
import {
  given,
  issueInvitation,
  recordNonSupportDecision,
  recorded,
  recordRiskFinding,
  registerCase,
  replyToInvitation,
  stateOf,
} from './testing';
import type { InvitationIssued } from '@accord/events';

const v2 = { rules: RULES_2021_V2 };
const NOW = '2026-11-30T02:00:00Z';

/** The worked case of issue 9: a supervision case accepted 2026-07-01, not supported on 2026-09-25. */
function supervisionCase(by: { rules: typeof RULES_2021_V1 }) {
  const pro = { agency: 'PROCURATORATE' as const, now: NOW, ...by };
  return {
    pro,
    events: recorded(
      registerCase({ channel: 'PROCURATORIAL_SUPERVISION', acceptedOn: '2026-07-01' }, pro),
      recordNonSupportDecision({ decidedOn: '2026-09-25' }, pro),
    ),
  };
}

describe('v2 notice period (Arts 4–7): from the moment inviting becomes possible', () => {
  it('supervision: accepted 2026-07-01, not supported 2026-09-25, notice served 2026-09-28 is on time', () => {
    const { pro, events } = supervisionCase(v2);
    given(events)
      .when(
        issueInvitation(
          { to: 'GOV_OFFICE', noticeServedOn: '2026-09-28', documentRef: '鲁检行邀〔2026〕1号' },
          pro,
        ),
      )
      .thenEvents(([event]) => {
        const d = (event as InvitationIssued).data;
        expect(d.noticePeriodStart).toEqual({ fact: 'NON_SUPPORT_DECISION', on: '2026-09-25' });
        // 30 calendar days from 2026-09-25 end on 2026-10-25, a Sunday inside no holiday: next working day.
        expect(d.noticeDeadline.dueBy).toBe('2026-10-26');
        expect(d.noticeLate).toBe(false);
      });
  });

  it('v1 read the period from acceptance: the same notice was refused (due 2026-07-31)', () => {
    const { pro, events } = supervisionCase({ rules: RULES_2021_V1 });
    given(events)
      .when(issueInvitation({ to: 'GOV_OFFICE', noticeServedOn: '2026-09-28' }, pro))
      .thenThrows('INVITATION_NOTICE_LATE', { dueBy: '2026-07-31' });
  });

  it('reconsideration still runs from acceptance (Art 4, literal)', () => {
    const gov = { agency: 'GOV_OFFICE' as const, now: NOW, ...v2 };
    given(recorded(registerCase({ channel: 'RECONSIDERATION', acceptedOn: '2026-11-02' }, gov)))
      .when(
        issueInvitation(
          { to: 'PROCURATORATE', noticeServedOn: '2026-11-20', documentRef: 'x〔2026〕1号' },
          gov,
        ),
      )
      .thenEvents(([event]) => {
        const d = (event as InvitationIssued).data;
        expect(d.noticePeriodStart).toEqual({ fact: 'ACCEPTANCE', on: '2026-11-02' });
        expect(d.noticeDeadline.dueBy).toBe('2026-12-02');
      });
  });

  it('litigation runs from the court’s recorded risk finding, and the court invites only after it', () => {
    const court = { now: NOW, ...v2 };
    const registered = recorded(registerCase({ acceptedOn: '2026-03-02' }, court));
    given(registered)
      .when(issueInvitation({ noticeServedOn: '2026-09-28', documentRef: '（2026）豫0423行初12号' }, court))
      .thenThrows('INVITATION_NEEDS_RISK_FINDING', { foundOn: null });
    const found = registered;
    const withFinding = [
      ...found,
      ...given(found)
        .when(recordRiskFinding({ foundOn: '2026-09-21' }, court))
        .then([
          {
            type: 'LitigationRiskFound',
            data: {
              caseId: 'case-0001',
              foundOn: '2026-09-21',
              risks: ['PETITION'],
              reasons: '原告表示败诉后将上访',
            },
          },
        ]),
    ];
    given(withFinding)
      .when(issueInvitation({ noticeServedOn: '2026-09-20', documentRef: 'a' }, court))
      .thenThrows('INVITATION_NEEDS_RISK_FINDING', { foundOn: '2026-09-21' });
    given(withFinding)
      .when(issueInvitation({ noticeServedOn: '2026-09-28', documentRef: 'a' }, court))
      .thenEvents(([event]) => {
        expect((event as InvitationIssued).data.noticePeriodStart).toEqual({
          fact: 'RISK_FINDING',
          on: '2026-09-21',
        });
        expect((event as InvitationIssued).data.noticeLate).toBe(false);
      });
  });

  it('a risk finding is the court’s, in litigation, once, and not before acceptance', () => {
    const court = { now: NOW, ...v2 };
    const registered = recorded(registerCase({ acceptedOn: '2026-03-02' }, court));
    given(registered)
      .when(recordRiskFinding({ foundOn: '2026-03-01' }, court))
      .thenThrows('CASE_DATE_TOO_EARLY');
    given(registered)
      .when(recordRiskFinding({ foundOn: '2026-09-21', risks: ['RIOT' as never] }, court))
      .thenThrows('CASE_INVALID_INPUT', { field: 'risks[0]' });
    const found = recorded(
      registerCase({ acceptedOn: '2026-03-02' }, court),
      recordRiskFinding({ foundOn: '2026-09-21' }, court),
    );
    given(found)
      .when(recordRiskFinding({ foundOn: '2026-09-22' }, court))
      .thenThrows('RISK_FINDING_ALREADY_RECORDED');
    const gov = { agency: 'GOV_OFFICE' as const, now: NOW, ...v2 };
    given(recorded(registerCase({ channel: 'RECONSIDERATION' }, gov)))
      .when(recordRiskFinding({}, gov))
      .thenThrows('RISK_FINDING_WRONG_CHANNEL');
    // The government office, taking part in a court case, does not record the court's finding.
    const v1 = { now: NOW, rules: RULES_2021_V1 };
    const joined = recorded(
      registerCase({ acceptedOn: '2026-03-02' }, v1),
      issueInvitation({ noticeServedOn: '2026-03-10' }, v1),
      replyToInvitation({ repliedOn: '2026-03-11' }, { ...v1, agency: 'GOV_OFFICE' }),
    );
    given(joined)
      .when(recordRiskFinding({ foundOn: '2026-09-21' }, gov))
      .thenThrows('RISK_FINDING_NOT_COURT', { agency: 'GOV_OFFICE' });
  });
});

describe('v2 late notice (Art 4): recorded with the date it missed, not refused', () => {
  it('a notice served after its period is recorded late: true with the due date missed', () => {
    const gov = { agency: 'GOV_OFFICE' as const, now: NOW, ...v2 };
    given(recorded(registerCase({ channel: 'RECONSIDERATION', acceptedOn: '2026-07-01' }, gov)))
      .when(issueInvitation({ to: 'PROCURATORATE', noticeServedOn: '2026-09-28', documentRef: 'r' }, gov))
      .thenEvents(([event], after) => {
        const d = (event as InvitationIssued).data;
        expect(d.noticeLate).toBe(true);
        expect(d.noticeDeadline.dueBy).toBe('2026-07-31');
        expect(after.status !== 'none' && after.invitations[0]).toMatchObject({
          noticeLate: true,
          noticeDeadline: { dueBy: '2026-07-31' },
        });
      });
  });
});

describe('v2 written notice and reply (Art 4 书面通知 / 书面回复)', () => {
  const pro = { agency: 'PROCURATORATE' as const, now: NOW, ...v2 };
  const gov = { agency: 'GOV_OFFICE' as const, now: NOW, ...v2 };
  const registered = recorded(registerCase({ channel: 'RECONSIDERATION', acceptedOn: '2026-11-02' }, gov));

  it('the notice names the addressee department (行政检察部门 by default for the procuratorate) and its document', () => {
    given(registered)
      .when(
        issueInvitation(
          { to: 'PROCURATORATE', noticeServedOn: '2026-11-20', documentRef: '鲁复邀〔2026〕3号' },
          gov,
        ),
      )
      .thenEvents(([event]) => {
        expect((event as InvitationIssued).data).toMatchObject({
          addressee: { agency: 'PROCURATORATE', department: '行政检察部门' },
          documentRef: '鲁复邀〔2026〕3号',
        });
      });
    given(registered)
      .when(
        issueInvitation(
          {
            to: 'PROCURATORATE',
            noticeServedOn: '2026-11-20',
            documentRef: 'd',
            addresseeDepartment: '第七检察部',
          },
          gov,
        ),
      )
      .thenEvents(([event]) => {
        expect((event as InvitationIssued).data.addressee?.department).toBe('第七检察部');
      });
  });

  it('a notice without a document reference is refused under v2, accepted without one under v1', () => {
    given(registered)
      .when(issueInvitation({ to: 'PROCURATORATE', noticeServedOn: '2026-11-20' }, gov))
      .thenThrows('CASE_INVALID_INPUT', { field: 'documentRef' });
    const v1gov = { agency: 'GOV_OFFICE' as const, now: NOW, rules: RULES_2021_V1 };
    given(registered)
      .when(issueInvitation({ to: 'PROCURATORATE', noticeServedOn: '2026-11-20' }, v1gov))
      .thenEvents(([event]) => {
        expect((event as InvitationIssued).data).not.toHaveProperty('documentRef');
        expect((event as InvitationIssued).data).not.toHaveProperty('noticeLate');
      });
  });

  it('the reply records its document reference, and needs one under v2', () => {
    const invited = recorded(
      registerCase({ channel: 'RECONSIDERATION', acceptedOn: '2026-11-02' }, gov),
      issueInvitation({ to: 'PROCURATORATE', noticeServedOn: '2026-11-20', documentRef: 'n' }, gov),
    );
    given(invited)
      .when(replyToInvitation({ repliedOn: '2026-11-24' }, pro))
      .thenThrows('CASE_INVALID_INPUT', { field: 'documentRef' });
    given(invited)
      .when(replyToInvitation({ repliedOn: '2026-11-24', documentRef: '鲁检行复〔2026〕5号' }, pro))
      .thenEvents(([event], after) => {
        expect(event!.data).toMatchObject({ documentRef: '鲁检行复〔2026〕5号', late: false });
        expect(after.status !== 'none' && after.invitations[0]?.replyDocumentRef).toBe('鲁检行复〔2026〕5号');
      });
  });

  it('an invitation recorded under v1 folds as v1 had it', () => {
    const v1gov = { agency: 'GOV_OFFICE' as const, now: NOW, rules: RULES_2021_V1 };
    const s = stateOf(
      recorded(
        registerCase({ channel: 'RECONSIDERATION', acceptedOn: '2026-11-02' }, v1gov),
        issueInvitation({ to: 'PROCURATORATE', noticeServedOn: '2026-11-20' }, v1gov),
      ),
    );
    expect(s.status !== 'none' && s.invitations[0]).toMatchObject({
      noticeLate: false,
      noticePeriodStart: null,
      addressee: null,
      documentRef: null,
      replyDocumentRef: null,
    });
  });
});
