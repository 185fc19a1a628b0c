import { IsLegalDate } from '../../../http/dto';

export class AcknowledgeAttendanceRequestDto {
  @IsLegalDate('The day your agency acknowledges it attended; not before the meeting.')
  acknowledgedOn!: string;
}
