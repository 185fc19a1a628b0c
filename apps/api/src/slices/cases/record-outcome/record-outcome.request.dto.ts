import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { CASE_OUTCOMES, type CaseOutcome } from '@accord/events';
import { IsLegalDate, IsText } from '../../../http/dto';

export class RecordOutcomeRequestDto {
  @ApiProperty({
    enum: CASE_OUTCOMES,
    description: "SETTLED, MEDIATED and WITHDRAWN rest on every party's consent (Art 2).",
  })
  @IsIn(CASE_OUTCOMES)
  outcome!: CaseOutcome;

  @IsLegalDate('The day the outcome was reached.') decidedOn!: string;

  @IsText('What was agreed or decided.', 4000) summary!: string;
}
