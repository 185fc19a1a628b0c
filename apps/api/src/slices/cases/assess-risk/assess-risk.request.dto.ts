import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsString, Length, Max, Min } from 'class-validator';
import { RISK_LEVELS, type RiskLevel } from '@accord/events';
import { IsLegalDate } from '../../../http/dto';

export class AssessRiskRequestDto {
  @ApiProperty({ enum: RISK_LEVELS, description: 'Art 10: MAJOR makes the case major risk.' })
  @IsIn(RISK_LEVELS)
  level!: RiskLevel;

  @ApiProperty({ minimum: 1, description: 'Art 10: many people involved makes the case major risk.' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  peopleInvolved!: number;

  @ApiProperty({ description: 'Art 10: a possible mass incident (群体性事件) makes the case major risk.' })
  @IsBoolean()
  massIncidentRisk!: boolean;

  @ApiProperty({ type: [String], description: 'The risk factors found; may be empty.' })
  @IsString({ each: true })
  @Length(1, 1000, { each: true })
  @ArrayMaxSize(50)
  factors!: string[];

  @IsLegalDate('The day of the assessment; not before the previous one.') assessedOn!: string;
}
