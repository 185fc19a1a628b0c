import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { MEDIATOR_SOURCES, type MediatorSource } from '@accord/events';
import { IsLegalDate, IsText } from '../../../http/dto';
import { ORGAN_CODE } from '../../letters/organ-ref.dto';

export class AdmitMediatorRequestDto {
  @IsText('Full name.', 200, '李四') name!: string;

  @ApiProperty({
    enum: MEDIATOR_SOURCES,
    description:
      'Art 13: judicial organ, administrative organ, people’s congress deputy, CPPCC member, legal worker.',
  })
  @IsIn(MEDIATOR_SOURCES)
  source!: MediatorSource;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    pattern: ORGAN_CODE.source,
    description:
      'The organ the member works for; required for JUDICIAL_ORGAN and ADMINISTRATIVE_ORGAN (conflict-of-interest checks).',
  })
  @IsOptional()
  @Matches(ORGAN_CODE, { message: '$property must be 1-64 letters, digits, _ or -' })
  organisationCode?: string | null;

  @ApiProperty({ type: [String], description: 'Fields of expertise; may be empty.' })
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  @ArrayMaxSize(20)
  expertise!: string[];

  @IsLegalDate('The day of admission to the pool.') admittedOn!: string;
}
