import { ref } from '../../../http/schema';
import { StreamViewDto } from '../../../http/stream-view.dto';
import { ApiProperty } from '@nestjs/swagger';
import type { CaseReadAccess, CaseView, CaseViewKind } from '@accord/domain';

export class CaseViewDto extends StreamViewDto {
  @ApiProperty({ enum: ['participant', 'invitee', 'auditor'] }) access!: CaseReadAccess;
  @ApiProperty({
    enum: ['full', 'reduced'],
    description: 'An invited agency sees the reduced view (Art 17).',
  })
  view!: CaseViewKind;
  @ApiProperty({
    oneOf: [ref('CaseFull'), ref('CaseReduced')],
    description:
      'The case folded from its events (full view), or what an invitee needs to reply (reduced view): the domain’s `caseView`.',
  })
  case!: CaseView;
}
