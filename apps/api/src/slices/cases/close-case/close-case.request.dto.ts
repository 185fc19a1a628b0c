import { IsLegalDate } from '../../../http/dto';

export class CloseCaseRequestDto {
  @IsLegalDate('The day the case closes; not before its outcome.') closedOn!: string;
}
