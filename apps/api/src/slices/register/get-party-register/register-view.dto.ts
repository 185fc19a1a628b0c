import { StreamViewDto } from '../../../http/stream-view.dto';
import { ApiProperty } from '@nestjs/swagger';

export class PartyRegisterViewDto extends StreamViewDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The register: party, notes, flags and their history, the active flag id.',
  })
  register!: unknown;
}
