import { IsLegalDate, IsText } from '../../../http/dto';

export class ReinstateMediatorRequestDto {
  @IsLegalDate('The day of the reinstatement; not before the last change.') reinstatedOn!: string;
  @IsText('Why (Art 13).', 2000) reason!: string;
}
