import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { CASE_CHANNELS, type CaseChannel } from '@accord/events';
import { CASE_STAGES, type CaseStage } from '@accord/domain';
import { CaseListFiltersDto } from '../../queries/read-query.dto';

export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 25;

export class ListCasesQueryDto extends CaseListFiltersDto {
  @ApiPropertyOptional({ enum: CASE_CHANNELS })
  @IsOptional()
  @IsIn(CASE_CHANNELS)
  channel?: CaseChannel;

  @ApiPropertyOptional({
    enum: CASE_STAGES,
    description: 'Only cases you take part in (or audit): an invitee does not see the stage (Art 17).',
  })
  @IsOptional()
  @IsIn(CASE_STAGES)
  stage?: CaseStage;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: DEFAULT_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page.', example: '42' })
  @IsOptional()
  @Matches(/^[1-9]\d{0,14}$/, { message: '$property must be the nextCursor of a previous page' })
  after?: string;
}
