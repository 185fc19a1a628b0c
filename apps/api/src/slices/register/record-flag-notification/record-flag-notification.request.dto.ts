import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { FLAG_NOTIFICATION_MEANS, type FlagNotificationMeans } from '@accord/events';
import { IsLegalDate } from '../../../http/dto';

export class RecordFlagNotificationRequestDto {
  @IsLegalDate('The day the party was told of the flag; not before confirmation.') notifiedOn!: string;
  @ApiProperty({ enum: FLAG_NOTIFICATION_MEANS })
  @IsIn(FLAG_NOTIFICATION_MEANS)
  means!: FlagNotificationMeans;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;
}
