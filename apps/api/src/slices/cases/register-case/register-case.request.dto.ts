import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  CASE_CHANNELS,
  CASE_PARTY_ID_SCHEMES,
  CASE_PARTY_KINDS,
  type CaseChannel,
  type CasePartyIdScheme,
  type CasePartyKind,
} from '@accord/events';
import { DATE_FLOORS, IsIdentifier, IsLegalDate, IsOrganCode, IsText } from '../../../http/dto';

export class CasePartyDto {
  @IsIdentifier('Id of the party within the case (used by consents and activities).', 64, 'p-1')
  partyId!: string;
  @ApiProperty({ enum: CASE_PARTY_KINDS }) @IsIn(CASE_PARTY_KINDS) kind!: CasePartyKind;
  @IsText('Name as on the case file.', 200, '张三') name!: string;
  @ApiProperty({ enum: CASE_PARTY_ID_SCHEMES }) @IsIn(CASE_PARTY_ID_SCHEMES) idScheme!: CasePartyIdScheme;
  @IsIdentifier('Identity document or credit code number.', 64) idNumber!: string;
}

export class OrganRefDto {
  @IsOrganCode('Organ code.') code!: string;
  @IsText('Organ name.', 200, '县自然资源局') name!: string;
}

export class RegisterCaseRequestDto {
  @ApiProperty({
    enum: CASE_CHANNELS,
    description: 'The channel; only its lead agency may register (Art 1).',
  })
  @IsIn(CASE_CHANNELS)
  channel!: CaseChannel;

  @IsIdentifier("The lead agency's own docket number.", 100, '（2024）鲁0423行初12号')
  externalCaseNumber!: string;

  @IsLegalDate(
    'The day the case was accepted (受理); Art 4/7 deadlines count from it.',
    DATE_FLOORS.caseAcceptance,
  )
  acceptedOn!: string;

  @ApiProperty({ type: [CasePartyDto] })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CasePartyDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  parties!: CasePartyDto[];

  @ApiProperty({ type: OrganRefDto, description: 'The administrative organ whose act is disputed.' })
  @IsObject()
  @ValidateNested()
  @Type(() => OrganRefDto)
  respondent!: OrganRefDto;

  @IsText('What the dispute is about.', 4000) matter!: string;

  @ApiProperty({ minimum: 1, description: 'Art 10: many people involved can make a case major risk.' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  peopleInvolved!: number;
}
