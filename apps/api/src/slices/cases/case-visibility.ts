import { Injectable } from '@nestjs/common';
import {
  type CaseReadAccess,
  type CaseReading,
  caseDecider,
  caseError,
  caseReadAccess,
  caseReadingFor,
  type CaseState,
} from '@accord/domain';
import { AccessLog, streamRead } from '../../access/access-log';
import type { RequestContext } from '../../http/request-context';
import { type LoadedEvents, type LoadedStream, StreamReader } from '../../pipeline/stream-reader';
import { caseStreamId } from './case-stream';

export interface VisibleCase extends LoadedStream<CaseState> {
  /** The stored events, for the history view only. */
  readonly events?: LoadedEvents<CaseState>['events'];
  readonly caseId: string;
  readonly streamId: string;
  readonly access: CaseReadAccess;
  /** The view actually shown: an invitee asking for the full case gets the reduced one. */
  readonly view: CaseReading;
}

/**
 * Art 17 at the read edge: loads a case and asks the domain what the caller may see. A case the caller may
 * not see answers exactly like one that does not exist. Every outcome is recorded in the access log
 * before the read answers.
 */
@Injectable()
export class CaseVisibility {
  constructor(
    private readonly reader: StreamReader,
    private readonly accessLog: AccessLog,
  ) {}

  async open(ctx: RequestContext, caseId: string, wanted: CaseReading, asOf?: string): Promise<VisibleCase> {
    const streamId = caseStreamId(caseId);
    // The current case comes from the reader's cache plus any newer events; history and as-of read everything.
    const loaded: LoadedStream<CaseState> & { events?: LoadedEvents<CaseState>['events'] } =
      wanted === 'history' || asOf !== undefined
        ? await this.reader.all(streamId, caseDecider, asOf === undefined ? {} : { asOf })
        : await this.reader.current(streamId, caseDecider);
    // Art 17, as the domain rules it: who may see the case, and which view of what it asked for.
    const access = caseReadAccess(loaded.state, ctx.actor);
    const view = caseReadingFor(access, wanted);
    const record = { resource: 'case' as const, resourceId: caseId, streamId, asOf: asOf ?? null };
    if (view === undefined) {
      await this.accessLog.record(
        ctx,
        streamRead({
          ...record,
          view: wanted,
          outcome: loaded.state.status === 'none' ? 'not_found' : 'refused',
          revision: -1,
        }),
      );
      throw caseError('CASE_NOT_FOUND', { caseId });
    }
    await this.accessLog.record(
      ctx,
      streamRead({ ...record, view, outcome: 'granted', revision: loaded.revision }),
    );
    return { ...loaded, caseId, streamId, access: access!, view };
  }
}
