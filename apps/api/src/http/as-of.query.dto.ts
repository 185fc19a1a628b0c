import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';

/** An instant, never a bare date: "as of 2024-03-01" would silently mean midnight UTC. */
export const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export class AsOfQueryDto {
  @ApiPropertyOptional({
    description: 'An instant (ISO 8601 with offset or Z): the state as the ledger had recorded it then.',
    example: '2024-03-01T12:00:00+08:00',
  })
  @IsOptional()
  @Matches(INSTANT_PATTERN, {
    message: '$property must be an instant with an offset, e.g. 2024-03-01T12:00:00+08:00',
  })
  @IsISO8601({ strict: true })
  asOf?: string;
}
