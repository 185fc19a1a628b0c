import { StreamViewDto } from '../../../http/stream-view.dto';
import { ApiProperty } from '@nestjs/swagger';

export class MediatorViewDto extends StreamViewDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The member: name, source, organisation, expertise, status and its history.',
  })
  mediator!: unknown;
}
