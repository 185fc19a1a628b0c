import { IsLegalDate, IsText } from '../../../http/dto';

export class ContestFlagRequestDto {
  @IsLegalDate(
    "The day the party's objection was received; not before notification, nor inside a cooling-off period.",
  )
  contestedOn!: string;
  @IsText("The party's grounds.", 8000) grounds!: string;
}
