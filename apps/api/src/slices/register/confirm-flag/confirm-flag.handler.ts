import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  type ConfirmFlag,
  MIN_AGENCIES_AT_MEETING,
  meetingDecider,
  partyRegisterDecider,
} from '@accord/domain';
import type { LegalDate } from '@accord/events';
import type { RequestContext } from '../../../http/request-context';
import { CommandPipeline, type WriteResult } from '../../../pipeline/command-pipeline';
import { StreamReader } from '../../../pipeline/stream-reader';
import { meetingStreamId } from '../../meetings/meeting-stream';
import { partyStreamId } from '../party-stream';
import { ConfirmFlagCommand } from './confirm-flag.command';
import { flagMeetingError } from './confirm-flag.errors';

@CommandHandler(ConfirmFlagCommand)
export class ConfirmFlagHandler implements ICommandHandler<ConfirmFlagCommand> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly reader: StreamReader,
  ) {}

  async execute({ partyId, flagId, body, ctx }: ConfirmFlagCommand): Promise<WriteResult> {
    // One spelling per id, as in paths: the meeting's stream name and the recorded id must agree.
    const meetingId = body.meetingId?.toLowerCase() ?? null;
    // A meeting record never changes once written, so checking it before the append cannot go stale.
    if (meetingId !== null) await this.requireJointMeeting(meetingId, body.confirmedOn, ctx);
    return this.pipeline.execute({
      id: flagId,
      streamId: partyStreamId(partyId),
      decider: partyRegisterDecider,
      ctx,
      command: (metadata): ConfirmFlag => ({
        type: 'ConfirmFlag',
        data: { partyId, flagId, confirmedOn: body.confirmedOn, reviewOn: body.reviewOn, meetingId },
        metadata,
      }),
    });
  }

  private async requireJointMeeting(
    meetingId: string,
    confirmedOn: LegalDate,
    ctx: RequestContext,
  ): Promise<void> {
    const { state } = await this.reader.current(meetingStreamId(meetingId), meetingDecider);
    if (state.status === 'none') throw flagMeetingError('FLAG_MEETING_NOT_FOUND', { meetingId });
    // Art 11 fairness: a party is flagged by at least two agencies agreeing; a meeting stands in for the second only if it was joint.
    if (state.agenciesPresent.length < MIN_AGENCIES_AT_MEETING)
      throw flagMeetingError('FLAG_MEETING_NOT_JOINT', {
        meetingId,
        agenciesPresent: state.agenciesPresent,
        minimum: MIN_AGENCIES_AT_MEETING,
      });
    if (!(state.agenciesPresent as readonly string[]).includes(ctx.actor.agency))
      throw flagMeetingError('FLAG_MEETING_NOT_ATTENDED', {
        meetingId,
        agenciesPresent: state.agenciesPresent,
      });
    if (state.heldOn > confirmedOn)
      throw flagMeetingError('FLAG_MEETING_AFTER_CONFIRMATION', {
        meetingId,
        heldOn: state.heldOn,
        confirmedOn,
      });
  }
}
