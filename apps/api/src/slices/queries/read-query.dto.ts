import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBooleanString, IsIn, IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';
import { AGENCIES, CASE_CHANNELS, RISK_LEVELS, WATCHED_DEADLINE_KINDS } from '@accord/events';

export const MAX_ROWS = 500;

/** Every read-model query: wait until the read model has reached a write's position (read your writes). */
export class MinPositionQueryDto {
  @ApiPropertyOptional({
    description:
      'Wait (at most 5 s, else 503 READ_MODEL_BEHIND) until the read model has reached this log position — the `position` a write answered.',
    minimum: 0,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  minPosition?: number;
}

export class PagedQueryDto extends MinPositionQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_ROWS, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ROWS)
  limit?: number;
}

const LEGAL_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export class DeadlinesQueryDto extends PagedQueryDto {
  @ApiPropertyOptional() @IsOptional() @Matches(/^[A-Za-z0-9._:-]{1,128}$/) caseId?: string;
  @ApiPropertyOptional({ enum: WATCHED_DEADLINE_KINDS })
  @IsOptional()
  @IsIn(WATCHED_DEADLINE_KINDS)
  kind?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsBooleanString() overdue?: string;
  @ApiPropertyOptional({ enum: ['open', 'all'], default: 'open' })
  @IsOptional()
  @IsIn(['open', 'all'])
  status?: 'open' | 'all';
}

export class AuditTrailQueryDto extends PagedQueryDto {
  @ApiPropertyOptional() @IsOptional() @Matches(/^[A-Za-z0-9._:-]{1,128}$/) caseId?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[A-Za-z0-9._:@-]{1,128}$/) staffId?: string;
  @ApiPropertyOptional({ example: 'COURT' })
  @IsOptional()
  @Matches(/^(COURT|PROCURATORATE|GOV_OFFICE|ORGAN:[A-Za-z0-9._-]{1,64})$/)
  agency?: string;
  @ApiPropertyOptional({ description: 'Recorded at or after this instant.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;
  @ApiPropertyOptional({ description: 'Recorded at or before this instant.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page.' })
  @IsOptional()
  @Matches(/^[1-9]\d{0,14}$/)
  after?: string;
}

export class ReportQueryDto extends MinPositionQueryDto {
  @ApiPropertyOptional({ example: '2026-01' }) @IsOptional() @Matches(MONTH) fromMonth?: string;
  @ApiPropertyOptional({ example: '2026-12' }) @IsOptional() @Matches(MONTH) toMonth?: string;
  @ApiPropertyOptional({ enum: AGENCIES }) @IsOptional() @IsIn(AGENCIES) agency?: string;
  @ApiPropertyOptional({ enum: CASE_CHANNELS }) @IsOptional() @IsIn(CASE_CHANNELS) channel?: string;
}

export class BriefingQueryDto extends MinPositionQueryDto {
  @ApiPropertyOptional({
    description: '`YYYY-MM`, `YYYY-Qn` or `YYYY`; default the current month.',
    example: '2026-Q4',
  })
  @IsOptional()
  @Matches(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/)
  period?: string;
}

export class StuckCasesQueryDto extends PagedQueryDto {
  @ApiPropertyOptional({
    description: 'No event on the case for more than this many days.',
    default: 30,
    minimum: 1,
    maximum: 3650,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3650)
  days?: number;
}

export class AuditLogQueryDto {
  @ApiPropertyOptional({ description: 'Stream events after this position (exclusive).', default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  fromPosition?: number;
}

export class CaseListFiltersDto {
  @ApiPropertyOptional({ enum: AGENCIES, description: 'The lead agency.' })
  @IsOptional()
  @IsIn(AGENCIES)
  agency?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Participants and auditors only.' })
  @IsOptional()
  @IsBooleanString()
  overdue?: string;
  @ApiPropertyOptional({ enum: RISK_LEVELS, description: 'Participants and auditors only.' })
  @IsOptional()
  @IsIn(RISK_LEVELS)
  risk?: string;
  @ApiPropertyOptional({ example: '2026-01-01' }) @IsOptional() @Matches(LEGAL_DATE) acceptedFrom?: string;
  @ApiPropertyOptional({ example: '2026-12-31' }) @IsOptional() @Matches(LEGAL_DATE) acceptedTo?: string;
  @ApiPropertyOptional({ minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  minPosition?: number;
}
