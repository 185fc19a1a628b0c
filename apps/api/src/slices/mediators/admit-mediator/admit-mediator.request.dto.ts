import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { MEDIATOR_SOURCES, type MediatorSource } from '@accord/events';
import { IsLegalDate, IsOrganCode, IsText } from '../../../http/dto';

export class AdmitMediatorRequestDto {
  @IsText('Full name.', 200, '李四') name!: string;

  @ApiProperty({
    enum: MEDIATOR_SOURCES,
    description:
      'Art 13: judicial organ, administrative organ, people’s congress deputy, CPPCC member, legal worker.',
  })
  @IsIn(MEDIATOR_SOURCES)
  source!: MediatorSource;

  @IsOrganCode(
    'The organ the member works for; required for JUDICIAL_ORGAN and ADMINISTRATIVE_ORGAN (conflict-of-interest checks).',
  )
  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  organisationCode?: string | null;

  @ApiProperty({ type: [String], description: 'Fields of expertise; may be empty.' })
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  @ArrayMaxSize(20)
  expertise!: string[];

  @IsLegalDate('The day of admission to the pool.') admittedOn!: string;
}
