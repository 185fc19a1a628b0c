import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class LetterViewDto {
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
      'The letter: kind, issuer, organ, grounds, service and response due date (with its explanation), response, follow-ups, closing.',
  })
  letter!: unknown;
}
