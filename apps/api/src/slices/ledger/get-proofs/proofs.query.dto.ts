import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

const MAX = Number.MAX_SAFE_INTEGER;

export class InclusionQueryDto {
  @ApiProperty({ description: 'Global position of the event.', minimum: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX)
  position!: number;

  @ApiPropertyOptional({
    description:
      'Tree size to prove against; default the latest co-signed checkpoint’s when it covers the event, else the current tree’s.',
    minimum: 1,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX)
  treeSize?: number;
}

export class ConsistencyQueryDto {
  @ApiProperty({ minimum: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX)
  from!: number;

  @ApiProperty({ minimum: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX)
  to!: number;
}
