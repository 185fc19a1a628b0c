import { IsLegalDate, IsText } from '../../../http/dto';

export class CloseLetterRequestDto {
  @IsLegalDate('The day the letter is closed; not before the response or the last follow-up.')
  closedOn!: string;
  @IsText('Why the letter is closed.', 4000) note!: string;
}
