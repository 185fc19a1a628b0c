import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import {
  MEETING_KINDS,
  SPECIAL_MEETING_GROUNDS,
  type ActorAgency,
  type MeetingKind,
  type SpecialMeetingGround,
} from '@accord/events';
import { IsLegalDate, IsText } from '../../../http/dto';

const ATTENDEE_AGENCY = /^(COURT|PROCURATORATE|GOV_OFFICE|ORGAN:[A-Za-z0-9_-]{1,64})$/;

export class MeetingAttendeeDto {
  @ApiProperty({
    description: 'COURT, PROCURATORATE, GOV_OFFICE, or an invited organ `ORGAN:<code>`.',
    pattern: ATTENDEE_AGENCY.source,
  })
  @Matches(ATTENDEE_AGENCY, { message: '$property must be COURT, PROCURATORATE, GOV_OFFICE or ORGAN:<code>' })
  agency!: ActorAgency;

  @IsText('Staff id within that agency.', 64, 'court-judge-3') staffId!: string;
  @IsText('Full name.', 200) name!: string;
}

export class SpecialReasonDto {
  @ApiProperty({
    enum: SPECIAL_MEETING_GROUNDS,
    isArray: true,
    description: 'Art 14: major, sensitive or difficult.',
  })
  @IsIn(SPECIAL_MEETING_GROUNDS, { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(SPECIAL_MEETING_GROUNDS.length)
  @ArrayUnique()
  grounds!: SpecialMeetingGround[];

  @IsText('Why the cases need a special meeting.', 4000) explanation!: string;
}

export class RecordMeetingRequestDto {
  @ApiProperty({
    enum: MEETING_KINDS,
    description: 'Art 14: a regular joint meeting (联席会议) or a special meeting (专题会议).',
  })
  @IsIn(MEETING_KINDS)
  kind!: MeetingKind;

  @IsLegalDate('The day it was held; not in the future.') heldOn!: string;

  @ApiProperty({
    type: [MeetingAttendeeDto],
    description: 'At least two of the three agencies, your own among them.',
  })
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => MeetingAttendeeDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  attendees!: MeetingAttendeeDto[];

  @ApiPropertyOptional({
    type: [String],
    description: 'Cases discussed; a special meeting names at least one.',
  })
  @IsOptional()
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  @ArrayMaxSize(100)
  cases?: string[];

  @ApiPropertyOptional({
    type: SpecialReasonDto,
    nullable: true,
    description: 'Required for a special meeting, refused for a regular one.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => SpecialReasonDto)
  specialReason?: SpecialReasonDto | null;

  @ApiProperty({
    type: [String],
    description: 'Conclusions, one per line; at least one (it may say none was reached).',
  })
  @IsString({ each: true })
  @Length(1, 4000, { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  conclusions!: string[];
}
