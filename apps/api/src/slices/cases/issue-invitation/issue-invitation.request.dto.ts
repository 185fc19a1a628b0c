import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { AGENCIES, type Agency } from '@accord/events';
import { IsLegalDate, IsText } from '../../../http/dto';

export class IssueInvitationRequestDto {
  @ApiProperty({
    enum: AGENCIES,
    description: 'The invited agency; which ones depends on the channel (Art 4, 5, 6).',
  })
  @IsIn(AGENCIES)
  to!: Agency;

  @IsText('Why the agency is invited (e.g. risk of a suit, appeal or petition).', 4000) grounds!: string;

  @IsLegalDate('The day the written notice was served; within 30 days of acceptance (Art 4, Art 7).')
  noticeServedOn!: string;
}
