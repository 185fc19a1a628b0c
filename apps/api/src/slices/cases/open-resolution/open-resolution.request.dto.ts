import { IsLegalDate } from '../../../http/dto';

export class OpenResolutionRequestDto {
  @IsLegalDate('The day the resolution effort opens; not before the eligibility assessment.')
  openedOn!: string;
}
