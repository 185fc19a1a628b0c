import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { ACTIVITY_KINDS, AGENCIES, type ActivityKind, type Agency } from '@accord/events';
import { IsIdentifierText, IsLegalDate } from '../../../http/dto';

export class RecordActivityRequestDto {
  @ApiProperty({
    enum: ACTIVITY_KINDS,
    description: 'Art 6: hearing, coordination, mediation plan, explaining the law, settlement.',
  })
  @IsIn(ACTIVITY_KINDS)
  kind!: ActivityKind;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 4000, description: 'Required for OTHER.' })
  @IsOptional()
  @IsString()
  @Length(1, 4000)
  description?: string | null;

  @IsLegalDate('The day it was held.') heldOn!: string;

  @ApiProperty({
    enum: AGENCIES,
    isArray: true,
    description: 'Agencies present; each must take part in the case (Art 17).',
  })
  @IsIn(AGENCIES, { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  agencies!: Agency[];

  @ApiProperty({ type: [String], description: 'Parties present, by partyId.' })
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  @IsIdentifierText({ each: true })
  @ArrayMaxSize(100)
  partyIds!: string[];

  @ApiProperty({ type: [String], description: 'Anyone else present, by name and capacity.' })
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  @ArrayMaxSize(100)
  others!: string[];
}
