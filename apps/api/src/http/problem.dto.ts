import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** RFC 7807 problem details, for the OpenAPI document (the body is built in `problem.ts`). */
export class FieldErrorDto {
  @ApiProperty({ example: 'acceptedOn' }) field!: string;
  @ApiProperty({ example: ['isISO8601'] }) constraints!: string[];
  @ApiProperty({ example: 'acceptedOn must be a valid ISO 8601 date string' }) message!: string;
}

export class ProblemDto {
  @ApiProperty({ example: 'urn:accord:problem:invitation-notice-late' }) type!: string;
  @ApiProperty({ example: 'Unprocessable Content' }) title!: string;
  @ApiProperty({ example: 422 }) status!: number;
  @ApiProperty({ description: 'In English, or Chinese when Accept-Language prefers zh.' }) detail!: string;
  @ApiProperty({ description: 'Stable error code.', example: 'INVITATION_NOTICE_LATE' }) code!: string;
  @ApiPropertyOptional({ description: 'Article of the Measures the rule enforces.', example: 'Art 4, Art 7' })
  article?: string;
  @ApiProperty({ example: '/cases/5f1c.../invitations' }) instance!: string;
  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'Validation failures, per field.' })
  errors?: FieldErrorDto[];
  @ApiPropertyOptional({
    description: 'Facts that explain a rule refusal (dates, ids).',
    type: 'object',
    additionalProperties: true,
  })
  details?: Record<string, unknown>;
}
