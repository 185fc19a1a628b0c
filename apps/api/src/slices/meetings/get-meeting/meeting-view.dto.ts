import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class MeetingViewDto {
  @ApiProperty() id!: string;
  @ApiProperty() streamId!: string;
  @ApiProperty({ description: 'Stream revision shown; also the ETag.' }) revision!: number;
  @ApiProperty({ description: 'Global position of the last event shown.' }) position!: number;
  @ApiPropertyOptional({
    nullable: true,
    description: 'The instant asked for, or null for the current state.',
  })
  asOf!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The meeting: kind, date, convener, attendees, agencies present, cases, special reason, conclusions.',
  })
  meeting!: unknown;
}
