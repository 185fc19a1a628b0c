import { IsLegalDate, IsText } from '../../../http/dto';

export class RecordNonSupportDecisionRequestDto {
  @IsText('Number of the written decision (不支持监督申请决定书).', 100, '鲁0423检行监〔2024〕3号')
  decisionNumber!: string;

  @IsLegalDate('The day of the decision; not before the case was accepted.') decidedOn!: string;

  @IsText('What was decided and why.', 4000) summary!: string;
}
