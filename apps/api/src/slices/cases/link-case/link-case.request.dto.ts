import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { CASE_CHANNELS, type CaseChannel } from '@accord/events';

export class LinkCaseRequestDto {
  @ApiProperty({ format: 'uuid', description: 'Id of the case about the same dispute in another channel.' })
  @IsUUID()
  linkedCaseId!: string;

  @ApiProperty({
    enum: CASE_CHANNELS,
    description:
      "The linked case's channel, as stated by the linking agency; it must differ from this case's (Art 1).",
  })
  @IsIn(CASE_CHANNELS)
  linkedChannel!: CaseChannel;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Why the cases belong together.' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;
}
