import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ActorAgency } from '@accord/events';
import {
  caseDecider,
  type MeetingCaseFacts,
  meetingCaseFacts,
  meetingDecider,
  type RecordMeeting,
} from '@accord/domain';
import { plain } from '../../../http/ids';
import { CommandPipeline, type WriteResult } from '../../../pipeline/command-pipeline';
import { StreamReader } from '../../../pipeline/stream-reader';
import { caseStreamId } from '../../cases/case-stream';
import { meetingStreamId } from '../meeting-stream';
import { RecordMeetingCommand } from './record-meeting.command';

@CommandHandler(RecordMeetingCommand)
export class RecordMeetingHandler implements ICommandHandler<RecordMeetingCommand> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly reader: StreamReader,
  ) {}

  async execute({ meetingId, body, ctx }: RecordMeetingCommand): Promise<WriteResult> {
    // One spelling per case id, as in `/cases/:id`, so the record names the cases' own ids.
    const cases = body.cases?.map((caseId) => caseId.toLowerCase());
    const caseFacts = cases === undefined ? undefined : await this.caseFacts(cases, ctx.actor.agency);
    return this.pipeline.execute({
      id: meetingId,
      streamId: meetingStreamId(meetingId),
      decider: meetingDecider,
      ctx,
      command: (metadata): RecordMeeting => ({
        type: 'RecordMeeting',
        data: {
          meetingId,
          ...plain(body),
          ...(cases === undefined ? {} : { cases }),
          ...(caseFacts === undefined ? {} : { caseFacts }),
        },
        metadata,
      }),
    });
  }

  /** Art 14, Art 17: the facts the decider judges each named case by; the cases stay unseen. */
  private async caseFacts(
    cases: readonly string[],
    convener: ActorAgency,
  ): Promise<Record<string, MeetingCaseFacts>> {
    const facts: Record<string, MeetingCaseFacts> = Object.create(null);
    for (const caseId of new Set(cases)) {
      const { state } = await this.reader.current(caseStreamId(caseId), caseDecider);
      facts[caseId] = meetingCaseFacts(state, convener);
    }
    return facts;
  }
}
