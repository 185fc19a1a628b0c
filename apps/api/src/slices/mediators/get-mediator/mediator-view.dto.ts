import { StreamViewDto } from '../../../http/stream-view.dto';
import { ApiProperty } from '@nestjs/swagger';
import { ref } from '../../../http/schema';

export class MediatorViewDto extends StreamViewDto {
  @ApiProperty({
    allOf: [ref('Mediator')],
    description: 'The member: name, source, organisation, expertise, status and its history.',
  })
  mediator!: unknown;
}
