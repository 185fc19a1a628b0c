import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AGENCIES, CASE_CHANNELS, type Agency, type CaseChannel, type LegalDate } from '@accord/events';
import { CASE_STAGES, type CaseStage } from '@accord/domain';

export class OpenInvitationDto {
  @ApiProperty() invitationId!: string;
  @ApiProperty({ enum: AGENCIES, description: 'The invited agency.' }) agency!: Agency;
}

/**
 * One row of the case list. A participant or an auditor sees the full row; an agency with an open
 * invitation sees the reduced one (Art 4/7, Art 17): what the notice says and its own invitations,
 * not who else takes part, nor how far the case has gone.
 */
export class CaseListItemDto {
  @ApiProperty() caseId!: string;
  @ApiProperty({ enum: ['participant', 'invitee', 'auditor'] }) access!: string;
  @ApiProperty({ enum: ['full', 'reduced'] }) view!: 'full' | 'reduced';
  @ApiProperty({ enum: CASE_CHANNELS }) channel!: CaseChannel;
  @ApiProperty({ enum: AGENCIES }) leadAgency!: Agency;
  @ApiProperty() externalCaseNumber!: string;
  @ApiProperty({ type: String, example: '2024-03-01' }) acceptedOn!: LegalDate;
  @ApiProperty({ enum: ['open', 'closed'] }) status!: 'open' | 'closed';
  @ApiProperty({ description: 'Stream revision the row reflects.' }) revision!: number;
  @ApiProperty({ description: 'Global position of the last event the row reflects.' }) position!: number;
  @ApiPropertyOptional({ enum: CASE_STAGES, description: 'Full rows only.' }) stage?: CaseStage;
  @ApiPropertyOptional({ enum: AGENCIES, isArray: true, description: 'Full rows only.' })
  participants?: readonly Agency[];
  @ApiProperty({
    type: [OpenInvitationDto],
    description: 'Full rows: every open invitation; reduced rows: only your own.',
  })
  openInvitations!: readonly OpenInvitationDto[];
}

export class CaseListDto {
  @ApiProperty({ type: [CaseListItemDto], description: 'Newest registration first.' })
  items!: CaseListItemDto[];
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `after` for the next page; null on the last page.',
  })
  nextCursor!: string | null;
  @ApiProperty({ description: 'Global position of the ledger the list reflects (at least your last write).' })
  position!: number;
}
