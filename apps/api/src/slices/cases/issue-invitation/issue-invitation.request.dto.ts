import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { AGENCIES, type Agency } from '@accord/events';
import { IsLegalDate, IsText } from '../../../http/dto';
import { IsOptionalText } from '../../../http/optional-text';

export class IssueInvitationRequestDto {
  @ApiProperty({
    enum: AGENCIES,
    description: 'The invited agency; which ones depends on the channel (Art 4, 5, 6).',
  })
  @IsIn(AGENCIES)
  to!: Agency;

  @IsText('Why the agency is invited (e.g. risk of a suit, appeal or petition).', 4000) grounds!: string;

  @IsLegalDate(
    'The day the written notice was served; due within 30 days of the moment inviting became possible (v2: acceptance, the non-support decision, or the court’s risk finding, by channel; a late notice is recorded as late).',
  )
  noticeServedOn!: string;

  @IsOptionalText(
    'Art 4 书面通知: the invitee’s department the notice is addressed to; default per invitee (行政检察部门 for the procuratorate).',
    100,
    '行政检察部门',
  )
  addresseeDepartment?: string | null;

  @IsOptionalText(
    'Art 4: the written notice’s document reference (文号); required under v2.',
    100,
    '鲁复邀〔2026〕3号',
  )
  documentRef?: string | null;
}
