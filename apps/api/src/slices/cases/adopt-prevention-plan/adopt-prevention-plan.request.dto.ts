import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsString, Length } from 'class-validator';
import { IsLegalDate, IsText } from '../../../http/dto';

export class AdoptPreventionPlanRequestDto {
  @IsLegalDate('The day the plan was adopted; not before the latest risk assessment.') adoptedOn!: string;

  @IsText('What the plan (防范和处置预案) provides.', 4000) summary!: string;

  @ApiProperty({ type: [String], minItems: 1, description: 'The measures, at least one.' })
  @IsString({ each: true })
  @Length(1, 1000, { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  measures!: string[];
}
