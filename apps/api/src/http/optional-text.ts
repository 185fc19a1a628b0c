import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

/** Optional free text with bounds; the rule set decides whether the domain requires it. */
export const IsOptionalText = (description: string, max = 200, example?: string) =>
  applyDecorators(
    ApiPropertyOptional({ description, maxLength: max, example, nullable: true, type: String }),
    IsOptional(),
    IsString(),
    Length(1, max),
  );
