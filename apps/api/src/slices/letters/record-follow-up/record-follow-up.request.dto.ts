import { IsLegalDate, IsText } from '../../../http/dto';

export class RecordFollowUpRequestDto {
  @IsLegalDate('The day of the follow-up (督促履行); not before service.') followedUpOn!: string;
  @IsText('How the organ was followed up (visit, call, letter, …).', 200, 'site visit') means!: string;
  @IsText('What was found.', 4000) note!: string;
}
