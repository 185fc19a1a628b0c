import type { ActorAgency } from '@accord/events';
import { caseView, type RegisteredCase } from '@accord/domain';
import type { CaseViewDto } from './case-view.dto';

/** Everything a current read answers besides the case itself. */
export type CaseHead = Omit<CaseViewDto, 'case'>;

interface Answer {
  readonly head: CaseHead;
  readonly agency: ActorAgency;
  readonly body: Buffer;
}

/** At most this many answers per state (views times access levels times reducing agencies). */
const ANSWERS_PER_STATE = 8;

/**
 * The whole answer body per state object, head and view, as UTF-8 bytes. A state object is one
 * revision of one stream and is never mutated (`evolve` returns new states), so its JSON never goes
 * stale; keyed weakly, an entry goes when the reader's cache lets go of its state. Bytes rather than
 * a string: a read then allocates nothing the size of the case (no concatenation, no UTF-8 encoding
 * or byte count of a 20 KB string per request), which showed as GC and socket-write time.
 */
const answers = new WeakMap<RegisteredCase, Answer[]>();

function sameHead(a: CaseHead, b: CaseHead): boolean {
  return (
    a.id === b.id &&
    a.streamId === b.streamId &&
    a.revision === b.revision &&
    a.position === b.position &&
    a.asOf === b.asOf &&
    a.access === b.access &&
    a.view === b.view
  );
}

export function caseAnswer(state: RegisteredCase, head: CaseHead, agency: ActorAgency): Buffer {
  let cached = answers.get(state);
  if (cached === undefined) {
    cached = [];
    answers.set(state, cached);
  }
  for (const answer of cached) {
    // The reduced view depends on who asks (an invitee sees its own invitations only).
    if (sameHead(answer.head, head) && (head.view !== 'reduced' || answer.agency === agency))
      return answer.body;
  }
  const json = JSON.stringify(caseView(state, head.view, agency));
  const body = Buffer.from(`${JSON.stringify(head).slice(0, -1)},"case":${json}}`);
  if (cached.length >= ANSWERS_PER_STATE) cached.shift();
  cached.push({ head, agency, body });
  return body;
}
