import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { CASE_OUTCOMES, type CaseOutcome } from '@accord/events';
import { IsLegalDate, IsText } from '../../../http/dto';

/** Art 2 (v2): the court's approval of a withdrawal in litigation (准许, 行政诉讼法 第六十二条). */
export class CourtApprovalDto {
  @IsLegalDate('The day of the ruling approving the withdrawal; not after the outcome.') approvedOn!: string;
  @IsText('The ruling’s document reference.', 100, '（2026）豫0423行初12号之一') documentRef!: string;
}

/** Art 2 (v2): the respondent organ's agreement to a settlement. */
export class OrganAgreementDto {
  @IsLegalDate('The day the organ agreed; not after the outcome.') agreedOn!: string;
  @IsText('Who signed for the organ.', 200, '王某（局长）') signatory!: string;
}

export class RecordOutcomeRequestDto {
  @ApiProperty({
    enum: CASE_OUTCOMES,
    description:
      "SETTLED and MEDIATED rest on every party's consent (Art 2); under v2 SETTLED also records the organ's agreement, and WITHDRAWN is the applicant's own act (with the court's approval in litigation).",
  })
  @IsIn(CASE_OUTCOMES)
  outcome!: CaseOutcome;

  @IsLegalDate('The day the outcome was reached.') decidedOn!: string;

  @IsText('What was agreed or decided.', 4000) summary!: string;

  @ApiPropertyOptional({
    type: [String],
    nullable: true,
    description: 'WITHDRAWN (v2): the party ids of the applicants who withdraw.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  withdrawingPartyIds?: string[] | null;

  @ApiPropertyOptional({
    type: CourtApprovalDto,
    nullable: true,
    description: 'WITHDRAWN in litigation (v2).',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => CourtApprovalDto)
  courtApproval?: CourtApprovalDto | null;

  @ApiPropertyOptional({ type: OrganAgreementDto, nullable: true, description: 'SETTLED (v2).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => OrganAgreementDto)
  organAgreement?: OrganAgreementDto | null;
}
