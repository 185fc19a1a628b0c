import { LETTER_GROUNDS, type Agency, type CaseRespondent, type LetterResponseOutcome } from '@accord/events';
import { letterDecider, type LetterState } from '@accord/domain';
import type { CaseTally } from './cases';
import type { Process, World } from './world';

/**
 * A suggestion letter (Art 8) to the organ whose act was disputed: served, then answered on time,
 * late, or never (overdue, with follow-ups), and closed once answered.
 */
export function* letterProcess(
  w: World,
  issuer: Agency,
  organ: CaseRespondent,
  origin: { caseId: string; caseFacts: { exists: boolean; issuerTakesPart: boolean } },
  tally: CaseTally,
): Process {
  const { prng } = w;
  const letterId = w.newId();
  const streamId = `letter-${letterId}`;
  const act = (type: string, data: Record<string, unknown>, actor = w.actor(issuer)) => {
    tally.events += w.act(streamId, letterDecider, type, { letterId, ...data }, actor).length;
  };
  act('IssueLetter', {
    organ,
    grounds: prng.sample(LETTER_GROUNDS, prng.int(1, 2)),
    facts: '该机关在作出行政行为时程序存在瑕疵，建议予以纠正并完善相关制度',
    ...origin,
    issuedOn: w.today,
  });
  w.count('letter.issued');
  yield w.workingDaysAfter(w.today, prng.int(1, 5));
  act('ServeLetter', { servedOn: w.today });
  const dueBy = (w.state<LetterState>(streamId) as { responseDueBy: string }).responseDueBy;
  const behaviour = prng.weighted({ on_time: 70, late: 15, never: 15 });
  if (behaviour === 'never') {
    w.count('letter.neverAnswered');
    yield w.daysAfter(dueBy, prng.int(3, 20));
    act('RecordFollowUp', { followedUpOn: w.today, means: '电话督促', note: '逾期未书面回复，已督促' });
    return;
  }
  yield behaviour === 'late' ? w.daysAfter(dueBy, prng.int(1, 30)) : w.daysAfter(w.today, prng.int(10, 50));
  const outcome = prng.weighted<LetterResponseOutcome>({ ADOPTED: 65, PARTLY_ADOPTED: 20, REJECTED: 15 });
  act(
    'RecordLetterResponse',
    {
      respondedOn: w.today,
      outcome,
      summary: '已研究并书面回复',
      reasons: outcome === 'REJECTED' ? '原行政行为符合法律规定' : null,
      notAdopted: outcome === 'PARTLY_ADOPTED' ? '关于追责的建议暂不采纳' : null,
    },
    w.organActor(organ.code),
  );
  w.count(`letter.${outcome}${w.today > dueBy ? 'Late' : 'OnTime'}`);
  if (prng.chance(0.75)) {
    yield w.workingDaysAfter(w.today, prng.int(2, 15));
    act('CloseLetter', { closedOn: w.today, note: '建议已落实，结案归档' });
    w.count('letter.closed');
  }
  w.retire(streamId);
}
