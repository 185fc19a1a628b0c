import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsIn,
  IsObject,
  IsOptional,
  IsUUID,
  ValidateNested,
} from 'class-validator';
import {
  LETTER_GROUNDS,
  SUGGESTION_LETTER_KINDS,
  type LetterGround,
  type SuggestionLetterKind,
} from '@accord/events';
import { IsLegalDate, IsText } from '../../../http/dto';
import { OrganRefDto } from '../organ-ref.dto';

export class IssueLetterRequestDto {
  @ApiPropertyOptional({
    enum: SUGGESTION_LETTER_KINDS,
    description:
      'Art 8: follows the issuer (court → judicial, procuratorate → procuratorial, government office → reconsideration opinion); derived when omitted.',
  })
  @IsOptional()
  @IsIn(SUGGESTION_LETTER_KINDS)
  kind?: SuggestionLetterKind;

  @ApiProperty({ type: OrganRefDto, description: 'The administrative organ the letter is addressed to.' })
  @IsObject()
  @ValidateNested()
  @Type(() => OrganRefDto)
  organ!: OrganRefDto;

  @ApiProperty({
    enum: LETTER_GROUNDS,
    isArray: true,
    description: 'Art 8: unlawful act, flawed act, or a duty not performed.',
  })
  @IsIn(LETTER_GROUNDS, { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(LETTER_GROUNDS.length)
  @ArrayUnique()
  grounds!: LetterGround[];

  @IsText('The facts the letter rests on.', 8000) facts!: string;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The case the letter arose from, if any.',
  })
  @IsOptional()
  @IsUUID()
  caseId?: string | null;

  @IsLegalDate('The day the letter was issued.') issuedOn!: string;
}
