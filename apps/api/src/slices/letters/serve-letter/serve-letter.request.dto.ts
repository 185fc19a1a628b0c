import { IsLegalDate } from '../../../http/dto';

export class ServeLetterRequestDto {
  @IsLegalDate('The day the letter was served on the organ; the response period runs from it (Art 8).')
  servedOn!: string;
}
