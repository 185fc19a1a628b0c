import { StreamViewDto } from '../../../http/stream-view.dto';
import { ApiProperty } from '@nestjs/swagger';
import { ref } from '../../../http/schema';

export class MeetingViewDto extends StreamViewDto {
  @ApiProperty({
    allOf: [ref('Meeting')],
    description:
      'The meeting: kind, date, convener, attendees, agencies present, cases, special reason, conclusions.',
  })
  meeting!: unknown;
}
