import { IsLegalDate, IsText } from '../../../http/dto';

export class RequestParticipationRequestDto {
  @IsLegalDate('The day the organ was notified.') requestedOn!: string;

  @IsLegalDate('The day of the session the head is asked to attend; not before the request.')
  sessionOn!: string;

  @IsText('What the session is for.', 2000) purpose!: string;
}
