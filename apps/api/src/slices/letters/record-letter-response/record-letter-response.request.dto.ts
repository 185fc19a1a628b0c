import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { LETTER_RESPONSE_OUTCOMES, type LetterResponseOutcome } from '@accord/events';
import { IsLegalDate, IsText } from '../../../http/dto';

export class RecordLetterResponseRequestDto {
  @IsLegalDate('The day of the written response; after the due date it is recorded as late.')
  respondedOn!: string;

  @ApiProperty({
    enum: LETTER_RESPONSE_OUTCOMES,
    description: 'Art 8: adopted, partly adopted, or rejected with reasons.',
  })
  @IsIn(LETTER_RESPONSE_OUTCOMES)
  outcome!: LetterResponseOutcome;

  @IsText('What the organ did or will do.', 8000) summary!: string;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    maxLength: 8000,
    description: 'Required when REJECTED.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 8000)
  reasons?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    maxLength: 8000,
    description: 'Required when PARTLY_ADOPTED: what was not adopted.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 8000)
  notAdopted?: string | null;
}
