import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { IsLegalDate, IsText } from '../../../http/dto';

export class LiaisonDto {
  @ApiProperty({
    description: 'Staff id of the liaison (as on tokens).',
    pattern: '^[A-Za-z0-9._-]{1,64}$',
    example: 'court-liaison-1',
  })
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: '$property must be 1-64 letters, digits, ., _ or -' })
  staffId!: string;

  @IsText('Full name.', 200, '王五') name!: string;

  @ApiProperty({
    maxLength: 200,
    description: 'Work telephone or other contact, as the agency publishes it; may be empty.',
  })
  @IsString()
  @Length(0, 200)
  contact!: string;
}

export class DesignateLiaisonRequestDto {
  @ApiProperty({ type: LiaisonDto })
  @IsObject()
  @ValidateNested()
  @Type(() => LiaisonDto)
  liaison!: LiaisonDto;

  @IsLegalDate('First day of the term; the predecessor’s term ends on it (Art 16).') from!: string;
}
