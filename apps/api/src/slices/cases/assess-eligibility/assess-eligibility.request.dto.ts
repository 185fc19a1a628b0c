import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import {
  ELIGIBILITY_CATEGORIES,
  ELIGIBILITY_OUTCOMES,
  type EligibilityCategory,
  type EligibilityOutcome,
} from '@accord/events';
import { IsLegalDate, IsText } from '../../../http/dto';

export class EligibilityGroundDto {
  @ApiProperty({ enum: ELIGIBILITY_CATEGORIES, description: 'Art 3 item (一)–(六).' })
  @IsIn(ELIGIBILITY_CATEGORIES)
  category!: EligibilityCategory;

  @IsText('Why the case falls in this category.', 4000) reasons!: string;
}

export class AssessEligibilityRequestDto {
  @ApiProperty({ enum: ELIGIBILITY_OUTCOMES }) @IsIn(ELIGIBILITY_OUTCOMES) outcome!: EligibilityOutcome;

  @ApiProperty({
    type: [EligibilityGroundDto],
    description: 'Non-empty when ELIGIBLE, empty otherwise (Art 3).',
  })
  @ValidateNested({ each: true })
  @Type(() => EligibilityGroundDto)
  @ArrayMaxSize(6)
  grounds!: EligibilityGroundDto[];

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    maxLength: 8000,
    description: 'Art 3 释法说理: required when CLEARLY_UNLAWFUL_OR_UNREASONABLE, else null.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 8000)
  legalExplanation?: string | null;

  @IsLegalDate('The day of the assessment.') assessedOn!: string;
}
