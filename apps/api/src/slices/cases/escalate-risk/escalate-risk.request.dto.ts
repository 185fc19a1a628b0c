import { IsLegalDate, IsText } from '../../../http/dto';

export class EscalateRiskRequestDto {
  @IsLegalDate('The day of the report to county leadership; not before the risk assessment.')
  escalatedOn!: string;

  @IsText('What was reported.', 4000) summary!: string;
}
