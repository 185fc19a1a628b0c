import { IsLegalDate } from '../../../http/dto';

export class ExpireFlagRequestDto {
  @IsLegalDate('The day the flag lapses; on or after its review date.') expiredOn!: string;
}
