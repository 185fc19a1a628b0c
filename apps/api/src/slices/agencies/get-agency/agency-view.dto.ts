import { ApiProperty } from '@nestjs/swagger';
import { ref } from '../../../http/schema';
import { AGENCIES } from '@accord/events';

export class AgencyViewDto {
  @ApiProperty({ enum: AGENCIES }) id!: string;
  @ApiProperty() streamId!: string;
  @ApiProperty({ description: 'Stream revision shown (-1 before the first designation); also the ETag.' })
  revision!: number;
  @ApiProperty({ description: 'Global position of the last event shown (0 before the first designation).' })
  position!: number;
  @ApiProperty({
    allOf: [ref('Agency')],
    description:
      "The agency's record: whether it hosts the Coordination Office, its current liaison and past liaisons with their terms; `{ status: 'none' }` before the first designation.",
  })
  agency!: unknown;
}
