import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

/** A legal date, `YYYY-MM-DD` (Asia/Shanghai); the domain checks it is a real day. */
export const IsLegalDate = (description: string) =>
  applyDecorators(
    ApiProperty({ description, example: '2024-03-01', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    IsString(),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD' }),
  );

/** Free text with bounds, so no field can carry a megabyte. */
export const IsText = (description: string, max = 2000, example?: string) =>
  applyDecorators(ApiProperty({ description, maxLength: max, example }), IsString(), Length(1, max));
