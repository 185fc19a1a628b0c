import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, ValidateNested } from 'class-validator';
import { INTEGRITY_NOTE_POLARITIES, type IntegrityNotePolarity } from '@accord/events';
import { IsIdentifier, IsLegalDate, IsText } from '../../../http/dto';
import { PartyIdentityDto } from '../party-identity.dto';

export class AddIntegrityNoteRequestDto {
  @ApiPropertyOptional({
    type: PartyIdentityDto,
    description: "Required on the party's first entry (Art 11).",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => PartyIdentityDto)
  party?: PartyIdentityDto;

  @ApiProperty({ enum: INTEGRITY_NOTE_POLARITIES })
  @IsIn(INTEGRITY_NOTE_POLARITIES)
  polarity!: IntegrityNotePolarity;
  @IsText('The note (诚信档案).', 4000) text!: string;
  @IsIdentifier('The case the note rests on (Art 11).', 100) caseRef!: string;
  @IsLegalDate('The day of the note.') notedOn!: string;
}
