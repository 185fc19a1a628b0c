import { StreamViewDto } from '../../../http/stream-view.dto';
import { ApiProperty } from '@nestjs/swagger';
import { ref } from '../../../http/schema';

export class PartyRegisterViewDto extends StreamViewDto {
  @ApiProperty({
    allOf: [ref('PartyRegister')],
    description: 'The register: party, notes, flags and their history, the active flag id.',
  })
  register!: unknown;
}
