import type { LetterServed } from '@accord/events';
import { courtClerk, govClerk, metadata, procClerk } from '../agency/testing';
import { RULES_2021_V2 } from '../rules/rule-set';
import { testCalendar } from '../testing/calendar';
import { spec } from '../testing/decider-spec';
import { letterDecider } from './letter.decider';
import { issueLetter, letterIssued } from './testing';

const TODAY = '2026-11-30';
const inCase = { caseId: 'case-0001', caseFacts: { exists: true, issuerTakesPart: true } };

function v2<C extends { metadata: unknown }>(command: C, by = courtClerk): C {
  return { ...command, metadata: metadata(by, TODAY, RULES_2021_V2) };
}

describe('v2, Art 8: a letter comes out of a case its issuer takes part in', () => {
  it('is issued when it names such a case', () => {
    spec(letterDecider)
      .given([])
      .when(v2(issueLetter(courtClerk, TODAY, inCase)))
      .thenEvents(([event]) => expect(event!.data).toMatchObject({ caseId: 'case-0001' }));
  });

  it('is refused without a case, and with a case that does not exist or the issuer takes no part in (same 404)', () => {
    spec(letterDecider)
      .given([])
      .when(v2(issueLetter(courtClerk, TODAY, { caseId: null })))
      .thenThrows('LETTER_CASE_REQUIRED');
    for (const caseFacts of [
      { exists: false, issuerTakesPart: false },
      { exists: true, issuerTakesPart: false },
    ]) {
      spec(letterDecider)
        .given([])
        .when(v2(issueLetter(courtClerk, TODAY, { ...inCase, caseFacts })))
        .thenThrows('LETTER_CASE_NOT_FOUND', { caseId: 'case-0001' });
    }
  });
});

describe('v2, Art 8: the response period cites its legal source, or says it is our choice', () => {
  const serve = (by: typeof courtClerk, servedOn: string) => ({
    type: 'ServeLetter' as const,
    data: { letterId: 'letter-2024-017', servedOn },
    metadata: metadata(by, TODAY, RULES_2021_V2),
  });

  it('a reconsideration opinion: 60 days, Administrative Reconsideration Law Art 76', () => {
    spec(letterDecider)
      .given([letterIssued('2026-09-01', { kind: 'RECONSIDERATION_OPINION', issuer: 'GOV_OFFICE' })])
      .when(serve(govClerk, '2026-09-01'))
      .thenEvents(([event]) => {
        const d = (event as LetterServed).data;
        expect(d.responseSource?.citation).toBe('《中华人民共和国行政复议法》（2023）第七十六条');
        expect(d.responseDeadline).toMatchObject({ days: 60, counting: 'calendar' });
        // 60 days from 2026-09-01 end on 2026-10-31, a Saturday: the next working day is Mon 11-02.
        expect(d.responseDueBy).toBe('2026-11-02');
      });
  });

  it('a procuratorial suggestion: two months (the corresponding day), its rules cited', () => {
    spec(letterDecider)
      .given([letterIssued('2026-08-31', { kind: 'PROCURATORIAL_SUGGESTION', issuer: 'PROCURATORATE' })])
      .when(serve(procClerk, '2026-08-31'))
      .thenEvents(([event]) => {
        const d = (event as LetterServed).data;
        expect(d.responseSource?.citation).toContain('人民检察院检察建议工作规定');
        expect(d.responseDeadline).toMatchObject({ days: 2, counting: 'months' });
        // 2026-10-31 (no 10-31 ↔ 08-31 problem: October has 31 days) is a Saturday → Mon 11-02.
        expect(d.responseDueBy).toBe('2026-11-02');
      });
  });

  it('a judicial suggestion: no law sets the period, so the record says it is our choice', () => {
    spec(letterDecider)
      .given([letterIssued('2026-09-01')])
      .when(serve(courtClerk, '2026-09-01'))
      .thenEvents(([event]) => {
        expect((event as LetterServed).data.responseSource).toMatchObject({
          citation: null,
          en: expect.stringContaining('our choice'),
        });
      });
  });
});

describe('periods in months (民法典 第二百零一条)', () => {
  it('end on the corresponding day, or the month’s last day when it has none, then the next working day', () => {
    const rule = RULES_2021_V2.letterResponse.PROCURATORIAL_SUGGESTION;
    // 2026-12-31 + 2 months: February 2027 has no 31st → Sunday 2027-02-28 → Monday 03-01 (provisional year).
    const deadline = testCalendar().deadline('2026-12-31', rule);
    expect(deadline).toMatchObject({ dueBy: '2027-03-01', provisional: true });
    expect(deadline.explanation.text).toContain('2 months from 2026-12-31');
  });
});
