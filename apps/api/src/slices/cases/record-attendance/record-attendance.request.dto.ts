import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { ATTENDANCE_KINDS, ORGAN_HEAD_ROLES, type AttendanceKind, type OrganHeadRole } from '@accord/events';
import { IsText } from '../../../http/dto';

export class OrganHeadDto {
  @IsText('Name of the head who came.', 200, '王五') name!: string;

  @ApiProperty({
    enum: ORGAN_HEAD_ROLES,
    description: 'Art 12: principal (主要负责人) or deputy (分管负责人) head.',
  })
  @IsIn(ORGAN_HEAD_ROLES)
  role!: OrganHeadRole;
}

export class RecordAttendanceRequestDto {
  @ApiProperty({ enum: ATTENDANCE_KINDS }) @IsIn(ATTENDANCE_KINDS) attendance!: AttendanceKind;

  @ApiPropertyOptional({
    type: OrganHeadDto,
    nullable: true,
    description: 'Required for ATTENDED, else omitted or null.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => OrganHeadDto)
  attendee?: OrganHeadDto | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    maxLength: 4000,
    description: 'Required for ABSENT_JUSTIFIED, else omitted or null.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 4000)
  justification?: string | null;
}
