import { ref } from '../../../http/schema';
import { StreamViewDto } from '../../../http/stream-view.dto';
import { ApiProperty } from '@nestjs/swagger';
import type { Agency, ActorAgency } from '@accord/events';
import type { RegisteredCase } from '@accord/domain';

export class CaseViewDto extends StreamViewDto {
  @ApiProperty({ enum: ['participant', 'invitee', 'auditor'] }) access!: string;
  @ApiProperty({
    enum: ['full', 'reduced'],
    description: 'An invited agency sees the reduced view (Art 17).',
  })
  view!: string;
  @ApiProperty({
    oneOf: [ref('CaseFull'), ref('CaseReduced')],
    description:
      'The case folded from its events (full view), or what an invitee needs to reply (reduced view).',
  })
  case!: unknown;
}

/**
 * Art 4/7 and Art 17: an invited agency learns what the case is about and what it is invited to,
 * enough to reply; not the parties' personal data, the risk file, activities or outcome.
 */
export function reducedCaseView(state: RegisteredCase, invitee: ActorAgency) {
  return {
    caseId: state.caseId,
    status: state.status,
    channel: state.channel,
    leadAgency: state.leadAgency,
    externalCaseNumber: state.externalCaseNumber,
    acceptedOn: state.acceptedOn,
    respondent: state.respondent,
    matter: state.matter,
    invitations: state.invitations.filter((i) => (i.to as Agency | ActorAgency) === invitee),
  };
}
