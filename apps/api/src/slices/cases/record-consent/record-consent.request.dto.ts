import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { CONSENT_STATES, type ConsentState } from '@accord/events';
import { IsIdentifier, IsLegalDate } from '../../../http/dto';

export class RecordConsentRequestDto {
  @IsIdentifier('The party, by its partyId in the case.', 64, 'p-1') partyId!: string;

  @ApiProperty({ enum: CONSENT_STATES, description: 'Art 2 (自愿): consent given, or withdrawn.' })
  @IsIn(CONSENT_STATES)
  consent!: ConsentState;

  @IsLegalDate('The day the party expressed it; not before its previous record.') on!: string;

  @ApiPropertyOptional({ maxLength: 2000, description: 'How it was expressed (e.g. signed statement).' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;
}
