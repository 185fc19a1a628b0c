import { IsLegalDate, IsText } from '../../../http/dto';

export class RemoveMediatorRequestDto {
  @IsLegalDate('The day of the removal; not before the last change.') removedOn!: string;
  @IsText('Why (Art 13).', 2000) reason!: string;
}
