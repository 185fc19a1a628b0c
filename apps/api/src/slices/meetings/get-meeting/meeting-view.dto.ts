import { StreamViewDto } from '../../../http/stream-view.dto';
import { ApiProperty } from '@nestjs/swagger';

export class MeetingViewDto extends StreamViewDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The meeting: kind, date, convener, attendees, agencies present, cases, special reason, conclusions.',
  })
  meeting!: unknown;
}
