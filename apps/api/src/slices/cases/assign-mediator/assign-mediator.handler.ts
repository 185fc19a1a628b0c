import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Actor } from '@accord/events';
import {
  canSeePool,
  caseDecider,
  caseError,
  mediatorDecider,
  mediatorError,
  type AssignMediator,
  type MediatorSnapshot,
} from '@accord/domain';
import { CommandPipeline, type WriteResult } from '../../../pipeline/command-pipeline';
import { StreamReader } from '../../../pipeline/stream-reader';
import { mediatorStreamId } from '../../mediators/mediator-stream';
import { caseStreamId } from '../case-stream';
import { AssignMediatorCommand } from './assign-mediator.command';

@CommandHandler(AssignMediatorCommand)
export class AssignMediatorHandler implements ICommandHandler<AssignMediatorCommand> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly reader: StreamReader,
  ) {}

  async execute({ caseId, body, ctx }: AssignMediatorCommand): Promise<WriteResult> {
    const mediator = await this.snapshot(body.mediatorId.toLowerCase(), ctx.actor);
    return this.pipeline.execute({
      id: mediator.mediatorId,
      streamId: caseStreamId(caseId),
      decider: caseDecider,
      ctx,
      command: (metadata): AssignMediator => ({
        type: 'AssignMediator',
        data: { caseId, mediator, assignedOn: body.assignedOn },
        metadata,
      }),
    });
  }

  /**
   * Art 13: the member as the pool knows it now. The case decider judges status and conflicts of
   * interest from this snapshot; a member the pool has never admitted is a 404, not a rule failure.
   */
  private async snapshot(mediatorId: string, actor: Actor): Promise<MediatorSnapshot> {
    // Organs never see the pool: they are refused as on any case act, so the answer reveals no member.
    if (!canSeePool(actor))
      throw caseError('CASE_ACTOR_NOT_ALLOWED', { agency: actor.agency, role: actor.role });
    const { state } = await this.reader.current(mediatorStreamId(mediatorId), mediatorDecider);
    if (state.status === 'none') throw mediatorError('MEDIATOR_NOT_FOUND', { mediatorId });
    return {
      mediatorId: state.mediatorId,
      name: state.name,
      status: state.status,
      source: state.source,
      organisationCode: state.organisationCode,
    };
  }
}
