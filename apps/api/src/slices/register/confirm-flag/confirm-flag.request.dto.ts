import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { IsLegalDate } from '../../../http/dto';

export class ConfirmFlagRequestDto {
  @IsLegalDate('The day of the confirmation; not before the proposal.') confirmedOn!: string;
  @IsLegalDate('The day the flag lapses unless reviewed; after confirmation, within the rule set limit.')
  reviewOn!: string;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'uuid',
    description:
      'A joint meeting (Art 14) that decided the confirmation: it must be on record, attended by your agency and by at least two of the three agencies, and held on or before the confirmation.',
  })
  @IsOptional()
  @IsUUID()
  meetingId?: string | null;
}
