import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  canSeeMeeting,
  type ConfirmFlag,
  type JointMeetingFacts,
  meetingDecider,
  partyRegisterDecider,
} from '@accord/domain';
import type { Actor } from '@accord/events';
import { CommandPipeline, type WriteResult } from '../../../pipeline/command-pipeline';
import { StreamReader } from '../../../pipeline/stream-reader';
import { meetingStreamId } from '../../meetings/meeting-stream';
import { partyStreamId } from '../party-stream';
import { ConfirmFlagCommand } from './confirm-flag.command';

@CommandHandler(ConfirmFlagCommand)
export class ConfirmFlagHandler implements ICommandHandler<ConfirmFlagCommand> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly reader: StreamReader,
  ) {}

  async execute({ partyId, flagId, body, ctx }: ConfirmFlagCommand): Promise<WriteResult> {
    // One spelling per id, as in paths: the meeting's stream name and the recorded id must agree.
    const meetingId = body.meetingId?.toLowerCase() ?? null;
    const meeting = meetingId === null ? null : await this.meetingFacts(meetingId, ctx.actor);
    return this.pipeline.execute({
      id: flagId,
      streamId: partyStreamId(partyId),
      decider: partyRegisterDecider,
      ctx,
      command: (metadata): ConfirmFlag => ({
        type: 'ConfirmFlag',
        data: {
          partyId,
          flagId,
          confirmedOn: body.confirmedOn,
          reviewOn: body.reviewOn,
          meetingId,
          meeting,
        },
        metadata,
      }),
    });
  }

  /**
   * The cited meeting's facts for the register decider to judge (Art 11, Art 14). A meeting the
   * confirming agency may not see is passed as null, exactly like an unknown one. An acknowledgement
   * is never taken back, so facts read before the append cannot turn a joint meeting into another.
   */
  private async meetingFacts(meetingId: string, actor: Actor): Promise<JointMeetingFacts | null> {
    const { state } = await this.reader.current(meetingStreamId(meetingId), meetingDecider);
    if (state.status === 'none' || !canSeeMeeting(state, actor)) return null;
    return {
      meetingId: state.meetingId,
      heldOn: state.heldOn,
      agenciesListed: state.agenciesPresent,
      agenciesConfirmed: state.agenciesConfirmed,
    };
  }
}
