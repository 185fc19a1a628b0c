import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsLegalDate } from '../../../http/dto';
import { IsOptionalText } from '../../../http/optional-text';

export const INVITATION_ANSWERS = ['ACCEPT', 'DECLINE'] as const;

export class ReplyToInvitationRequestDto {
  @ApiProperty({ enum: INVITATION_ANSWERS, description: 'Take part (ACCEPT) or not (DECLINE).' })
  @IsIn(INVITATION_ANSWERS)
  answer!: (typeof INVITATION_ANSWERS)[number];

  @IsLegalDate('The day of the written reply; due within 3 days of the notice (Art 4).') repliedOn!: string;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    maxLength: 4000,
    description: 'Required when declining; omitted or null when accepting.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 4000)
  reasons?: string | null;

  @IsOptionalText(
    'Art 4 书面回复: the written reply’s document reference (文号); required under v2.',
    100,
    '鲁检行复〔2026〕5号',
  )
  documentRef?: string | null;
}
