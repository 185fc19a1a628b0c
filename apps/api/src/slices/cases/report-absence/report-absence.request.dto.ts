import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { IsLegalDate } from '../../../http/dto';

export class ReportAbsenceRequestDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The participation request whose head stayed away without good reason.',
  })
  @IsUUID()
  requestId!: string;

  @IsLegalDate('The day of the report to the county government; not before the session.') reportedOn!: string;

  @ApiPropertyOptional({ maxLength: 4000, description: 'What was reported.' })
  @IsOptional()
  @IsString()
  @Length(1, 4000)
  note?: string;
}
