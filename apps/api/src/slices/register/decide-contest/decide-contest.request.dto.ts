import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { FLAG_CONTEST_OUTCOMES, type FlagContestOutcome } from '@accord/events';
import { IsLegalDate, IsText } from '../../../http/dto';

export class DecideContestRequestDto {
  @IsLegalDate('The day of the decision; not before the contest.') decidedOn!: string;

  @ApiProperty({
    enum: FLAG_CONTEST_OUTCOMES,
    description: 'UPHELD revokes the flag; REJECTED lets it stand and starts a cooling-off period.',
  })
  @IsIn(FLAG_CONTEST_OUTCOMES)
  outcome!: FlagContestOutcome;

  @IsText('Reasons for the decision.', 8000) reasons!: string;
}
