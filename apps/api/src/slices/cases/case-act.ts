import type { Instant } from '@accord/events';
import { caseDecider, type CaseCommand } from '@accord/domain';
import type { RequestContext } from '../../http/request-context';
import { type Decide, decide } from '../decide';
import { caseStreamId } from './case-stream';

/** One case act as its controller states it: the domain command's type and data, and the id answered. */
export interface CaseAct<C extends CaseCommand> {
  readonly caseId: string;
  /** Returned to the client as `id`: the case, or the thing the act creates or names. */
  readonly id: string;
  readonly type: C['type'];
  readonly data: C['data'];
  readonly occurredAt?: Instant;
}

/** The Nest command for a case act decided by the case decider on the case's stream. */
export function decideCase<C extends CaseCommand>(ctx: RequestContext, act: CaseAct<C>): Decide {
  return decide({
    id: act.id,
    streamId: caseStreamId(act.caseId),
    decider: caseDecider,
    ctx,
    ...(act.occurredAt === undefined ? {} : { occurredAt: act.occurredAt }),
    command: (metadata) => ({ type: act.type, data: act.data, metadata }) as C,
  });
}
