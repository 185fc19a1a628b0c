import { StreamViewDto } from '../../../http/stream-view.dto';
import { ApiProperty } from '@nestjs/swagger';

export class LetterViewDto extends StreamViewDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The letter: kind, issuer, organ, grounds, service and response due date (with its explanation), response, follow-ups, closing.',
  })
  letter!: unknown;
}
